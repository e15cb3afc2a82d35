import type {
  CheckRun,
  CombinedStatus,
  ComparedCommit,
  Deployment,
  Milestone,
  PendingDeployment,
  Release,
  RunConclusion,
  RunStatus,
  WorkflowJob,
  WorkflowRun,
} from '../ports/github';

// GitHub's JSON (api version 2022-11-28) as far as pyrelease reads it, and its mapping to the
// port's types. Field lists follow TECH-FACTS §5.2; the shapes are GitHub's OpenAPI schemas, which
// the simulator's tests hold it to.

type Login = { login: string } | null | undefined;

export interface WireRun {
  id: number;
  name?: string | null;
  display_title: string;
  run_number: number;
  run_attempt?: number;
  event: string;
  status: string | null;
  conclusion: string | null;
  head_branch: string | null;
  head_sha: string;
  path: string;
  workflow_id: number;
  html_url: string;
  created_at: string;
  updated_at: string;
  run_started_at?: string;
  actor?: Login;
  triggering_actor?: Login;
}

export interface WireJob {
  id: number;
  run_id: number;
  run_attempt?: number;
  name: string;
  status: string;
  conclusion: string | null;
  created_at: string;
  started_at: string;
  completed_at: string | null;
  html_url: string | null;
  head_sha: string;
  workflow_name: string | null;
  head_branch: string | null;
  labels: string[];
  runner_name: string | null;
  steps?: Array<{
    name: string;
    number: number;
    status: string;
    conclusion: string | null;
    started_at?: string | null;
    completed_at?: string | null;
  }>;
}

export interface WirePending {
  environment: { id?: number; name?: string; html_url?: string };
  wait_timer: number;
  wait_timer_started_at: string | null;
  current_user_can_approve: boolean;
  reviewers: Array<{ type?: string; reviewer?: { login?: string; slug?: string } }>;
}

export interface WireCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  html_url: string | null;
  app: { slug?: string } | null;
  check_suite: { id: number } | null;
  output: { title: string | null; summary: string | null };
}

export interface WireCombinedStatus {
  state: string;
  sha: string;
  total_count: number;
  statuses: Array<{
    context: string;
    state: string;
    description: string | null;
    target_url: string | null;
    created_at: string;
  }>;
}

export interface WireRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body?: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable?: boolean;
  created_at: string;
  published_at: string | null;
  html_url: string;
  upload_url: string;
  assets: Array<{ name: string; size: number; browser_download_url: string }>;
  author: Login;
}

export interface WireMilestone {
  id: number;
  number: number;
  title: string;
  state: string;
  description: string | null;
  due_on: string | null;
  html_url: string;
}

export interface WireCommit {
  sha: string;
  html_url: string;
  commit: { message: string; author: { name?: string; email?: string; date?: string } | null };
  author: { login?: string } | null;
}

export interface WireComparison {
  status: string;
  ahead_by: number;
  behind_by: number;
  total_commits: number;
  commits: WireCommit[];
}

export const toRun = (run: WireRun): WorkflowRun => ({
  id: run.id,
  name: run.name ?? null,
  displayTitle: run.display_title,
  runNumber: run.run_number,
  runAttempt: run.run_attempt ?? 1,
  event: run.event,
  status: run.status as RunStatus | null,
  conclusion: run.conclusion as RunConclusion | null,
  headBranch: run.head_branch,
  headSha: run.head_sha,
  path: run.path,
  workflowId: run.workflow_id,
  htmlUrl: run.html_url,
  createdAt: run.created_at,
  updatedAt: run.updated_at,
  runStartedAt: run.run_started_at ?? null,
  actorLogin: run.actor?.login ?? null,
  triggeringActorLogin: run.triggering_actor?.login ?? null,
});

