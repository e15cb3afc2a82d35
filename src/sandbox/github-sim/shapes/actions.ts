import type { SimStore } from '../store';
import { isoOrNull, isoSeconds } from '../time';
import type { SimDeployment, SimJob, SimPendingDeployment, SimReviewer, SimRun } from '../types';
import { accountId, nodeId, repositoryJson, userJson } from './common';

/** `nullable-simple-commit` for a run's head commit, from the commit list when it is known. */
function headCommitJson(store: SimStore, sha: string, fallbackTime: number): Record<string, unknown> {
  const commit = store.commits.get(sha);
  const person = commit
    ? { name: commit.author.name, email: commit.author.email }
    : { name: 'Sandbox Maintainer', email: 'maintainer@example.invalid' };
  return {
    id: sha,
    tree_id: store.hash('tree', sha).slice(0, 40),
    message: commit?.message ?? '',
    timestamp: isoSeconds(commit?.date ?? fallbackTime),
    author: person,
    committer: person,
  };
}

/** `workflow-run` (TECH-FACTS §5.2 lists the fields pyrelease reads). */
export function runJson(store: SimStore, run: SimRun): Record<string, unknown> {
  const workflow = store.workflows.get(run.workflowId);
  const api = `${store.repoApi}/actions/runs/${run.id}`;
  const checkSuiteId = run.id + 500_000;
  const repository = repositoryJson(store);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WorkflowRun', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: workflow?.path ?? '.github/workflows/unknown.yml',
    display_title: run.displayTitle,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    check_suite_id: checkSuiteId,
    check_suite_node_id: nodeId('CheckSuite', checkSuiteId),
    url: api,
    html_url: `${store.repoHtml}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: isoSeconds(run.createdAt),
    updated_at: isoSeconds(run.updatedAt),
    actor: userJson(store, run.actor),
    run_attempt: run.runAttempt,
    referenced_workflows: [],
    run_started_at: isoSeconds(run.runStartedAt),
    triggering_actor: userJson(store, run.triggeringActor),
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${store.repoApi}/check-suites/${checkSuiteId}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: run.runAttempt > 1 ? `${api}/attempts/${run.runAttempt - 1}` : null,
    workflow_url: `${store.repoApi}/actions/workflows/${run.workflowId}`,
    head_commit: headCommitJson(store, run.headSha, run.createdAt),
    repository,
    head_repository: repository,
    head_repository_id: store.config.repoId,
  };
}

/** `job`: its id doubles as the check-run id (TECH-FACTS §5.2). */
export function jobJson(store: SimStore, job: SimJob): Record<string, unknown> {
  const run = store.runs.get(job.runId);
  const assigned = job.runnerName !== null;
  return {
    id: job.id,
    run_id: job.runId,
    workflow_name: run?.name ?? null,
    head_branch: run?.headBranch ?? null,
    run_url: `${store.repoApi}/actions/runs/${job.runId}`,
    run_attempt: job.runAttempt,
    node_id: nodeId('CheckRun', job.id),
    head_sha: run?.headSha ?? '',
    url: `${store.repoApi}/actions/jobs/${job.id}`,
    html_url: `${store.repoHtml}/actions/runs/${job.runId}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: isoSeconds(job.createdAt),
    started_at: isoSeconds(job.startedAt),
    completed_at: isoOrNull(job.completedAt),
    name: job.name,
    steps: job.steps.map((step) => ({
      name: step.name,
      status: step.status,
      conclusion: step.conclusion,
      number: step.number,
      started_at: isoOrNull(step.startedAt),
      completed_at: isoOrNull(step.completedAt),
    })),
    check_run_url: `${store.repoApi}/check-runs/${job.id}`,
    labels: job.labels,
    runner_id: assigned ? accountId(job.runnerName ?? '') % 1000 : null,
    runner_name: job.runnerName,
    runner_group_id: assigned ? 0 : null,
    runner_group_name: assigned ? 'GitHub Actions' : null,
  };
}

function reviewerJson(store: SimStore, reviewer: SimReviewer): Record<string, unknown> {
  if (reviewer.type === 'User') return { type: 'User', reviewer: userJson(store, reviewer.name) };
  const id = accountId(`team:${reviewer.name}`);
  const api = `${store.config.url}/organizations/${accountId(store.config.owner)}/team/${id}`;
  return {
    type: 'Team',
    reviewer: {
      id,
      node_id: nodeId('Team', id),
      url: api,
      members_url: `${api}/members{/member}`,
      name: reviewer.name,
      slug: reviewer.name,
      description: null,
      permission: 'push',
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      html_url: `${store.config.htmlUrl}/orgs/${store.config.owner}/teams/${reviewer.name}`,
      repositories_url: `${api}/repos`,
      parent: null,
      type: 'organization',
    },
  };
}

/** `pending-deployment`: an environment waiting for approval (TECH-FACTS §5.2). */
export function pendingDeploymentJson(store: SimStore, pending: SimPendingDeployment): Record<string, unknown> {
  return {
    environment: {
      id: pending.environmentId,
      node_id: nodeId('Environment', pending.environmentId),
      name: pending.environment,
      url: `${store.repoApi}/environments/${encodeURIComponent(pending.environment)}`,
      html_url: `${store.repoHtml}/deployments/activity_log?environments_filter=${encodeURIComponent(pending.environment)}`,
    },
    wait_timer: pending.waitTimer,
    wait_timer_started_at: isoOrNull(pending.waitTimerStartedAt),
    current_user_can_approve: pending.currentUserCanApprove,
    reviewers: pending.reviewers.map((reviewer) => reviewerJson(store, reviewer)),
  };
}

/** `deployment`, as the review endpoint returns them. */
export function deploymentJson(store: SimStore, deployment: SimDeployment): Record<string, unknown> {
  const api = `${store.repoApi}/deployments/${deployment.id}`;
  return {
    url: api,
    id: deployment.id,
    node_id: nodeId('Deployment', deployment.id),
    sha: deployment.sha,
    ref: deployment.ref,
    task: 'deploy',
    payload: {},
    original_environment: deployment.environment,
    environment: deployment.environment,
    description: null,
    creator: userJson(store, deployment.creator),
    created_at: isoSeconds(deployment.createdAt),
    updated_at: isoSeconds(deployment.createdAt),
    statuses_url: `${api}/statuses`,
    repository_url: store.repoApi,
    transient_environment: false,
    production_environment: false,
  };
}
