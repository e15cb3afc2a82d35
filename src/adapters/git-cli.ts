import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PyreleaseError } from '../domain/errors';
import type { CreateTagOptions, GitRepositoryReads, GitWrites, LocalTag, PushOutcome } from '../ports/git';
import type { ProcessRunner } from '../ports/process';
import { runAtTerminal, type TerminalHandOver } from './terminal-process';

/** Network operations get a bound, like np's: a hung remote must not hang the release. */
const GIT_NETWORK_TIMEOUT = 120_000;

/** Git through its command line, one small method per question. */
export class GitCli implements GitRepositoryReads {
  constructor(
    private readonly processes: ProcessRunner,
    private readonly cwd: string,
  ) {}

  private async git(args: string[]): Promise<{ exitCode: number; stdout: string }> {
    return this.processes.run('git', args, { cwd: this.cwd, reject: false });
  }

  async topLevel(): Promise<string | undefined> {
    const result = await this.git(['rev-parse', '--show-toplevel']);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async commonDir(): Promise<string> {
    const result = await this.processes.run('git', ['rev-parse', '--git-common-dir'], { cwd: this.cwd });
    return resolve(this.cwd, result.stdout.trim());
  }

  async currentBranch(): Promise<string | undefined> {
    const result = await this.git(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async status(): Promise<string[]> {
    const result = await this.processes.run('git', ['status', '--porcelain=v1'], { cwd: this.cwd });
    return result.stdout.split('\n').filter((line) => line.length > 0);
  }

  async remoteUrl(name: string): Promise<string | undefined> {
    // The configured URL, before `insteadOf` rewriting: that is the repository it stands for.
    const result = await this.git(['config', '--get', `remote.${name}.url`]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async tags(): Promise<string[]> {
    const result = await this.processes.run('git', ['tag', '--list'], { cwd: this.cwd });
    return result.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  }

  async localTag(tag: string): Promise<LocalTag | undefined> {
    const ref = `refs/tags/${tag}`;
    const object = await this.git(['rev-parse', '--verify', '--quiet', ref]);
    if (object.exitCode !== 0) return undefined;
    const peeled = await this.git(['rev-parse', '--verify', '--quiet', `${ref}^{}`]);
    const sha = peeled.stdout.trim();
    // Only a tag object differs from what it points at.
    return { sha, annotated: sha !== object.stdout.trim() };
  }

  async upstream(): Promise<{ name: string; ahead: number; behind: number } | undefined> {
    const name = await this.git(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
    if (name.exitCode !== 0) return undefined;
    const counts = await this.processes.run('git', ['rev-list', '--left-right', '--count', 'HEAD...@{upstream}'], {
      cwd: this.cwd,
    });
    const [ahead = 0, behind = 0] = counts.stdout.trim().split(/\s+/).map(Number);
    return { name: name.stdout.trim(), ahead, behind };
  }

  async isShallow(): Promise<boolean> {
    // `true` or `false`; a git older than 2.15 echoes the option back instead, which reads as not shallow.
    const result = await this.git(['rev-parse', '--is-shallow-repository']);
    return result.exitCode === 0 && result.stdout.trim() === 'true';
  }

  async fetch(remote: string): Promise<void> {
    await this.processes.run('git', ['fetch', '--quiet', '--tags', '--prune', remote], {
      cwd: this.cwd,
      timeoutMs: GIT_NETWORK_TIMEOUT,
    });
  }

  async resolve(ref: string): Promise<string | undefined> {
    const result = await this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (await this.git(['merge-base', '--is-ancestor', ancestor, descendant])).exitCode === 0;
  }

  async remoteTags(remote: string): Promise<Map<string, string>> {
    const result = await this.processes.run('git', ['ls-remote', '--tags', remote], {
      cwd: this.cwd,
      timeoutMs: GIT_NETWORK_TIMEOUT,
    });
    const tags = new Map<string, string>();
    // Peeled entries (`^{}`) name the commit of an annotated tag; they win over the tag object.
    for (const line of result.stdout.split('\n')) {
      const [sha, ref] = line.trim().split(/\s+/);
      if (!sha || !ref?.startsWith('refs/tags/')) continue;
      const peeled = ref.endsWith('^{}');
      const name = ref.slice('refs/tags/'.length).replace(/\^\{\}$/, '');
      if (peeled || !tags.has(name)) tags.set(name, sha);
    }
    return tags;
  }

  async fileAt(ref: string, path: string): Promise<string | undefined> {
    const result = await this.git(['show', `${ref}:${path}`]);
    return result.exitCode === 0 ? result.stdout : undefined;
  }

  async changedFiles(base: string | undefined, head: string): Promise<string[]> {
    const args = base ? ['diff', '--name-only', `${base}...${head}`] : ['ls-tree', '-r', '--name-only', head];
    const result = await this.processes.run('git', args, { cwd: this.cwd });
    return result.stdout.split('\n').filter(Boolean);
  }

  async commits(base: string | undefined, head: string): Promise<{ sha: string; subject: string }[]> {
    const range = base ? [`${base}..${head}`] : [head];
    const result = await this.processes.run('git', ['log', '--format=%H%x1f%s', ...range], { cwd: this.cwd });
    return result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [sha = '', subject = ''] = line.split('\u001f');
        return { sha, subject };
      });
  }

  async editor(): Promise<string | undefined> {
    const result = await this.git(['var', 'GIT_EDITOR']);
    const value = result.stdout.trim();
    return result.exitCode === 0 && value !== '' ? value : undefined;
  }

  async subject(ref: string): Promise<string> {
    return (await this.processes.run('git', ['log', '-1', '--format=%s', ref], { cwd: this.cwd })).stdout.trim();
  }
}

/** Git's writes, each one command with an argument array. */
export class GitCliWrites implements GitWrites {
  constructor(
    private readonly processes: ProcessRunner,
    private readonly cwd: string,
    private readonly terminal: TerminalHandOver,
  ) {}

  async commit(paths: string[], message: string): Promise<string> {
    await this.processes.run('git', ['add', '--', ...paths], { cwd: this.cwd });
    await this.processes.run('git', ['commit', '--quiet', '-m', message, '--', ...paths], { cwd: this.cwd });
    return (await this.processes.run('git', ['rev-parse', 'HEAD'], { cwd: this.cwd })).stdout.trim();
  }

  async push(remote: string, refspec: string): Promise<PushOutcome> {
    const result = await this.processes.run('git', ['push', '--porcelain', remote, refspec], {
      cwd: this.cwd,
      reject: false,
      timeoutMs: GIT_NETWORK_TIMEOUT,
    });
    if (result.exitCode === 0) return { ok: true };
    const message = (result.stderr || result.stdout).trim();
    // GitHub says GH006 for a protected branch and GH013 for a ruleset (tags too); other servers say "protected" in
    // their words.
    return { ok: false, protected: /GH006|GH013|protected (branch|ref|tag)/i.test(message), message };
  }

  async pushTag(remote: string, tag: string): Promise<PushOutcome> {
    // Fully qualified on both sides: a bare name could match a branch, and `--tags` would publish every local tag.
    return this.push(remote, `refs/tags/${tag}:refs/tags/${tag}`);
  }

  async createTag(options: CreateTagOptions): Promise<void> {
    // `--no-sign` wins over a `tag.gpgSign = true` in the user's config, which would otherwise prompt with no terminal.
    // `--cleanup=whitespace`: the default strips `#` lines, and release notes use them as Markdown headings.
    const args = [
      'tag',
      options.sign ? '--sign' : '--annotate',
      ...(options.sign ? [] : ['--no-sign']),
      '--cleanup=whitespace',
      '-m',
      options.message,
      '--',
      options.name,
      options.sha,
    ];
    if (!options.sign) {
      const result = await this.processes.run('git', args, { cwd: this.cwd, reject: false });
      if (result.exitCode === 0) return;
      throw new PyreleaseError(
        'git.tag-failed',
        `git could not create the tag ${options.name}:\n${tail(result.stderr || result.stdout)}`,
        {
          hint: 'Fix what git says, then run `pyrelease --resume`.',
        },
      );
    }
    const result = await runAtTerminal(this.terminal, 'git', args, this.cwd);
    if (result.exitCode === 0) return;
    throw new PyreleaseError(
      'git.tag-sign-failed',
      `git could not sign the tag ${options.name}${result.stderr ? `:\n${tail(result.stderr)}` : '.'}`,
      {
        hint:
          'Give git a signing key (`git config user.signingkey KEY`, and `git ' +
          'config gpg.format ssh` for an SSH key), or set `sign-tags = false` in ' +
          '[tool.pyrelease]; then run `pyrelease --resume`.',
      },
    );
  }

  async writeFile(path: string, text: string): Promise<void> {
    await writeFile(resolve(this.cwd, path), text, 'utf8');
  }
}

/** The last lines of git's output: where it says what went wrong. */
function tail(output: string): string {
  return output.trim().split('\n').slice(-5).join('\n');
}