export const toJob = (job: WireJob): WorkflowJob => ({
  id: job.id,
  runId: job.run_id,
  runAttempt: job.run_attempt ?? 1,
  name: job.name,
  status: job.status as RunStatus,
  conclusion: job.conclusion as RunConclusion | null,
  createdAt: job.created_at,
  startedAt: job.started_at,
  completedAt: job.completed_at,
  htmlUrl: job.html_url,
  headSha: job.head_sha,
  workflowName: job.workflow_name,
  headBranch: job.head_branch,
  labels: job.labels,
  runnerName: job.runner_name,
  steps: (job.steps ?? []).map((step) => ({
    name: step.name,
    number: step.number,
    status: step.status as 'queued' | 'in_progress' | 'completed',
    conclusion: step.conclusion,
    startedAt: step.started_at ?? null,
    completedAt: step.completed_at ?? null,
  })),
});

export const toPending = (pending: WirePending): PendingDeployment => ({
  environment: {
    id: pending.environment.id ?? 0,
    name: pending.environment.name ?? '',
    htmlUrl: pending.environment.html_url ?? null,
  },
  waitTimer: pending.wait_timer,
  waitTimerStartedAt: pending.wait_timer_started_at,
  currentUserCanApprove: pending.current_user_can_approve,
  reviewers: pending.reviewers.map((entry) => ({
    type: entry.type === 'Team' ? 'Team' : 'User',
    name: entry.reviewer?.login ?? entry.reviewer?.slug ?? '',
  })),
});

export const toDeployment = (deployment: {
  id: number;
  environment: string;
  sha: string;
  ref: string;
}): Deployment => ({
  id: deployment.id,
  environment: deployment.environment,
  sha: deployment.sha,
  ref: deployment.ref,
});

export const toCheckRun = (check: WireCheckRun): CheckRun => ({
  id: check.id,
  name: check.name,
  headSha: check.head_sha,
  status: check.status as RunStatus,
  conclusion: check.conclusion as RunConclusion | null,
  startedAt: check.started_at,
  completedAt: check.completed_at,
  htmlUrl: check.html_url,
  appSlug: check.app?.slug ?? null,
  checkSuiteId: check.check_suite?.id ?? null,
  outputTitle: check.output.title,
  outputSummary: check.output.summary,
});

export const toCombinedStatus = (combined: WireCombinedStatus): CombinedStatus => ({
  state: combined.state as CombinedStatus['state'],
  sha: combined.sha,
  totalCount: combined.total_count,
  statuses: combined.statuses.map((status) => ({
    context: status.context,
    state: status.state as CombinedStatus['statuses'][number]['state'],
    description: status.description,
    targetUrl: status.target_url,
    createdAt: status.created_at,
  })),
});

export const toRelease = (release: WireRelease): Release => ({
  id: release.id,
  tagName: release.tag_name,
  targetCommitish: release.target_commitish,
  name: release.name,
  body: release.body ?? null,
  draft: release.draft,
  prerelease: release.prerelease,
  immutable: release.immutable ?? false,
  createdAt: release.created_at,
  publishedAt: release.published_at,
  htmlUrl: release.html_url,
  uploadUrl: release.upload_url,
  assets: release.assets.map((asset) => ({
    name: asset.name,
    size: asset.size,
    browserDownloadUrl: asset.browser_download_url,
  })),
  authorLogin: release.author?.login ?? null,
});

export const toMilestone = (milestone: WireMilestone): Milestone => ({
  id: milestone.id,
  number: milestone.number,
  title: milestone.title,
  state: milestone.state as Milestone['state'],
  description: milestone.description,
  dueOn: milestone.due_on,
  htmlUrl: milestone.html_url,
});

export const toComparedCommit = (commit: WireCommit): ComparedCommit => ({
  sha: commit.sha,
  htmlUrl: commit.html_url,
  message: commit.commit.message,
  authorName: commit.commit.author?.name ?? null,
  authorEmail: commit.commit.author?.email ?? null,
  date: commit.commit.author?.date ?? null,
  authorLogin: commit.author?.login ?? null,
});
