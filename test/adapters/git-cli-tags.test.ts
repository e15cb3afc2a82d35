import { execa } from 'execa';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitCli, GitCliWrites } from '../../src/adapters/git-cli';
import { ExecaProcessRunner } from '../../src/adapters/process-execa';
import { Redactor } from '../../src/domain/redactor';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

interface Fixture {
  work: string;
  remote: string;
  env: Record<string, string>;
  reads: GitCli;
  writes: GitCliWrites;
  /** How often the front end was suspended, and resumed. */
  terminal: { suspended: number; resumed: number };
  git: (...args: string[]) => Promise<string>;
}

/** A repository with two commits and a bare `origin`; no global config, and a gpg home with no keys. */
async function setUp(): Promise<Fixture> {
  const root = tempDir();
  const work = join(root, 'work');
  const remote = join(root, 'remote.git');
  const gnupgHome = join(root, 'gnupg');
  await mkdir(work);
  await mkdir(gnupgHome, { mode: 0o700 });
  const env = { GNUPGHOME: gnupgHome, GIT_CONFIG_GLOBAL: join(root, 'no-gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
  const git = async (...args: string[]) => (await execa('git', args, { cwd: work, env })).stdout.trim();
  await execa('git', ['init', '-q', '--bare', remote], { env });
  await git('init', '-q', '-b', 'main');
  await git('config', 'user.name', 'Test Maintainer');
  await git('config', 'user.email', 'maintainer@example.invalid');
  await git('remote', 'add', 'origin', remote);
  await git('commit', '-q', '--allow-empty', '-m', 'First');
  await git('commit', '-q', '--allow-empty', '-m', 'Second');
  const processes = new ExecaProcessRunner(new Redactor(), { cwd: work, env });
  const terminal = { suspended: 0, resumed: 0 };
  const suspend = async () => {
    terminal.suspended += 1;
    return async () => {
      terminal.resumed += 1;
    };
  };
  return {
    work,
    remote,
    env,
    git,
    terminal,
    reads: new GitCli(processes, work),
    writes: new GitCliWrites(processes, work, { env: { ...process.env, ...env }, suspend }),
  };
}

describe('GitCli.localTag', () => {
  it('tells lightweight from annotated tags, peeled to the commit, and a missing tag', async () => {
    const { git, reads } = await setUp();
    const first = await git('rev-parse', 'HEAD~1');
    await git('tag', 'light', first);
    await git('tag', '-a', '-m', 'Annotated', 'heavy', first);

    expect(await reads.localTag('light')).toEqual({ sha: first, annotated: false });
    expect(await reads.localTag('heavy')).toEqual({ sha: first, annotated: true });
    expect(await reads.localTag('v9.9.9')).toBeUndefined();
  });

  it('does not mistake a branch of that name for a tag', async () => {
    const { git, reads } = await setUp();
    await git('branch', 'v1.0.0');
    expect(await reads.localTag('v1.0.0')).toBeUndefined();
  });
});

describe('GitCliWrites.createTag', () => {
  it('creates an annotated tag at the given commit, not HEAD, keeping Markdown headings in the message', async () => {
    const { git, reads, writes, terminal } = await setUp();
    const first = await git('rev-parse', 'HEAD~1');
    // A user who signs every tag by default: sign = false must still mean unsigned, with no prompt.
    await git('config', 'tag.gpgSign', 'true');
    const message = '# Release 1.0.0\n\n## Fixed\n\n- A bug';

    await writes.createTag({ name: 'v1.0.0', sha: first, message, sign: false });

    expect(await reads.localTag('v1.0.0')).toEqual({ sha: first, annotated: true });
    expect(await git('tag', '-l', '--format=%(contents)', 'v1.0.0')).toBe(message);
    expect(await git('cat-file', '-p', 'v1.0.0')).not.toContain('BEGIN PGP SIGNATURE');
    expect(terminal.suspended).toBe(0);
  });

  it('fails with a way forward when the tag already exists', async () => {
    const { git, writes } = await setUp();
    await git('tag', 'v1.0.0');
    const head = await git('rev-parse', 'HEAD');
    await expect(writes.createTag({ name: 'v1.0.0', sha: head, message: 'Again', sign: false })).rejects.toMatchObject({
      code: 'git.tag-failed',
      message: expect.stringContaining('already exists'),
      hint: expect.stringContaining('--resume'),
    });
  });

  it('hands the terminal over to sign, and explains what to do when there is no key', async () => {
    const { git, reads, writes, terminal } = await setUp();
    const head = await git('rev-parse', 'HEAD');

    const error = await writes
      .createTag({ name: 'v1.0.0', sha: head, message: 'Signed', sign: true })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'git.tag-sign-failed', hint: expect.stringContaining('sign-tags = false') });
    expect(error).toMatchObject({ hint: expect.stringContaining('user.signingkey') });
    expect(terminal).toEqual({ suspended: 1, resumed: 1 });
    expect(await reads.localTag('v1.0.0')).toBeUndefined();
  });

  it('explains the same way when the signing program is not installed', async () => {
    const { git, writes, terminal } = await setUp();
    await git('config', 'gpg.program', join(tempDir(), 'no-such-gpg'));
    const head = await git('rev-parse', 'HEAD');

    await expect(writes.createTag({ name: 'v1.0.0', sha: head, message: 'Signed', sign: true })).rejects.toMatchObject({
      code: 'git.tag-sign-failed',
      hint: expect.stringContaining('sign-tags = false'),
    });
    expect(terminal).toEqual({ suspended: 1, resumed: 1 });
  });
});

