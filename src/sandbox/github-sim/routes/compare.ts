import { commitsBetween, mergeBase } from '../commit-graph';
import { isResponse, notFound, ok, type SimRequest, type SimResponse } from '../http';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { commitJson } from '../shapes/git';

// `GET …/compare/{base}...{head}` (TECH-FACTS §5.2 "Compare"): commits oldest first, at most 250
// without pagination; with `per_page`/`page` the commits are paged and a `link` header appears.

const DOCS = 'https://docs.github.com/rest/commits/commits#compare-two-commits';
const UNPAGED_CAP = 250;

function compare(request: SimRequest): SimResponse {
  const store = request.store;
  const match = /^(.+?)\.\.\.(.+)$/.exec(request.params.basehead ?? '');
  if (!match) return notFound(DOCS);
  const base = store.resolveCommit(match[1] ?? '');
  const head = store.resolveCommit(match[2] ?? '');
  const baseCommit = base === undefined ? undefined : store.commits.get(base);
  if (!base || !head || !baseCommit || !store.commits.has(head)) return notFound(DOCS);
  const ahead = commitsBetween(store, base, head);
  const behind = commitsBetween(store, head, base);
  const status =
    base === head ? 'identical' : behind.length === 0 ? 'ahead' : ahead.length === 0 ? 'behind' : 'diverged';
  const paged = request.query.has('per_page') || request.query.has('page');
  const page = paged ? paginate(request, ahead) : { items: ahead.slice(0, UNPAGED_CAP), headers: {} };
  if (isResponse(page)) return page;
  const mergeBaseCommit = mergeBase(store, base, head) ?? baseCommit;
  return ok(
    {
      url: `${store.repoApi}/compare/${request.params.basehead ?? ''}`,
      html_url: `${store.repoHtml}/compare/${request.params.basehead ?? ''}`,
      permalink_url: `${store.repoHtml}/compare/${store.config.owner}:${base.slice(0, 7)}...${store.config.owner}:${head.slice(0, 7)}`,
      diff_url: `${store.repoHtml}/compare/${request.params.basehead ?? ''}.diff`,
      patch_url: `${store.repoHtml}/compare/${request.params.basehead ?? ''}.patch`,
      base_commit: commitJson(store, baseCommit),
      merge_base_commit: commitJson(store, mergeBaseCommit),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: page.items.map((commit) => commitJson(store, commit)),
      files: [],
    },
    200,
    page.headers,
  );
}

export const compareRoutes: Route[] = [
  { method: 'GET', template: '/repos/{owner}/{repo}/compare/{basehead}', handler: compare },
];
