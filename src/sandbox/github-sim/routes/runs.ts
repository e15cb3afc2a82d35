import { createHmac, timingSafeEqual } from 'node:crypto';
import { intParam, invalidRequest, isResponse, notFound, ok, type SimRequest, type SimResponse } from '../http';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { runFilter } from '../run-filters';
import { jobJson, runJson } from '../shapes/actions';
import type { SimStore } from '../store';
import type { SimRun } from '../types';

// Runs, jobs and job logs (TECH-FACTS §5.2 "List runs", "Get run", "Jobs", "Job logs").

const RUNS_DOCS = 'https://docs.github.com/rest/actions/workflow-runs';
const JOBS_DOCS = 'https://docs.github.com/rest/actions/workflow-jobs';
/** GitHub's pre-signed log URLs are valid for about a minute. */
const LOG_URL_TTL_SECONDS = 60;

function newestFirst(a: SimRun, b: SimRun): number {
  return b.createdAt - a.createdAt || b.id - a.id;
}

function listRuns(request: SimRequest, runs: SimRun[]): SimResponse {
  const filter = runFilter(request.query);
  if (isResponse(filter)) return filter;
  const matching = runs.filter(filter).sort(newestFirst);
  const page = paginate(request, matching);
  if (isResponse(page)) return page;
  return ok(
    { total_count: matching.length, workflow_runs: page.items.map((run) => runJson(request.store, run)) },
    200,
    page.headers,
  );
}

function listRepoRuns(request: SimRequest): SimResponse {
  return listRuns(request, [...request.store.runs.values()]);
}

function listWorkflowRuns(request: SimRequest): SimResponse {
  const workflow = request.store.workflowByIdOrFile(request.params.workflow_id ?? '');
  if (!workflow) return notFound(`${RUNS_DOCS}#list-workflow-runs-for-a-workflow`);
  return listRuns(
    request,
    [...request.store.runs.values()].filter((run) => run.workflowId === workflow.id),
  );
}

function getRun(request: SimRequest): SimResponse {
  const run = request.store.runs.get(intParam(request, 'run_id') ?? -1);
  return run ? ok(runJson(request.store, run)) : notFound(`${RUNS_DOCS}#get-a-workflow-run`);
}

function listJobs(request: SimRequest): SimResponse {
  const run = request.store.runs.get(intParam(request, 'run_id') ?? -1);
  if (!run) return notFound(`${JOBS_DOCS}#list-jobs-for-a-workflow-run`);
  const filter = request.query.get('filter') ?? 'latest';
  if (filter !== 'latest' && filter !== 'all')
    return invalidRequest(`${JSON.stringify(filter)} is not a member of ["latest","all"].`);
  const jobs = [...request.store.jobs.values()]
    .filter((job) => job.runId === run.id && (filter === 'all' || job.runAttempt === run.runAttempt))
    .sort((a, b) => a.id - b.id);
  const page = paginate(request, jobs);
  if (isResponse(page)) return page;
  return ok(
    { total_count: jobs.length, jobs: page.items.map((job) => jobJson(request.store, job)) },
    200,
    page.headers,
  );
}

function getJob(request: SimRequest): SimResponse {
  const job = request.store.jobs.get(intParam(request, 'job_id') ?? -1);
  return job ? ok(jobJson(request.store, job)) : notFound(`${JOBS_DOCS}#get-a-job-for-a-workflow-run`);
}

function signature(store: SimStore, jobId: string, expires: string): string {
  return createHmac('sha256', store.signingKey).update(`${jobId}:${expires}`).digest('hex');
}

/** 302 to a short-lived signed URL on this server, like GitHub's pre-signed blob URLs. */
function jobLogs(request: SimRequest): SimResponse {
  const job = request.store.jobs.get(intParam(request, 'job_id') ?? -1);
  if (!job || job.log === undefined) return notFound(`${JOBS_DOCS}#download-job-logs-for-a-workflow-run`);
  const expires = String(Math.floor(request.store.now() / 1000) + LOG_URL_TTL_SECONDS);
  const id = String(job.id);
  const location = `${request.store.config.url}/_blob/job-logs/${id}?se=${expires}&sp=r&sig=${signature(request.store, id, expires)}`;
  return { status: 302, headers: { location } };
}

/**
 * The blob behind the signed URL. Like the storage service GitHub redirects to, it wants the
 * signature and no `Authorization` header: sending the GitHub token along is refused.
 */
function logBlob(request: SimRequest): SimResponse {
  const blobError = (status: number, code: string, message: string): SimResponse => ({
    status,
    text:
      `\uFEFF<?xml version="1.0" ` +
      `encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    contentType: 'application/xml',
  });
  if (request.headers.authorization !== undefined) {
    return blobError(
      400,
      'InvalidAuthenticationInfo',
      'Authentication information is not given in the correct format. Check the value of Authorization header.',
    );
  }
  const id = request.params.job_id ?? '';
  const expires = request.query.get('se') ?? '';
  const given = Buffer.from(request.query.get('sig') ?? '');
  const expected = Buffer.from(signature(request.store, id, expires));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return blobError(
      403,
      'AuthenticationFailed',
      'Server failed to authenticate the request. Make sure the value of ' +
        'Authorization header is formed correctly including the signature.',
    );
  }
  if (Number(expires) * 1000 < request.store.now()) {
    return blobError(403, 'AuthenticationFailed', 'Signed expiry time has to be after signed start time.');
  }
  const log = request.store.jobs.get(Number(id))?.log;
  if (log === undefined) return blobError(404, 'BlobNotFound', 'The specified blob does not exist.');
  return { status: 200, text: log, contentType: 'text/plain; charset=utf-8' };
}

export const runRoutes: Route[] = [
  { method: 'GET', template: '/repos/{owner}/{repo}/actions/runs', handler: listRepoRuns },
  { method: 'GET', template: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', handler: listWorkflowRuns },
  { method: 'GET', template: '/repos/{owner}/{repo}/actions/runs/{run_id}', handler: getRun },
  { method: 'GET', template: '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', handler: listJobs },
  { method: 'GET', template: '/repos/{owner}/{repo}/actions/jobs/{job_id}', handler: getJob },
  { method: 'GET', template: '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs', handler: jobLogs },
  { method: 'GET', template: '/_blob/job-logs/{job_id}', handler: logBlob, public: true },
];
