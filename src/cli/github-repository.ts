import { GitCli } from '../adapters/git-cli';
import { resolveApiBaseUrl } from '../adapters/github-octokit';
import { resolveGitHubToken } from '../adapters/github-token';
import { ExecaProcessRunner } from '../adapters/process-execa';
import { isPyreleaseError } from '../domain/errors';
import { parseGitHubRemote } from '../domain/github-remote';
import { Redactor } from '../domain/redactor';
import type { ProcessRunner } from '../ports/process';

export function githubApiUrl(env: NodeJS.ProcessEnv): string {
  return resolveApiBaseUrl(undefined, env);
}

/** owner/repo of a GitHub remote; undefined for a local path or anything that is not GitHub. */
export function parseRemoteForDoctor(url: string): { owner: string; repo: string } | undefined {
  try {
    const remote = parseGitHubRemote(url);
    return remote ? { owner: remote.owner, repo: remote.repo } : undefined;
  } catch (error) {
    if (isPyreleaseError(error)) return undefined;
    throw error;
  }
}

/** Whether a token can be had, and from where; never its value. */
export async function tokenAvailability(
  env: NodeJS.ProcessEnv,
  runner: ProcessRunner,
  redactor: Redactor,
): Promise<{ available: boolean; source: string | undefined }> {
  try {
    const { source } = await resolveGitHubToken({ env, runner, redactor });
    return { available: true, source };
  } catch (error) {
    if (isPyreleaseError(error) && error.code === 'github.no-token') return { available: false, source: undefined };
    throw error;
  }
}

/** The GitHub repository behind the checkout's `origin`, if it is one. */
export async function findGitHubRepository(root: string): Promise<{ owner: string; repo: string } | undefined> {
  const url = await new GitCli(new ExecaProcessRunner(new Redactor(), { cwd: root }), root).remoteUrl('origin');
  return url ? parseRemoteForDoctor(url) : undefined;
}
