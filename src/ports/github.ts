// The GitHub REST API as pyrelease uses it: reads and writes in separate interfaces, so the
// dry-run wrapper can replace every write (STYLE.md §2.6). Result types carry only the fields the
// product reads (TECH-FACTS §5.2), renamed to camelCase; conditional requests (ETags), pagination,
// retries and rate-limit waits are the adapter's business.

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type RunConclusion =
  | 'success'
  | 'failure'
  | 'neutral'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'stale'
  | 'startup_failure';

export interface WorkflowRun {
  id: number;
  /** The workflow's name. */
  name: string | null;
  /** `run-name`, the commit subject for pushes, or the workflow name. */
  displayTitle: string;
  runNumber: number;
  runAttempt: number;
  event: string;
  status: RunStatus | null;
  /** Null until the run completes. */
  conclusion: RunConclusion | null;
  /** The branch, or the tag name for tag and release runs. */
  headBranch: string | null;
  headSha: string;
  /** `.github/workflows/<file>`. */
  path: string;
  workflowId: number;
  htmlUrl: string;
  createdAt: string;
  updatedAt: string;
  runStartedAt: string | null;
  actorLogin: string | null;
  triggeringActorLogin: string | null;
}

export interface RunsQuery {
  event?: string;
  branch?: string;
  headSha?: string;
  /** A status or a conclusion, as GitHub's `status` filter accepts both. */
  status?: RunStatus | RunConclusion;
  /** GitHub search syntax, e.g. `>=2026-05-01T10:00:00Z` or `2026-05-01..2026-05-02`. */
  created?: string;
  /** Page size (≤ 100); also the most runs returned unless `limit` says otherwise. */
  perPage?: number;
  /** How many runs to collect across pages (default: one page). */
  limit?: number;
}

export interface JobStep {
  name: string;
  number: number;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface WorkflowJob {
  /** Doubles as the check-run id. */
  id: number;
  runId: number;
  runAttempt: number;
  name: string;
  status: RunStatus;
  conclusion: RunConclusion | null;
  createdAt: string;
  startedAt: string;
  completedAt: string | null;
  htmlUrl: string | null;
  headSha: string;
  workflowName: string | null;
  headBranch: string | null;
  labels: string[];
  runnerName: string | null;
  steps: JobStep[];
}

export interface PendingDeployment {
  environment: { id: number; name: string; htmlUrl: string | null };
  waitTimer: number;
  waitTimerStartedAt: string | null;
  currentUserCanApprove: boolean;
  /** Logins of user reviewers and slugs of team reviewers. */
  reviewers: Array<{ type: 'User' | 'Team'; name: string }>;
}

export interface Deployment {
  id: number;
  environment: string;
  sha: string;
  ref: string;
}

export interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  status: RunStatus;
  conclusion: RunConclusion | null;
  startedAt: string | null;
  completedAt: string | null;
  htmlUrl: string | null;
  appSlug: string | null;
  checkSuiteId: number | null;
  outputTitle: string | null;
  outputSummary: string | null;
}

export interface CommitStatus {
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  targetUrl: string | null;
  createdAt: string;
}

export interface CombinedStatus {
  /** `pending` also when there are no statuses at all: read check runs too. */
  state: 'failure' | 'pending' | 'success';
  sha: string;
  totalCount: number;
  statuses: CommitStatus[];
}

export interface Release {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  createdAt: string;
  /** Null for drafts. */
  publishedAt: string | null;
  /** For a draft: `…/releases/tag/untagged-<hash>`. */
  htmlUrl: string;
  uploadUrl: string;
  assets: Array<{ name: string; size: number; browserDownloadUrl: string }>;
  authorLogin: string | null;
}

export interface TagRef {
  /** `refs/tags/<tag>`. */
  ref: string;
  /** `tag` for an annotated tag (then `objectSha` is the tag object), `commit` for a lightweight one. */
  objectType: 'commit' | 'tag';
  objectSha: string;
  /** The commit the tag names, dereferenced for annotated tags. */
  commitSha: string;
}

export interface Milestone {
  id: number;
  number: number;
  title: string;
  state: 'open' | 'closed';
  description: string | null;
  dueOn: string | null;
  htmlUrl: string;
}

export interface ComparedCommit {
  sha: string;
  htmlUrl: string;
  message: string;
  authorName: string | null;
  authorEmail: string | null;
  date: string | null;
  /** The GitHub account, when the commit is linked to one. */
  authorLogin: string | null;
}

export interface Comparison {
  status: 'diverged' | 'ahead' | 'behind' | 'identical';
  aheadBy: number;
  behindBy: number;
  totalCommits: number;
  /** Oldest first, every page. */
  commits: ComparedCommit[];
}

export interface GeneratedNotes {
  name: string;
  body: string;
}

export interface PullRequest {
  number: number;
  title: string;
  state: 'open' | 'closed';
  /** Closed by a merge (a closed pull request may also be unmerged). */
  merged: boolean;
  /** The merge (or squash) commit once merged; while open GitHub may put a test merge here, so read `merged` first. */
  mergeCommitSha: string | null;
  /** The branch proposed, without `refs/heads/`. */
  headRef: string;
  headSha: string;
  /** The branch it merges into. */
  baseRef: string;
  htmlUrl: string;
  /** Label names. */
  labels: string[];
}

