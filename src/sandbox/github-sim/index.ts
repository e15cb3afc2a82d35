// The simulated GitHub REST API of the sandbox (`pyrelease demo`, end-to-end tests).
//
//   const sim = await startGitHubSim({ owner, repo, token, workflows: [{ file, name, triggers }] });
//   sim.addCommits([...]); sim.onPush({ ref, sha, before });          // from the git hook
//   sim.on('dispatch', ({ runId }) => { sim.addJob(runId, …); sim.updateRun(runId, …) });
//   sim.faults.add({ kind: 'secondary-rate-limit', retryAfterSeconds: 5 });
//   sim.addPullRequest({ title, head, base, labels: ['bug'], merged: { sha, at } });   // history
//   sim.on('pull-request-opened', ({ number, headSha }) => { …; sim.mergePullRequest(number, mergeSha) });
//   // point the product at sim.url (GITHUB_API_URL); assert sim.requestLog.unmatched() is empty
//
// Shapes follow GitHub's OpenAPI description (api version 2022-11-28), checked by the tests in
// test/sandbox/github-sim/. The sandbox room imports Node only (STYLE.md §4).
export { startGitHubSim } from './github-sim';
export type { GitHubSim, StartGitHubSimOptions } from './github-sim-api';
export type { Fault, FaultKind, FaultSpec } from './faults';
export type { LoggedRequest } from './request-log';
export type * from './types';
export type * from './pull-types';
export type * from './events';
