import { accountId } from './shapes/common';
import type { SimStore } from './store';
import type {
  Conclusion,
  RunStatus,
  SimJob,
  SimJobInput,
  SimPendingDeployment,
  SimPendingDeploymentInput,
  SimRun,
  SimRunInput,
  SimStep,
  SimWorkflow,
  SimWorkflowInput,
  StepStatus,
} from './types';

// The programmatic side of Actions: what the workflow simulator calls to make runs, jobs and steps
// move. Misuse throws a plain Error: these are programming mistakes, not API answers.

export function defineWorkflow(store: SimStore, input: SimWorkflowInput): SimWorkflow {
  const existing = store.workflowByIdOrFile(input.file);
  const workflow: SimWorkflow = {
    ...input,
    triggers: [...input.triggers],
    id: existing?.id ?? store.nextId(),
    path: `.github/workflows/${input.file}`,
  };
  store.workflows.set(workflow.id, workflow);
  return workflow;
}

function mustRun(store: SimStore, runId: number): SimRun {
  const run = store.runs.get(runId);
  if (!run) throw new Error(`No simulated run ${runId}`);
  return run;
}

function mustJob(store: SimStore, jobId: number): SimJob {
  const job = store.jobs.get(jobId);
  if (!job) throw new Error(`No simulated job ${jobId}`);
  return job;
}

function checkCompletion(what: string, status: string, conclusion: Conclusion | null | undefined): void {
  if (status === 'completed' && !conclusion) throw new Error(`A completed ${what} needs a conclusion`);
  if (status !== 'completed' && conclusion) throw new Error(`A ${what} that is ${status} has no conclusion yet`);
}

export function createRun(store: SimStore, input: SimRunInput): SimRun {
  const workflow = store.workflowByIdOrFile(input.workflow);
  if (!workflow) throw new Error(`Unknown simulated workflow ${String(input.workflow)}: defineWorkflow() it first`);
  const status = input.status ?? 'queued';
  checkCompletion('run', status, input.conclusion);
  const now = store.now();
  const actor = input.actor ?? store.config.userLogin;
  const previous = [...store.runs.values()].filter((run) => run.workflowId === workflow.id);
  // GitHub titles push runs with the head commit's subject, other events with the workflow name.
  const subject = store.commits.get(input.headSha)?.message.split('\n')[0];
  const run: SimRun = {
    id: store.nextId(),
    workflowId: workflow.id,
    name: workflow.name,
    displayTitle: input.displayTitle ?? (input.event === 'push' && subject ? subject : workflow.name),
    runNumber: previous.length + 1,
    runAttempt: 1,
    event: input.event,
    status,
    conclusion: input.conclusion ?? null,
    headBranch: input.headBranch,
    headSha: input.headSha,
    actor,
    triggeringActor: actor,
    createdAt: now,
    updatedAt: now,
    runStartedAt: now,
  };
  store.runs.set(run.id, run);
  for (const job of input.jobs ?? []) addJob(store, run.id, job);
  return run;
}

export function updateRun(
  store: SimStore,
  runId: number,
  patch: { status?: RunStatus; conclusion?: Conclusion | null; displayTitle?: string },
): SimRun {
  const run = mustRun(store, runId);
  const status = patch.status ?? run.status;
  const conclusion =
    patch.conclusion === undefined
      ? patch.status && patch.status !== 'completed'
        ? null
        : run.conclusion
      : patch.conclusion;
  checkCompletion('run', status, conclusion);
  Object.assign(
    run,
    { status, conclusion, updatedAt: store.now() },
    patch.displayTitle ? { displayTitle: patch.displayTitle } : {},
  );
  return run;
}

function newStep(
  name: string,
  number: number,
  status: StepStatus,
  conclusion: Conclusion | null,
  now: number,
): SimStep {
  checkCompletion('step', status, conclusion);
  return {
    name,
    number,
    status,
    conclusion,
    startedAt: status === 'queued' ? null : now,
    completedAt: status === 'completed' ? now : null,
  };
}

export function addJob(store: SimStore, runId: number, input: SimJobInput, attempt?: number): SimJob {
  const run = mustRun(store, runId);
  const status = input.status ?? 'queued';
  checkCompletion('job', status, input.conclusion);
  const now = store.now();
  const id = store.nextId();
  const running = status === 'in_progress' || status === 'completed';
  const job: SimJob = {
    id,
    runId,
    runAttempt: attempt ?? run.runAttempt,
    name: input.name,
    status,
    conclusion: input.conclusion ?? null,
    createdAt: now,
    // GitHub fills started_at even for queued jobs (with the creation time).
    startedAt: now,
    completedAt: status === 'completed' ? now : null,
    labels: input.labels ?? ['ubuntu-latest'],
    runnerName: input.runnerName ?? (running ? `GitHub Actions ${accountId(String(id)) % 100}` : null),
    steps: (input.steps ?? []).map((step, index) =>
      newStep(step.name, index + 1, step.status ?? 'queued', step.conclusion ?? null, now),
    ),
    log: undefined,
  };
  store.jobs.set(id, job);
  return job;
}