export interface GitHubReads {
  /** Reads `GET /repos/{o}/{r}/actions/workflows/{workflow}/runs` (workflow = file name or id), newest first. */
  runsForWorkflow(workflow: string | number, query?: RunsQuery): Promise<WorkflowRun[]>;
  /** Reads `GET …/actions/runs/{runId}`. */
  run(runId: number): Promise<WorkflowRun>;
  /** Reads `GET …/actions/runs/{runId}/jobs` (every page); `all` includes earlier attempts. */
  jobs(runId: number, filter?: 'latest' | 'all'): Promise<WorkflowJob[]>;
  /** Reads `GET …/actions/runs/{runId}/pending_deployments`: environments waiting for approval. */
  pendingDeployments(runId: number): Promise<PendingDeployment[]>;
  /** Reads `GET …/commits/{ref}/check-runs` (every page), the latest run of each check by default. */
  checkRunsForRef(
    ref: string,
    query?: { checkName?: string; status?: 'queued' | 'in_progress' | 'completed'; filter?: 'latest' | 'all' },
  ): Promise<CheckRun[]>;
  /** Reads `GET …/commits/{ref}/status`: legacy commit statuses, combined. */
  combinedStatus(ref: string): Promise<CombinedStatus>;
  /**
   * Reads `GET …/releases/tags/{tag}`; undefined when no published release has that tag (drafts are never found this
   * way).
   */
  releaseByTag(tag: string): Promise<Release | undefined>;
  /** Reads `GET …/releases` (drafts included, newest first), up to `limit` (default 100). */
  listReleases(limit?: number): Promise<Release[]>;
  /**
   * Reads `GET …/git/ref/tags/{tag}` and, for an annotated tag, `GET …/git/tags/{sha}`; undefined when the tag is not
   * on GitHub.
   */
  tagRef(tag: string): Promise<TagRef | undefined>;
  /** Reads `GET …/milestones?state=…` (every page). */
  milestones(state?: 'open' | 'closed' | 'all'): Promise<Milestone[]>;
  /** Reads `GET …/compare/{base}...{head}`, every page of commits. */
  compare(base: string, head: string): Promise<Comparison>;
  /**
   * `POST …/releases/generate-notes`. A POST that writes nothing (GitHub saves nothing), so it is
   * a read: it runs in dry-run too.
   */
  generateNotes(request: {
    tagName: string;
    targetCommitish?: string;
    previousTagName?: string;
  }): Promise<GeneratedNotes>;
  /**
   * Reads a job's log: `GET …/actions/jobs/{jobId}/logs` answers with a redirect to the text. Undefined when there is
   * no log (yet).
   */
  jobLog(jobId: number): Promise<string | undefined>;
  /** Reads `GET …/pulls/{number}` (conditional, so cheap to poll); undefined when there is no such pull request. */
  pullRequest(number: number): Promise<PullRequest | undefined>;
  /**
   * Reads `GET …/pulls?head={owner}:{branch}&state=…` (every page, newest first): pull requests proposing `branch`,
   * open ones by default.
   */
  pullRequestsForHead(branch: string, state?: 'open' | 'closed' | 'all'): Promise<PullRequest[]>;
  /** Reads `GET …/issues/{number}` (pull requests are issues): its label names; empty when there is no such issue. */
  issueLabels(number: number): Promise<string[]>;
}

export interface DispatchResult {
  /** Known when GitHub returned run details (TECH-FACTS §5.2); otherwise find the run by polling. */
  runId: number | undefined;
  htmlUrl: string | undefined;
}

export interface ReleaseFields {
  tagName: string;
  targetCommitish?: string;
  name?: string;
  body?: string;
  draft?: boolean;
  prerelease?: boolean;
  makeLatest?: 'true' | 'false' | 'legacy';
}

export interface GitHubWrites {
  /** Writes `POST …/actions/workflows/{workflow}/dispatches`: starts a workflow_dispatch run on `ref`. */
  dispatch(workflow: string | number, ref: string, inputs?: Record<string, string>): Promise<DispatchResult>;
  /** Writes `POST …/actions/runs/{runId}/rerun-failed-jobs`: a new attempt of the failed jobs and their dependents. */
  rerunFailedJobs(runId: number): Promise<void>;
  /** Writes `POST …/actions/runs/{runId}/pending_deployments`: approves or rejects waiting environments. */
  reviewDeployments(
    runId: number,
    review: { environmentIds: number[]; state: 'approved' | 'rejected'; comment: string },
  ): Promise<Deployment[]>;
  /**
   * Writes `POST …/releases`: a draft unless `draft: false` (publishing creates the tag and fires `release:
   * published`).
   */
  createRelease(fields: ReleaseFields): Promise<Release>;
  /** Writes `PATCH …/releases/{id}`; `{draft: false}` publishes. Send `tagName` too when publishing a draft. */
  updateRelease(id: number, fields: Partial<ReleaseFields>): Promise<Release>;
  /** Writes `POST …/milestones`. */
  createMilestone(fields: {
    title: string;
    description?: string;
    dueOn?: string;
    state?: 'open' | 'closed';
  }): Promise<Milestone>;
  /**
   * Writes `POST …/pulls`: proposes merging the pushed branch `head` into `base` (both branch names of this
   * repository).
   */
  createPullRequest(fields: { title: string; head: string; base: string; body?: string }): Promise<PullRequest>;
}
