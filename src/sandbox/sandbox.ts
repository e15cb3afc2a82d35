import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubSim, type GitHubSim } from './github-sim';
import { startIndexServer, type IndexServer } from './index-server';
import { installRemoteHooks, reportPush, startPushRelay, type PushRelay } from './push-relay';
import { createSampleProject, type SampleProject } from './sample-project/create-sample-project';
import { seedSamplePullRequests } from './sample-project/sample-pull-requests';
import { sandboxGit } from './sample-project/sandbox-git';
import type { SandboxScenario } from './scenarios';
import { attachMergeBot } from './workflows-sim/merge-bot';
import { attachWorkflowsSim, type WorkflowsSim } from './workflows-sim/workflows-sim';

export interface SandboxOptions {
  scenario: SandboxScenario;
  /** A Python that can build the sample (see checkPrerequisites). */
  python: string;
  /** Where to build it; a new temporary directory by default. */
  dir?: string;
}

export interface Sandbox {
  workspace: string;
  project: SampleProject;
  pypi: IndexServer;
  testpypi: IndexServer;
  github: GitHubSim;
  actions: WorkflowsSim;
  logPath: string;
  /** The environment that points pyrelease at the sandbox instead of the real services. */
  env: Record<string, string>;
  /** Stops every server; removes the workspace unless `keep`. */
  stop(options?: { keep?: boolean }): Promise<void>;
}

const OWNER = 'pyrelease-sandbox';
const REPO = 'quillnote';

/**
 * A world to release into, offline: the sample project and its bare remote, PyPI and TestPyPI
 * on loopback, a simulated GitHub whose Actions build and upload for real. The previous release
 * (v0.1.0) is already published the way every later one will be: by its tag's publish run.
 */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const workspace = options.dir ?? mkdtempSync(join(tmpdir(), 'pyrelease-demo-'));
  await mkdir(workspace, { recursive: true });
  const logPath = join(workspace, 'simulator.log');
  const log = (line: string) => appendFileSync(logPath, `${new Date().toISOString()} ${line}\n`);
  const { scenario } = options;
  const stoppers: (() => Promise<void> | void)[] = [];
  const stop = async (stopOptions: { keep?: boolean } = {}) => {
    for (const stopper of stoppers.reverse()) await stopper();
    stoppers.length = 0;
    if (!stopOptions.keep) await rm(workspace, { recursive: true, force: true });
  };

  try {
    const pypi = await startIndexServer({
      name: 'pypi',
      dataDir: join(workspace, 'indexes', 'pypi'),
      lagMs: scenario.indexLagMs,
    });
    stoppers.push(() => pypi.stop());
    const testpypi = await startIndexServer({
      name: 'testpypi',
      dataDir: join(workspace, 'indexes', 'testpypi'),
      lagMs: scenario.indexLagMs,
    });
    stoppers.push(() => testpypi.stop());
    const token = `ghs_sandbox${randomBytes(12).toString('hex')}`;
    const github = await startGitHubSim({ owner: OWNER, repo: REPO, token, userLogin: 'sandbox-maintainer' });
    stoppers.push(() => github.stop());

    const project = await createSampleProject({
      workspace,
      shape: scenario.shape,
      owner: OWNER,
      repo: REPO,
      pypiUrl: pypi.url,
      testpypiUrl: testpypi.url,
    });
    log(`sample project ${project.name} (${project.shape}) in ${project.projectDir}`);

    // GitHub learns the history the way it would have: main pushed, then the v0.1.0 tag.
    const mainSha = await sandboxGit(project.remoteDir, ['rev-parse', 'refs/heads/main']);
    const zero = '0'.repeat(40);
    await reportPush(github, project.remoteDir, [`${zero} ${mainSha} refs/heads/main`]);
    // The history's `(#N)` commits were merged pull requests, labelled for the release notes.
    await seedSamplePullRequests(github, project.remoteDir, 'main');
    // The previous release went through the very same publish workflow, with no faults.
    const attach = (actionsScenario: SandboxScenario['actions']) =>
      attachWorkflowsSim({
        sim: github,
        remoteDir: project.remoteDir,
        workRoot: join(workspace, 'runner'),
        python: options.python,
        uploadUrls: { pypi: pypi.uploadUrl, testpypi: testpypi.uploadUrl },
        scenario: actionsScenario,
        log,
        defaultBranch: 'main',
      });
    const actions = await attach({
      ...scenario.actions,
      stepDelayMs: 0,
      checkDelayMs: 0,
      reviewers: [],
      failures: [],
      failingChecks: [],
    });
    stoppers.push(() => actions.stop());
    const tagObject = await sandboxGit(project.remoteDir, ['rev-parse', 'refs/tags/v0.1.0']);
    await reportPush(github, project.remoteDir, [`${zero} ${tagObject} refs/tags/v0.1.0`]);
    await actions.idle();
    if (pypi.files(project.name).length !== 2) {
      const tail = readFileSync(logPath, 'utf8').split('\n').slice(-12).join('\n');
      throw new Error(`the sandbox could not publish ${project.name} 0.1.0; the simulator's log ends:\n${tail}`);
    }
    await createPublishedRelease(github, token, 'v0.1.0', mainSha);
    // Publishing it starts the TestPyPI workflow, whose jobs skip a final release, as on GitHub.
    await actions.idle();
    // From here on, the chosen scenario's faults and pace apply.
    actions.stop();
    stoppers.pop();
    const live = await attach(scenario.actions);
    stoppers.push(() => live.stop());
    // CI has run on main's head too, as it would have on GitHub (a tag-versioned project releases that very commit).
    live.track(live.requiredChecks(mainSha).then(() => undefined));
    // Pull requests the wizard opens (a protected main) are checked and merged like on GitHub.
    stoppers.push(
      attachMergeBot({
        sim: github,
        actions: live,
        remoteDir: project.remoteDir,
        workRoot: join(workspace, 'runner'),
        log,
      }),
    );

    const relay: PushRelay = await startPushRelay(github, project.remoteDir, log);
    stoppers.push(() => relay.stop());
    await installRemoteHooks(
      project.remoteDir,
      relay.url,
      scenario.protectedBranch ? { protectedBranch: scenario.protectedBranch } : {},
    );

    const env = {
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: github.htmlUrl,
      GH_TOKEN: token,
      // pip in the sandbox's venvs must not see the user's own indexes.
      PIP_CONFIG_FILE: '/dev/null',
      PIP_DISABLE_PIP_VERSION_CHECK: '1',
    };
    return { workspace, project, pypi, testpypi, github, actions: live, logPath, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The previous release's GitHub Release, made through the API as a maintainer would have. */
async function createPublishedRelease(github: GitHubSim, token: string, tag: string, sha: string): Promise<void> {
  const response = await fetch(`${github.url}/repos/${github.owner}/${github.repo}/releases`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      tag_name: tag,
      target_commitish: sha,
      name: tag,
      body: "## What's Changed\n* feat: notebooks from the command line (#1)\n",
      draft: false,
      make_latest: 'true',
    }),
  });
  if (response.status !== 201)
    throw new Error(`the sandbox could not create the ${tag} release: ${response.status} ${await response.text()}`);
}
