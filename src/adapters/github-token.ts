import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { PyreleaseError } from '../domain/errors';
import type { Redactor } from '../domain/redactor';
import type { ProcessRunner } from '../ports/process';

export type TokenSource = 'GH_TOKEN' | 'GITHUB_TOKEN' | 'gh auth token';

/** The token and where it came from, kept apart: no message ever pairs the two. */
export interface ResolvedToken {
  token: string;
  source: TokenSource;
}

export interface ResolveTokenOptions {
  env: Record<string, string | undefined>;
  runner: ProcessRunner;
  redactor: Redactor;
  /** The GitHub host for `gh auth token --hostname` (GitHub Enterprise); gh's default otherwise. */
  host?: string;
  /** `OWNER/REPO`, named in the hint when no token is found. */
  repository?: string;
  /** Whether a program is on PATH; by default `env.PATH` is searched. */
  isOnPath?: (program: string) => Promise<boolean>;
  platform?: NodeJS.Platform;
}

async function onPath(
  program: string,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
): Promise<boolean> {
  const extensions = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').concat('') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      try {
        await access(join(dir, program + extension), platform === 'win32' ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        // Not here: keep looking.
      }
    }
  }
  return false;
}

/** What GitHub CLI prints, when it has a token: the token and a newline (TECH-FACTS §5.4). */
async function fromGh(options: ResolveTokenOptions): Promise<string | undefined> {
  const platform = options.platform ?? process.platform;
  const available = await (options.isOnPath ?? ((program: string) => onPath(program, options.env, platform)))('gh');
  if (!available) return undefined;
  const args = ['auth', 'token', ...(options.host ? ['--hostname', options.host] : [])];
  try {
    // A failure ("no oauth token found for github.com", an old gh without `auth token`) means "none".
    const result = await options.runner.run('gh', args, { reject: false, timeoutMs: 15_000 });
    const token = result.exitCode === 0 ? result.stdout.trim() : '';
    return token === '' ? undefined : token;
  } catch {
    return undefined;
  }
}

/**
 * Finds the GitHub token: `GH_TOKEN`, then `GITHUB_TOKEN`, then `gh auth token` (only when `gh` is
 * installed). The token is registered with the redactor the moment it is read, before anything
 * could print it. No token is an error that says exactly how to get one.
 */
export async function resolveGitHubToken(options: ResolveTokenOptions): Promise<ResolvedToken> {
  for (const source of ['GH_TOKEN', 'GITHUB_TOKEN'] as const) {
    const token = options.env[source]?.trim();
    if (token) {
      options.redactor.add(token);
      return { token, source };
    }
  }
  const token = await fromGh(options);
  if (token) {
    options.redactor.add(token);
    return { token, source: 'gh auth token' };
  }
  const repository = options.repository ?? 'the repository';
  throw new PyreleaseError(
    'github.no-token',
    'No GitHub token: GH_TOKEN and GITHUB_TOKEN are not set, and `gh auth token` gave none.',
    {
      hint:
        'Run `gh auth login` (GitHub CLI), or create a fine-grained personal access token for ' +
        `${repository} with Actions: read and write, Contents: read and write, Deployments: read and write, ` +
        'Issues: read and write (milestones), Commit statuses: read and Metadata: read, and put it in GH_TOKEN. ' +
        'A classic token needs the `repo` and `workflow` scopes.',
    },
  );
}