describe('GitCliWrites.pushTag and GitCli.remoteTags', () => {
  it('pushes that one tag alone, and reads annotated tags peeled to their commit', async () => {
    const { git, reads, writes } = await setUp();
    const [head, first] = [await git('rev-parse', 'HEAD'), await git('rev-parse', 'HEAD~1')];
    await writes.createTag({ name: 'v1.0.0', sha: first, message: 'One', sign: false });
    await git('tag', 'v0.9.0', first);
    await git('tag', 'not-yet', head);

    expect(await writes.pushTag('origin', 'v1.0.0')).toEqual({ ok: true });
    expect(await writes.pushTag('origin', 'v0.9.0')).toEqual({ ok: true });

    expect(await reads.remoteTags('origin')).toEqual(
      new Map([
        ['v0.9.0', first],
        ['v1.0.0', first],
      ]),
    );
  });

  it('is a success to push a tag the remote already has at the same commit', async () => {
    const { git, writes } = await setUp();
    await writes.createTag({ name: 'v1.0.0', sha: await git('rev-parse', 'HEAD'), message: 'One', sign: false });
    expect(await writes.pushTag('origin', 'v1.0.0')).toEqual({ ok: true });
    expect(await writes.pushTag('origin', 'v1.0.0')).toEqual({ ok: true });
  });

  it('reports a tag the remote already has at another commit, without forcing it', async () => {
    const { git, reads, writes } = await setUp();
    const [head, first] = [await git('rev-parse', 'HEAD'), await git('rev-parse', 'HEAD~1')];
    await writes.createTag({ name: 'v1.0.0', sha: first, message: 'One', sign: false });
    await writes.pushTag('origin', 'v1.0.0');
    await git('tag', '-d', 'v1.0.0');
    await writes.createTag({ name: 'v1.0.0', sha: head, message: 'One, again', sign: false });

    const outcome = await writes.pushTag('origin', 'v1.0.0');

    expect(outcome).toMatchObject({ ok: false, protected: false, message: expect.stringContaining('already exists') });
    expect((await reads.remoteTags('origin')).get('v1.0.0')).toBe(first);
  });

  it('recognizes a tag refused by a ruleset as protected', async () => {
    const { git, remote, writes } = await setUp();
    const hook = join(remote, 'hooks', 'pre-receive');
    await writeFile(
      hook,
      '#!/bin/sh\necho "error: GH013: Repository rule violations found for refs/tags/v1.0.0." >&2\nexit 1\n',
    );
    await chmod(hook, 0o755);
    await writes.createTag({ name: 'v1.0.0', sha: await git('rev-parse', 'HEAD'), message: 'One', sign: false });

    expect(await writes.pushTag('origin', 'v1.0.0')).toMatchObject({
      ok: false,
      protected: true,
      message: expect.stringContaining('GH013'),
    });
  });
});
