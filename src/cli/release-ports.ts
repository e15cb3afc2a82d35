import { userInfo } from 'node:os';
import { GitCliWrites } from '../adapters/git-cli';
import { OctokitGitHub, resolveApiBaseUrl } from '../adapters/github-octokit';
import { resolveGitHubToken } from '../adapters/github-token';
import { HttpPackageIndex } from '../adapters/index-http';
import { WorkingTreeProject } from '../adapters/project-reader';
import { ProcessEditor } from '../adapters/editor-process';
import { PythonVenvEnvironments } from '../adapters/python-venv';
import { systemClock } from '../adapters/system-clock';
import { PyreleaseError } from '../domain/errors';
import { parseGitHubRemote } from '../domain/github-remote';
import type { Emit } from '../engine/events';
import type { ReleasePorts } from '../engine/stages/release-ports';
import { releaseSession } from '../engine/stages/release-session';
import type { ReleaseConfig } from '../domain/config';
import type { GitHubReads, GitHubWrites } from '../ports/github';
import type { PackageIndexReads } from '../ports/package-index';
import type { FrontEnd } from './front-end';
import { lazyPort } from './lazy-port';
import { isLoopbackUrl } from './loopback-guard';
import type { Workspace } from './workspace';

export interface ReleasePortOptions {
  workspace: Workspace;
  /** The editor git would open (`git var GIT_EDITOR`); ProcessEditor applies git's order to it and the environment. */
  gitEditor?: string | undefined;
  env: NodeJS.ProcessEnv;
  frontEnd: FrontEnd;
  interactive: boolean;
  emit: Emit;
  /** The branch the flow releases from, given the configuration. */
  branchOf(config: ReleaseConfig): string;
}

/** Wires the release plan's ports to the real world (or the sandbox, by environment). */
export function createReleasePorts(options: ReleasePortOptions): ReleasePorts {
  const { workspace, env } = options;
  const project = new WorkingTreeProject(workspace.topLevel, workspace.git);
  const session = releaseSession(project, options.branchOf);
  let repository: Promise<{ owner: string; repo: string; htmlUrl: string }> | undefined;
  const findRepository = () =>
    (repository ??= (async () => {
      const url = await workspace.git.remoteUrl('origin');
      const remote = url ? parseGitHubRemote(url) : undefined;
      if (!remote) {
        throw new PyreleaseError(
          'github.no-repository',
          url ? `origin (${url}) is not a GitHub repository.` : 'This repository has no origin remote.',
          {
            hint: 'Add the GitHub repository as origin: `git remote add origin git@github.com:OWNER/REPO.git`.',
          },
        );
      }
      const web = env['GITHUB_SERVER_URL']?.replace(/\/+$/, '') ?? `https://${remote.host}`;
      return { owner: remote.owner, repo: remote.repo, htmlUrl: `${web}/${remote.owner}/${remote.repo}` };
    })());
  const github = lazyPort<GitHubReads & GitHubWrites>(async () => {
    const { owner, repo } = await findRepository();
    const { token } = await resolveGitHubToken({
      env,
      runner: workspace.processes,
      redactor: workspace.redactor,
      repository: `${owner}/${repo}`,
    });
    const baseUrl = resolveApiBaseUrl(undefined, env);
    return new OctokitGitHub({
      owner,
      repo,
      token,
      baseUrl,
      // A second between writes spares GitHub's secondary rate limit; a server on this machine (the sandbox) has none.
      ...(isLoopbackUrl(baseUrl) ? { secondMs: 10 } : {}),
      onWait: (wait) =>
        options.emit({
          type: 'note',
          level: 'info',
          message: `Waiting ${Math.ceil(wait.seconds)} s for GitHub's ${wait.reason === 'rate-limit' ? 'rate limit' : 'secondary rate limit'}.`,
        }),
    });
  });
  const index = (which: 'pypi' | 'testpypi') =>
    lazyPort<PackageIndexReads>(async () => {
      const { config } = await session.project();
      return new HttpPackageIndex({ baseUrl: config.index[which], clock: systemClock });
    });
  const pollIntervalMs = Number(env['PYRELEASE_POLL_INTERVAL_MS'] ?? '') || 3000;
  return {
    reads: {
      git: workspace.git,
      project,
      session,
      github,
      repository: findRepository,
      pypi: index('pypi'),
      testpypi: index('testpypi'),
      clock: systemClock,
      pacing: { pollIntervalMs },
      user: env['USER'] ?? userInfo().username,
      python: new PythonVenvEnvironments(workspace.processes),
      env,
    },
    writes: {
      git: new GitCliWrites(workspace.processes, workspace.topLevel, {
        env,
        suspend: () => options.frontEnd.suspend(),
      }),
      github,
      editor: new ProcessEditor({
        env,
        gitEditor: options.gitEditor,
        interactive: options.interactive,
        suspend: () => options.frontEnd.suspend(),
      }),
    },
  };
}
