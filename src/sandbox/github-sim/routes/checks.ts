import { errorBody, invalidRequest, isResponse, notFound, ok, type SimRequest, type SimResponse } from '../http';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { checkRunJson, combinedStatusJson } from '../shapes/checks';
import type { SimStore } from '../store';
import type { SimCheckRun } from '../types';

// Check runs and the combined commit status for a ref (TECH-FACTS §5.2 "Checks / statuses").

const CHECKS_DOCS = 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference';
const STATUS_DOCS = 'https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference';

/** Workflow jobs are check runs of the `github-actions` app on their run's head commit. */
function jobCheckRuns(store: SimStore, sha: string): SimCheckRun[] {
  const checks: SimCheckRun[] = [];
  for (const job of store.jobs.values()) {
    const run = store.runs.get(job.runId);
    if (run?.headSha !== sha) continue;
    checks.push({
      id: job.id,
      headSha: sha,
      name: job.name,
      status: job.status,
      conclusion: job.conclusion,
      startedAt: job.status === 'queued' ? null : job.startedAt,
      completedAt: job.completedAt,
      appSlug: 'github-actions',
      detailsUrl: `${store.repoHtml}/actions/runs/${run.id}/job/${job.id}`,
      title: null,
      summary: null,
      checkSuiteId: run.id + 500_000,
    });
  }
  return checks;
}

function listCheckRuns(request: SimRequest): SimResponse {
  const store = request.store;
  const sha = store.resolveCommit(request.params.ref ?? '');
  if (!sha) return errorBody(422, `No commit found for SHA: ${request.params.ref ?? ''}`, CHECKS_DOCS);
  const filter = request.query.get('filter') ?? 'latest';
  if (filter !== 'latest' && filter !== 'all')
    return invalidRequest(`${JSON.stringify(filter)} is not a member of ["latest","all"].`, CHECKS_DOCS);
  const status = request.query.get('status');
  if (status !== null && !['queued', 'in_progress', 'completed'].includes(status))
    return invalidRequest(
      `${JSON.stringify(status)} is not a member of ["queued","in_progress","completed"].`,
      CHECKS_DOCS,
    );
  const name = request.query.get('check_name');
  let checks = [...store.checkRuns.values()].filter((check) => check.headSha === sha).concat(jobCheckRuns(store, sha));
  if (filter === 'latest') {
    // `latest`: the most recent check run of each name (a re-run replaces the earlier attempt).
    const newest = new Map<string, SimCheckRun>();
    for (const check of checks) if ((newest.get(check.name)?.id ?? -1) < check.id) newest.set(check.name, check);
    checks = [...newest.values()];
  }
  checks = checks
    .filter((check) => (name === null || check.name === name) && (status === null || check.status === status))
    .sort((a, b) => b.id - a.id);
  const page = paginate(request, checks);
  if (isResponse(page)) return page;
  return ok(
    { total_count: checks.length, check_runs: page.items.map((check) => checkRunJson(store, check)) },
    200,
    page.headers,
  );
}

function combinedStatus(request: SimRequest): SimResponse {
  const store = request.store;
  const sha = store.resolveCommit(request.params.ref ?? '');
  if (!sha) return notFound(STATUS_DOCS);
  const latest = new Map<string, (typeof store.statuses)[number]>();
  for (const status of store.statuses) if (status.sha === sha) latest.set(status.context, status);
  const statuses = [...latest.values()].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const page = paginate(request, statuses, 100);
  if (isResponse(page)) return page;
  return ok(combinedStatusJson(store, sha, statuses, page.items), 200, page.headers);
}

export const checkRoutes: Route[] = [
  { method: 'GET', template: '/repos/{owner}/{repo}/commits/{ref}/check-runs', handler: listCheckRuns },
  { method: 'GET', template: '/repos/{owner}/{repo}/commits/{ref}/status', handler: combinedStatus },
];
