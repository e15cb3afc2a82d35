import type { SimStore } from '../store';
import { isoOrNull, isoSeconds } from '../time';
import type { SimCheckRun, SimStatus } from '../types';
import { appJson, nodeId, repositoryJson } from './common';

/** `check-run` (TECH-FACTS §5.2: name, status, conclusion, html_url, app.slug, check_suite.id, output). */
export function checkRunJson(store: SimStore, check: SimCheckRun): Record<string, unknown> {
  const api = `${store.repoApi}/check-runs/${check.id}`;
  return {
    id: check.id,
    name: check.name,
    node_id: nodeId('CheckRun', check.id),
    head_sha: check.headSha,
    external_id: store.hash('external', check.id).slice(0, 32),
    url: api,
    html_url: check.detailsUrl ?? `${store.repoHtml}/runs/${check.id}`,
    details_url: check.detailsUrl,
    status: check.status,
    conclusion: check.conclusion,
    started_at: isoOrNull(check.startedAt),
    completed_at: isoOrNull(check.completedAt),
    output: {
      title: check.title,
      summary: check.summary,
      text: null,
      annotations_count: 0,
      annotations_url: `${api}/annotations`,
    },
    check_suite: { id: check.checkSuiteId },
    app: appJson(store, check.appSlug),
    pull_requests: [],
  };
}

/** `simple-commit-status`: one legacy commit status. */
export function statusJson(store: SimStore, status: SimStatus): Record<string, unknown> {
  return {
    url: `${store.repoApi}/statuses/${status.sha}`,
    avatar_url: `${store.config.url}/_avatars/u/1?v=4`,
    id: status.id,
    node_id: nodeId('StatusContext', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: isoSeconds(status.createdAt),
    updated_at: isoSeconds(status.updatedAt),
  };
}

/**
 * `combined-commit-status`: `failure` if any status failed or errored, `pending` if any is pending
 * or there are none at all (so callers must look at check runs too), else `success`.
 */
export function combinedStatusJson(
  store: SimStore,
  sha: string,
  statuses: SimStatus[],
  shown = statuses,
): Record<string, unknown> {
  const states = statuses.map((status) => status.state);
  const state = states.some((s) => s === 'failure' || s === 'error')
    ? 'failure'
    : states.length === 0 || states.includes('pending')
      ? 'pending'
      : 'success';
  return {
    state,
    statuses: shown.map((status) => statusJson(store, status)),
    sha,
    total_count: statuses.length,
    repository: repositoryJson(store),
    commit_url: `${store.repoApi}/commits/${sha}`,
    url: `${store.repoApi}/commits/${sha}/status`,
  };
}
