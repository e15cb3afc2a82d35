import { commitsBetween } from '../commit-graph';
import { addPullRequest } from '../control-pulls';
import {
  booleanField,
  bodyObject,
  intParam,
  invalidRequest,
  isResponse,
  notFound,
  ok,
  stringField,
  validationErrors,
  type SimRequest,
  type SimResponse,
} from '../http';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { issueJson, pullRequestJson } from '../shapes/pulls';
import type { SimPullRequest } from '../pull-types';

// Pull requests, and the issue view of one (its labels). Forks are out of the sandbox's world:
// a head names a branch of this repository, `branch` or `owner:branch`.

const DOCS = 'https://docs.github.com/rest/pulls/pulls';
const ISSUES_DOCS = 'https://docs.github.com/rest/issues/issues#get-an-issue';
const SORTS = ['created', 'updated', 'popularity', 'long-running'];

function readFields(request: SimRequest): Record<string, string | boolean | undefined> | SimResponse {
  const body = bodyObject(request);
  const fields: Record<string, string | boolean | undefined> = {};
  for (const key of ['title', 'head', 'base', 'body']) {
    const value = stringField(body, key);
    if (isResponse(value)) return value;
    fields[key] = value;
  }
  for (const key of ['draft', 'maintainer_can_modify']) {
    const value = booleanField(body, key);
    if (isResponse(value)) return value;
    fields[key] = value;
  }
  return fields;
}

function create(request: SimRequest): SimResponse {
  const store = request.store;
  const docs = `${DOCS}#create-a-pull-request`;
  const fields = readFields(request);
  if (isResponse(fields)) return fields;
  const { title, head, base, body, draft } = fields;
  if (typeof head !== 'string') return invalidRequest(`"head" wasn't supplied.`, docs);
  if (typeof base !== 'string') return invalidRequest(`"base" wasn't supplied.`, docs);
  if (typeof title !== 'string' || title.trim() === '')
    return validationErrors([{ resource: 'Issue', code: 'missing_field', field: 'title' }], docs);
  const [headOwner, branch] = head.includes(':')
    ? [head.slice(0, head.indexOf(':')), head.slice(head.indexOf(':') + 1)]
    : [store.config.owner, head];
  const headSha = store.refs.get(`refs/heads/${branch}`);
  // GitHub answers a head it cannot find (no such branch, or another owner's fork) the same way.
  if (headOwner.toLowerCase() !== store.config.owner.toLowerCase() || !headSha)
    return validationErrors([{ resource: 'PullRequest', code: 'invalid', field: 'head' }], docs);
  const baseSha = store.refs.get(`refs/heads/${base}`);
  if (!baseSha) return validationErrors([{ resource: 'PullRequest', code: 'invalid', field: 'base' }], docs);
  // The same head may be proposed to another base, but only once to each (GitHub's rule).
  if ([...store.pullRequests.values()].some((pr) => pr.state === 'open' && pr.head === branch && pr.base === base)) {
    return validationErrors(
      [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${store.config.owner}:${branch}.`,
        },
      ],
      docs,
    );
  }
  const nothingNew =
    headSha === baseSha || (store.commits.has(headSha) && commitsBetween(store, baseSha, headSha).length === 0);
  if (nothingNew)
    return validationErrors(
      [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${branch}` }],
      docs,
    );
  const pr = addPullRequest(store, {
    title,
    head: branch,
    base,
    body: typeof body === 'string' ? body : null,
    draft: draft === true,
  });
  store.events.emit('pull-request-opened', { number: pr.number, head: branch, base, headSha });
  return ok(pullRequestJson(store, pr, true), 201, { location: `${store.repoApi}/pulls/${pr.number}` });
}

function get(request: SimRequest): SimResponse {
  const pr = request.store.pullRequests.get(intParam(request, 'pull_number') ?? -1);
  return pr ? ok(pullRequestJson(request.store, pr, true)) : notFound(`${DOCS}#get-a-pull-request`);
}

/**
 * `head` must be `owner:branch`: a bare branch name is silently ignored, as on GitHub (community
 * discussion 24354), so a client that forgets the owner sees every pull request.
 */
function headFilter(owner: string, text: string | null): ((pr: SimPullRequest) => boolean) | undefined {
  const match = text === null ? null : /^([^:]+):(.+)$/.exec(text);
  if (!match) return undefined;
  const [, headOwner = '', branch = ''] = match;
  return (pr) => pr.head === branch && headOwner.toLowerCase() === owner.toLowerCase();
}

function list(request: SimRequest): SimResponse {
  const store = request.store;
  const docs = `${DOCS}#list-pull-requests`;
  const state = request.query.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state))
    return invalidRequest(`${JSON.stringify(state)} is not a member of ["open","closed","all"].`, docs);
  const sort = request.query.get('sort') ?? 'created';
  if (!SORTS.includes(sort))
    return invalidRequest(`${JSON.stringify(sort)} is not a member of ${JSON.stringify(SORTS)}.`, docs);
  // Newest first by default; ascending for the other sorts unless told (GitHub's defaults).
  const direction = request.query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
  if (direction !== 'asc' && direction !== 'desc')
    return invalidRequest(`${JSON.stringify(direction)} is not a member of ["asc","desc"].`, docs);
  const head = headFilter(store.config.owner, request.query.get('head'));
  const base = request.query.get('base');
  const key = (pr: SimPullRequest) => (sort === 'updated' ? pr.updatedAt : pr.createdAt);
  const pulls = [...store.pullRequests.values()]
    .filter(
      (pr) => (state === 'all' || pr.state === state) && (!head || head(pr)) && (base === null || pr.base === base),
    )
    .sort((a, b) => (key(a) - key(b) || a.number - b.number) * (direction === 'asc' ? 1 : -1));
  const page = paginate(request, pulls);
  if (isResponse(page)) return page;
  return ok(
    page.items.map((pr) => pullRequestJson(store, pr, false)),
    200,
    page.headers,
  );
}

function issue(request: SimRequest): SimResponse {
  const pr = request.store.pullRequests.get(intParam(request, 'issue_number') ?? -1);
  return pr ? ok(issueJson(request.store, pr)) : notFound(ISSUES_DOCS);
}

export const pullRoutes: Route[] = [
  { method: 'POST', template: '/repos/{owner}/{repo}/pulls', handler: create },
  { method: 'GET', template: '/repos/{owner}/{repo}/pulls', handler: list },
  { method: 'GET', template: '/repos/{owner}/{repo}/pulls/{pull_number}', handler: get },
  { method: 'GET', template: '/repos/{owner}/{repo}/issues/{issue_number}', handler: issue },
];
