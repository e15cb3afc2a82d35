import { addJob } from '../control-actions';
import {
  booleanField,
  bodyObject,
  errorBody,
  intParam,
  isResponse,
  notFound,
  ok,
  type SimRequest,
  type SimResponse,
} from '../http';
import type { Route } from '../router';
import type { SimJob } from '../types';

// Re-run, re-run failed jobs, cancel (TECH-FACTS §5.2 "Re-run"): same run id, a new attempt.

const DOCS = 'https://docs.github.com/rest/actions/workflow-runs';
const FAILED = new Set(['failure', 'cancelled', 'timed_out', 'startup_failure']);

/** Failed jobs, plus the jobs skipped because of them (the dependents GitHub re-runs too). */
function mustRunAgain(job: SimJob, failedOnly: boolean): boolean {
  return !failedOnly || FAILED.has(job.conclusion ?? '') || job.conclusion === 'skipped';
}

function rerun(request: SimRequest, failedOnly: boolean): SimResponse {
  const store = request.store;
  const run = store.runs.get(intParam(request, 'run_id') ?? -1);
  if (!run) return notFound(`${DOCS}#re-run-a-workflow`);
  const debug = booleanField(bodyObject(request), 'enable_debug_logging');
  if (isResponse(debug)) return debug;
  if (run.status !== 'completed')
    return errorBody(403, 'This workflow is already running', `${DOCS}#re-run-a-workflow`);
  const previous = [...store.jobs.values()]
    .filter((job) => job.runId === run.id && job.runAttempt === run.runAttempt)
    .sort((a, b) => a.id - b.id);
  if (failedOnly && !previous.some((job) => FAILED.has(job.conclusion ?? ''))) {
    return errorBody(
      403,
      'This workflow run has no failed jobs to re-run',
      `${DOCS}#re-run-failed-jobs-from-a-workflow-run`,
    );
  }
  const now = store.now();
  Object.assign(run, {
    runAttempt: run.runAttempt + 1,
    status: 'queued',
    conclusion: null,
    runStartedAt: now,
    updatedAt: now,
    triggeringActor: store.config.userLogin,
  });
  const jobIds: number[] = [];
  for (const job of previous) {
    const steps = job.steps.map((step) => ({ name: step.name }));
    if (mustRunAgain(job, failedOnly)) {
      jobIds.push(addJob(store, run.id, { name: job.name, labels: job.labels, steps }).id);
    } else {
      // Jobs that passed are carried into the new attempt with their result, as GitHub shows them.
      const copy = addJob(store, run.id, {
        name: job.name,
        labels: job.labels,
        steps,
        status: 'completed',
        conclusion: job.conclusion,
        runnerName: job.runnerName ?? 'GitHub Actions 1',
      });
      Object.assign(copy, {
        startedAt: job.startedAt,
        completedAt: job.completedAt,
        log: job.log,
        steps: structuredClone(job.steps),
      });
    }
  }
  store.events.emit('rerun', { runId: run.id, attempt: run.runAttempt, failedOnly, jobIds });
  return ok({}, 201);
}

function cancel(request: SimRequest): SimResponse {
  const store = request.store;
  const run = store.runs.get(intParam(request, 'run_id') ?? -1);
  if (!run) return notFound(`${DOCS}#cancel-a-workflow-run`);
  if (run.status === 'completed')
    return errorBody(409, 'Cannot cancel a workflow run that is completed.', `${DOCS}#cancel-a-workflow-run`);
  const now = store.now();
  Object.assign(run, { status: 'completed', conclusion: 'cancelled', updatedAt: now });
  for (const job of store.jobs.values()) {
    if (job.runId !== run.id || job.runAttempt !== run.runAttempt || job.status === 'completed') continue;
    Object.assign(job, { status: 'completed', conclusion: 'cancelled', completedAt: now });
    for (const step of job.steps) {
      if (step.status !== 'completed')
        Object.assign(step, {
          status: 'completed',
          conclusion: step.status === 'queued' ? 'skipped' : 'cancelled',
          completedAt: now,
        });
    }
  }
  store.events.emit('cancel', { runId: run.id });
  return ok({}, 202);
}

export const runActionRoutes: Route[] = [
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun',
    handler: (request) => rerun(request, false),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs',
    handler: (request) => rerun(request, true),
  },
  { method: 'POST', template: '/repos/{owner}/{repo}/actions/runs/{run_id}/cancel', handler: cancel },
];
