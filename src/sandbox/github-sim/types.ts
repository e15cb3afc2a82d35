// Public types of the simulated GitHub: what the owner (sandbox, workflow simulator, tests) passes
// in and gets back. Names of statuses and conclusions are GitHub's own (TECH-FACTS §5.2).

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type Conclusion =
  | 'success'
  | 'failure'
  | 'neutral'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'stale'
  | 'startup_failure';
export type StepStatus = 'queued' | 'in_progress' | 'completed';
export type StatusState = 'error' | 'failure' | 'pending' | 'success';

/** Time for the simulator; structurally the same as the product's `Clock` port (`now` only). */
export interface SimClock {
  now(): number;
}

export interface SimWorkflowInput {
  /** File name under `.github/workflows/`, e.g. `publish-pypi.yml`. */
  file: string;
  name: string;
  /** Events in its `on:` block, e.g. `['push', 'workflow_dispatch']`; dispatch needs `workflow_dispatch`. */
  triggers: string[];
}

export interface SimWorkflow extends SimWorkflowInput {
  id: number;
  /** `.github/workflows/<file>`, as the run's `path` field shows it. */
  path: string;
}

export interface SimStepInput {
  name: string;
  status?: StepStatus;
  conclusion?: Conclusion | null;
}

export interface SimStep {
  name: string;
  number: number;
  status: StepStatus;
  conclusion: Conclusion | null;
  startedAt: number | null;
  completedAt: number | null;
}

export interface SimJobInput {
  name: string;
  status?: RunStatus;
  conclusion?: Conclusion | null;
  steps?: SimStepInput[];
  labels?: string[];
  runnerName?: string | null;
}

export interface SimJob {
  id: number;
  runId: number;
  runAttempt: number;
  name: string;
  status: RunStatus;
  conclusion: Conclusion | null;
  createdAt: number;
  startedAt: number;
  completedAt: number | null;
  labels: string[];
  runnerName: string | null;
  steps: SimStep[];
  /** Raw log text as served (with GitHub's BOM and timestamps), once set. */
  log: string | undefined;
}

export interface SimRunInput {
  /** The workflow's file name or id. */
  workflow: string | number;
  event: string;
  /** Branch or tag name (for tag and release runs GitHub puts the tag here). */
  headBranch: string | null;
  headSha: string;
  actor?: string;
  displayTitle?: string;
  status?: RunStatus;
  conclusion?: Conclusion | null;
  jobs?: SimJobInput[];
}

export interface SimRun {
  id: number;
  workflowId: number;
  name: string;
  displayTitle: string;
  runNumber: number;
  runAttempt: number;
  event: string;
  status: RunStatus;
  conclusion: Conclusion | null;
  headBranch: string | null;
  headSha: string;
  actor: string;
  triggeringActor: string;
  createdAt: number;
  updatedAt: number;
  runStartedAt: number;
}

export interface SimReviewer {
  type: 'User' | 'Team';
  /** A login for users, a slug for teams. */
  name: string;
}

export interface SimPendingDeploymentInput {
  environment: string;
  currentUserCanApprove?: boolean;
  waitTimer?: number;
  reviewers?: SimReviewer[];
}

export interface SimPendingDeployment {
  runId: number;
  environmentId: number;
  environment: string;
  waitTimer: number;
  waitTimerStartedAt: number | null;
  currentUserCanApprove: boolean;
  reviewers: SimReviewer[];
}

export interface SimCheckRunInput {
  name: string;
  status: RunStatus;
  conclusion?: Conclusion | null;
  appSlug?: string;
  detailsUrl?: string;
  title?: string | null;
  summary?: string | null;
}

export interface SimCheckRun {
  id: number;
  headSha: string;
  name: string;
  status: RunStatus;
  conclusion: Conclusion | null;
  startedAt: number | null;
  completedAt: number | null;
  appSlug: string;
  detailsUrl: string | null;
  title: string | null;
  summary: string | null;
  checkSuiteId: number;
}

export interface SimStatusInput {
  context: string;
  state: StatusState;
  description?: string | null;
  targetUrl?: string | null;
}

export interface SimStatus {
  id: number;
  sha: string;
  context: string;
  state: StatusState;
  description: string | null;
  targetUrl: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface SimPerson {
  name: string;
  email: string;
  /** The GitHub account, when the commit is linked to one (`author.login` in compare). */
  login?: string;
}

export interface SimCommitInput {
  sha: string;
  message: string;
  author: SimPerson;
  /** ISO 8601 or epoch milliseconds. */
  date: string | number;
  parents: string[];
}

export interface SimCommit {
  sha: string;
  message: string;
  author: SimPerson;
  date: number;
  parents: string[];
}

export interface SimTagObjectInput {
  sha: string;
  tag: string;
  message: string;
  /** The commit the annotated tag points at. */
  object: string;
  tagger: { name: string; email: string; date: string | number };
}

export interface SimRelease {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  makeLatest: 'true' | 'false' | 'legacy';
  createdAt: number;
  publishedAt: number | null;
  updatedAt: number;
  author: string;
  /** The `untagged-…` suffix of a draft's html_url. */
  untaggedHash: string;
}

export interface SimMilestone {
  id: number;
  number: number;
  title: string;
  state: 'open' | 'closed';
  description: string | null;
  dueOn: number | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  creator: string;
}

export interface SimDeployment {
  id: number;
  runId: number;
  environment: string;
  sha: string;
  ref: string;
  createdAt: number;
  creator: string;
}
