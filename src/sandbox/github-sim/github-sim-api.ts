import type { SimEventName, SimEvents } from './events';
import type { Faults } from './faults';
import type { RateLimit } from './headers';
import type { SimPullRequest, SimPullRequestInput } from './pull-types';
import type { RequestLog } from './request-log';
import type {
  Conclusion,
  RunStatus,
  SimCheckRun,
  SimCheckRunInput,
  SimClock,
  SimCommitInput,
  SimDeployment,
  SimJob,
  SimJobInput,
  SimMilestone,
  SimPendingDeployment,
  SimPendingDeploymentInput,
  SimRelease,
  SimRun,
  SimRunInput,
  SimStatus,
  SimStatusInput,
  SimTagObjectInput,
  SimWorkflow,
  SimWorkflowInput,
  StepStatus,
} from './types';

export interface StartGitHubSimOptions {
  owner: string;
  repo: string;
  /** Defaults to the system clock. Rate-limit resets are computed from it, and clients compare them with real time. */
  clock?: SimClock;
  /** Loopback by default (`127.0.0.1`). */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** When set, every API request must carry it (`Bearer` or `token`); otherwise any request is accepted. */
  token?: string;
  /** The token's account (default: the owner): actor of dispatches, author of releases, approver. */
  userLogin?: string;
  defaultBranch?: string;
  /** false: behave like a GHES that rejects `return_run_details` on dispatch with 422. */
  dispatchRunDetails?: boolean;
  /** Workflows that exist, with the events that trigger them. */
  workflows?: SimWorkflowInput[];
}

/**
 * The simulated GitHub. Reads return copies; change state only through the methods, so every
 * change stamps the right times and the HTTP answers stay consistent.
 */
export interface GitHubSim {
  /** API base, e.g. `http://127.0.0.1:PORT` (what GITHUB_API_URL would hold). */
  readonly url: string;
  /** Fake web base that every `html_url` starts with (served as small placeholder pages). */
  readonly htmlUrl: string;
  readonly owner: string;
  readonly repo: string;
  readonly requestLog: RequestLog;
  readonly faults: Faults;
  readonly rateLimit: RateLimit;
  /** Route handlers that threw (answered 500): a simulator bug, tests assert this stays empty. */
  readonly crashes: readonly unknown[];
  /** Event listeners that threw. */
  readonly listenerErrors: ReadonlyArray<{ event: SimEventName; error: unknown }>;
  stop(): Promise<void>;

  /**
   * Subscribes to `dispatch`, `release-published`, `rerun`, `deployment-reviewed`, `cancel`, `push`,
   * `pull-request-opened`; returns the unsubscribe.
   */
  on<K extends SimEventName>(name: K, listener: (event: SimEvents[K]) => void): () => void;
  setDispatchRunDetails(enabled: boolean): void;

  defineWorkflow(input: SimWorkflowInput): SimWorkflow;
  createRun(input: SimRunInput): SimRun;
  updateRun(
    runId: number,
    patch: { status?: RunStatus; conclusion?: Conclusion | null; displayTitle?: string },
  ): SimRun;
  /** Adds a job to the run's current attempt. */
  addJob(runId: number, input: SimJobInput): SimJob;
  updateJob(jobId: number, patch: { status?: RunStatus; conclusion?: Conclusion | null; runnerName?: string }): SimJob;
  updateStep(jobId: number, number: number, patch: { status?: StepStatus; conclusion?: Conclusion | null }): SimJob;
  /** GitHub-style log (BOM, a timestamp per line) unless `raw`. */
  setJobLog(jobId: number, text: string, options?: { raw?: boolean }): void;
  addPendingDeployment(runId: number, input: SimPendingDeploymentInput): SimPendingDeployment;
  /** Another reviewer approves the run's waiting environments (fires `deployment-reviewed`); false when none waited. */
  approveAsColleague(runId: number, reviewer: string): boolean;

  addCheckRun(sha: string, input: SimCheckRunInput): SimCheckRun;
  updateCheckRun(
    id: number,
    patch: { status?: RunStatus; conclusion?: Conclusion | null; title?: string; summary?: string },
  ): SimCheckRun;
  setCheckRuns(sha: string, inputs: SimCheckRunInput[]): SimCheckRun[];
  setCommitStatus(sha: string, input: SimStatusInput): SimStatus;

  addCommits(commits: SimCommitInput[]): void;
  /** What a git hook reports: a ref moved from `before` to `sha` (all zeros = created / deleted). Fires `push`. */
  onPush(push: { ref: string; sha: string; before: string }): void;
  addTagObject(tag: SimTagObjectInput): void;
  /**
   * A pull request that exists already, e.g. merged history (`merged: {sha, at}`). Fires nothing:
   * only pull requests opened through the API fire `pull-request-opened`.
   */
  addPullRequest(input: SimPullRequestInput): SimPullRequest;
  /**
   * Marks an open pull request merged by `mergeCommitSha`; move the base branch with `onPush` first, as the merge did.
   */
  mergePullRequest(number: number, mergeCommitSha: string): SimPullRequest;

  workflows(): SimWorkflow[];
  run(runId: number): SimRun | undefined;
  runs(): SimRun[];
  /** Every job of a run, all attempts. */
  jobs(runId: number): SimJob[];
  pendingDeployments(): SimPendingDeployment[];
  deployments(): SimDeployment[];
  releases(): SimRelease[];
  milestones(): SimMilestone[];
  /** Every pull request, by number. */
  pullRequests(): SimPullRequest[];
  ref(name: string): string | undefined;
  refs(): Record<string, string>;
}
