import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as actions from './control-actions';
import * as git from './control-git';
import * as pulls from './control-pulls';
import { Faults } from './faults';
import { RateLimit } from './headers';
import { RequestLog } from './request-log';
import { Router } from './router';
import { checkRoutes } from './routes/checks';
import { compareRoutes } from './routes/compare';
import { deploymentRoutes } from './routes/deployments';
import { dispatchRoutes } from './routes/dispatch';
import { milestoneRoutes } from './routes/milestones';
import { pullRoutes } from './routes/pulls';
import { refRoutes } from './routes/refs';
import { releaseRoutes } from './routes/releases';
import { runActionRoutes } from './routes/run-actions';
import { runRoutes } from './routes/runs';
import { webRoutes } from './routes/web';
import { handle } from './server';
import { accountId } from './shapes/common';
import { SimStore } from './store';
import { systemSimClock } from './time';
import type { GitHubSim, StartGitHubSimOptions } from './github-sim-api';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * Starts the simulated GitHub REST API on loopback. The answer shapes follow GitHub's OpenAPI
 * description (api version 2022-11-28); the state is driven through the returned object.
 */
export async function startGitHubSim(options: StartGitHubSimOptions): Promise<GitHubSim> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const clock = options.clock ?? systemSimClock;
  const store = new SimStore(
    {
      owner: options.owner,
      repo: options.repo,
      repoId: accountId(`${options.owner}/${options.repo}`),
      url,
      htmlUrl: `${url}/_web`,
      userLogin: options.userLogin ?? options.owner,
      defaultBranch: options.defaultBranch ?? 'main',
      dispatchRunDetails: options.dispatchRunDetails ?? true,
    },
    clock,
  );
  const router = new Router(store.config);
  router.add(
    ...runRoutes,
    ...runActionRoutes,
    ...dispatchRoutes,
    ...deploymentRoutes,
    ...checkRoutes,
    ...releaseRoutes,
    ...refRoutes,
    ...milestoneRoutes,
    ...compareRoutes,
    ...pullRoutes,
    ...webRoutes,
  );
  const faults = new Faults();
  const rateLimit = new RateLimit(clock);
  const log = new RequestLog();
  const crashes: unknown[] = [];
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = { timer: setTimeout(() => (timers.delete(entry), resolve()), ms), resolve };
      timers.add(entry);
    });
  const parts = { store, router, faults, rateLimit, log, token: options.token, crashes, delay };
  server.on('request', (request, response) => {
    handle(parts, request, response).catch((error: unknown) => {
      crashes.push(error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  for (const workflow of options.workflows ?? []) actions.defineWorkflow(store, workflow);

  return {
    url,
    htmlUrl: store.config.htmlUrl,
    owner: options.owner,
    repo: options.repo,
    requestLog: log,
    faults,
    rateLimit,
    crashes,
    listenerErrors: store.events.listenerErrors,
    async stop() {
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    on: (name, listener) => store.events.on(name, listener),
    setDispatchRunDetails(enabled) {
      store.config.dispatchRunDetails = enabled;
    },
    defineWorkflow: (input) => copy(actions.defineWorkflow(store, input)),
    createRun: (input) => copy(actions.createRun(store, input)),
    updateRun: (runId, patch) => copy(actions.updateRun(store, runId, patch)),
    addJob: (runId, input) => copy(actions.addJob(store, runId, input)),
    updateJob: (jobId, patch) => copy(actions.updateJob(store, jobId, patch)),
    updateStep: (jobId, number, patch) => copy(actions.updateStep(store, jobId, number, patch)),
    setJobLog: (jobId, text, logOptions) => actions.setJobLog(store, jobId, text, logOptions),
    addPendingDeployment: (runId, input) => copy(actions.addPendingDeployment(store, runId, input)),
    approveAsColleague: (runId, reviewer) => actions.approveAsColleague(store, runId, reviewer),
    addCheckRun: (sha, input) => copy(git.addCheckRun(store, sha, input)),
    updateCheckRun: (id, patch) => copy(git.updateCheckRun(store, id, patch)),
    setCheckRuns: (sha, inputs) => copy(git.setCheckRuns(store, sha, inputs)),
    setCommitStatus: (sha, input) => copy(git.setCommitStatus(store, sha, input)),
    addCommits: (commits) => git.addCommits(store, commits),
    onPush: (push) => git.onPush(store, push),
    addTagObject: (tag) => git.addTagObject(store, tag),
    addPullRequest: (input) => copy(pulls.addPullRequest(store, input)),
    mergePullRequest: (number, mergeCommitSha) => copy(pulls.mergePullRequest(store, number, mergeCommitSha)),
    workflows: () => copy([...store.workflows.values()]),
    run: (runId) => copy(store.runs.get(runId)),
    runs: () => copy([...store.runs.values()]),
    jobs: (runId) => copy([...store.jobs.values()].filter((job) => job.runId === runId)),
    pendingDeployments: () => copy(store.pendingDeployments),
    deployments: () => copy(store.deployments),
    releases: () => copy([...store.releases.values()]),
    milestones: () => copy(store.milestones),
    pullRequests: () => copy([...store.pullRequests.values()].sort((a, b) => a.number - b.number)),
    ref: (name) => store.refs.get(name),
    refs: () => Object.fromEntries(store.refs),
  };
}
