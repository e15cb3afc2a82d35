import {
  bodyObject,
  errorBody,
  invalidRequest,
  isResponse,
  notFound,
  ok,
  type SimRequest,
  type SimResponse,
} from '../http';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { refJson, tagJson, tagObjectJson } from '../shapes/git';

// Git refs and tags (TECH-FACTS §5.2 "Tags / refs").

const DOCS = 'https://docs.github.com/rest/git/refs';
const ZERO = '0'.repeat(40);

function getRef(request: SimRequest): SimResponse {
  const ref = `refs/${request.params.ref ?? ''}`;
  const sha = request.store.refs.get(ref);
  return sha ? ok(refJson(request.store, ref, sha)) : notFound(`${DOCS}#get-a-reference`);
}

function createRef(request: SimRequest): SimResponse {
  const store = request.store;
  const body = bodyObject(request);
  if (typeof body.ref !== 'string') return invalidRequest(`"ref" wasn't supplied.`, `${DOCS}#create-a-reference`);
  if (typeof body.sha !== 'string') return invalidRequest(`"sha" wasn't supplied.`, `${DOCS}#create-a-reference`);
  if (!/^refs\/[^/]+\/.+/.test(body.ref))
    return errorBody(
      422,
      "Reference name must start with 'refs/' and have at least two slashes.",
      `${DOCS}#create-a-reference`,
    );
  if (store.refs.has(body.ref)) return errorBody(422, 'Reference already exists', `${DOCS}#create-a-reference`);
  const sha = body.sha.toLowerCase();
  if (!store.commits.has(sha) && !store.tagObjects.has(sha))
    return errorBody(422, 'Object does not exist', `${DOCS}#create-a-reference`);
  store.moveRef(body.ref, sha, ZERO);
  return ok(refJson(store, body.ref, sha), 201, { location: `${store.repoApi}/git/${body.ref}` });
}

function getTagObject(request: SimRequest): SimResponse {
  const tag = request.store.tagObjects.get((request.params.tag_sha ?? '').toLowerCase());
  return tag ? ok(tagObjectJson(request.store, tag)) : notFound('https://docs.github.com/rest/git/tags#get-a-tag');
}

function listTags(request: SimRequest): SimResponse {
  const store = request.store;
  const tags = [...store.refs.entries()]
    .filter(([ref]) => ref.startsWith('refs/tags/'))
    .map(([ref, sha]) => ({ name: ref.slice('refs/tags/'.length), sha: store.peel(sha) }))
    .sort((a, b) => b.name.localeCompare(a.name, 'en', { numeric: true }));
  const page = paginate(request, tags);
  if (isResponse(page)) return page;
  return ok(
    page.items.map((tag) => tagJson(store, tag.name, tag.sha)),
    200,
    page.headers,
  );
}

export const refRoutes: Route[] = [
  { method: 'GET', template: '/repos/{owner}/{repo}/git/ref/{ref}', handler: getRef, greedy: 'ref' },
  { method: 'POST', template: '/repos/{owner}/{repo}/git/refs', handler: createRef },
  { method: 'GET', template: '/repos/{owner}/{repo}/git/tags/{tag_sha}', handler: getTagObject },
  { method: 'GET', template: '/repos/{owner}/{repo}/tags', handler: listTags },
];