export function updateJob(
  store: SimStore,
  jobId: number,
  patch: { status?: RunStatus; conclusion?: Conclusion | null; runnerName?: string },
): SimJob {
  const job = mustJob(store, jobId);
  const status = patch.status ?? job.status;
  const conclusion =
    patch.conclusion === undefined ? (status !== 'completed' ? null : job.conclusion) : patch.conclusion;
  checkCompletion('job', status, conclusion);
  const now = store.now();
  if (status === 'in_progress' && job.status !== 'in_progress') job.startedAt = now;
  if (status === 'completed' && job.completedAt === null) job.completedAt = now;
  if (status !== 'completed') job.completedAt = null;
  if ((status === 'in_progress' || status === 'completed') && job.runnerName === null)
    job.runnerName = patch.runnerName ?? `GitHub Actions ${accountId(String(job.id)) % 100}`;
  Object.assign(job, { status, conclusion });
  return job;
}

export function updateStep(
  store: SimStore,
  jobId: number,
  number: number,
  patch: { status?: StepStatus; conclusion?: Conclusion | null },
): SimJob {
  const job = mustJob(store, jobId);
  const step = job.steps.find((candidate) => candidate.number === number);
  if (!step) throw new Error(`Job ${jobId} has no step ${number}`);
  const status = patch.status ?? step.status;
  const conclusion =
    patch.conclusion === undefined ? (status !== 'completed' ? null : step.conclusion) : patch.conclusion;
  checkCompletion('step', status, conclusion);
  const now = store.now();
  if (status !== 'queued' && step.startedAt === null) step.startedAt = now;
  if (status === 'completed' && step.completedAt === null) step.completedAt = now;
  Object.assign(step, { status, conclusion });
  return job;
}

/**
 * Sets what the job's log download serves. As GitHub serves them, logs start with a byte-order mark
 * and every line carries a timestamp with seven fractional digits; `raw: true` stores text as given.
 */
export function setJobLog(store: SimStore, jobId: number, text: string, options: { raw?: boolean } = {}): void {
  const job = mustJob(store, jobId);
  if (options.raw) {
    job.log = text;
    return;
  }
  const stamp = new Date(store.now()).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
  const lines = text.replace(/\n$/, '').split('\n');
  job.log = `\uFEFF${lines.map((line) => `${stamp} ${line}`).join('\n')}\n`;
}

/** Puts an environment approval in front of a run (the run and job statuses are the caller's to set to `waiting`). */
/**
 * A required reviewer other than the token's user approves a run's waiting environments, as a
 * colleague would on GitHub's web page. False when nothing was waiting any more.
 */
export function approveAsColleague(store: SimStore, runId: number, reviewer: string): boolean {
  const run = mustRun(store, runId);
  const chosen = store.pendingDeployments.filter((pending) => pending.runId === runId);
  if (chosen.length === 0) return false;
  for (const pending of chosen) store.pendingDeployments.splice(store.pendingDeployments.indexOf(pending), 1);
  for (const pending of chosen) {
    store.deployments.push({
      id: store.nextId(),
      runId,
      environment: pending.environment,
      sha: run.headSha,
      ref: run.headBranch ?? run.headSha,
      createdAt: store.now(),
      creator: reviewer,
    });
  }
  store.events.emit('deployment-reviewed', {
    runId,
    environments: chosen.map((pending) => pending.environment),
    state: 'approved',
    comment: `Approved by ${reviewer}`,
  });
  return true;
}

export function addPendingDeployment(
  store: SimStore,
  runId: number,
  input: SimPendingDeploymentInput,
): SimPendingDeployment {
  mustRun(store, runId);
  const pending: SimPendingDeployment = {
    runId,
    environmentId: accountId(`environment:${input.environment}`),
    environment: input.environment,
    waitTimer: input.waitTimer ?? 0,
    waitTimerStartedAt: input.waitTimer ? store.now() : null,
    currentUserCanApprove: input.currentUserCanApprove ?? true,
    reviewers: input.reviewers ?? [{ type: 'User', name: store.config.userLogin }],
  };
  store.pendingDeployments.push(pending);
  return pending;
}
