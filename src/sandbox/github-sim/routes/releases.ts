import {
  booleanField,
  bodyObject,
  intParam,
  invalidRequest,
  isResponse,
  notFound,
  ok,
  stringField,
  validationFailed,
  type SimRequest,
  type SimResponse,
} from '../http';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { releaseJson } from '../shapes/releases';
import type { SimStore } from '../store';
import type { SimRelease } from '../types';
import { generateNotes } from './release-notes';

// Releases (TECH-FACTS §5.2 "Releases", §4.4: only publishing fires `release: published`).

const DOCS = 'https://docs.github.com/rest/releases/releases';
const ZERO = '0'.repeat(40);

interface ReleaseFields {
  tag_name?: string;
  target_commitish?: string;
  name?: string;
  body?: string;
  draft?: boolean;
  prerelease?: boolean;
  make_latest?: string;
  generate_release_notes?: boolean;
}

function readFields(request: SimRequest): ReleaseFields | SimResponse {
  const body = bodyObject(request);
  const fields: ReleaseFields = {};
  for (const key of ['tag_name', 'target_commitish', 'name', 'body', 'make_latest'] as const) {
    const value = stringField(body, key);
    if (isResponse(value)) return value;
    if (value !== undefined) fields[key] = value;
  }
  for (const key of ['draft', 'prerelease', 'generate_release_notes'] as const) {
    const value = booleanField(body, key);
    if (isResponse(value)) return value;
    if (value !== undefined) fields[key] = value;
  }
  if (fields.make_latest !== undefined && !['true', 'false', 'legacy'].includes(fields.make_latest)) {
    return invalidRequest(`${JSON.stringify(fields.make_latest)} is not a member of ["true","false","legacy"].`);
  }
  return fields;
}

function publishedWithTag(store: SimStore, tag: string, except?: number): SimRelease | undefined {
  return [...store.releases.values()].find(
    (release) => !release.draft && release.tagName === tag && release.id !== except,
  );
}

/**
 * Publishing creates the tag when it does not exist yet (at `target_commitish`), stamps
 * `published_at`, and fires `release-published` — drafts fire nothing (TECH-FACTS §4.4).
 */
function publish(store: SimStore, release: SimRelease): SimResponse | undefined {
  const ref = `refs/tags/${release.tagName}`;
  let sha = store.refs.get(ref);
  if (sha === undefined) {
    sha = store.resolveCommit(release.targetCommitish);
    if (sha === undefined)
      return validationFailed('Release', 'invalid', 'target_commitish', `${DOCS}#update-a-release`);
    store.moveRef(ref, sha, ZERO);
  }
  release.draft = false;
  release.publishedAt = store.now();
  store.events.emit('release-published', { release: structuredClone(release), sha: store.peel(sha) });
  return undefined;
}

function create(request: SimRequest): SimResponse {
  const store = request.store;
  const fields = readFields(request);
  if (isResponse(fields)) return fields;
  if (fields.tag_name === undefined || fields.tag_name === '')
    return invalidRequest(`"tag_name" wasn't supplied.`, `${DOCS}#create-a-release`);
  // Drafts may share a tag name; a second published release for one tag may not.
  if (!fields.draft && publishedWithTag(store, fields.tag_name))
    return validationFailed('Release', 'already_exists', 'tag_name', `${DOCS}#create-a-release`);
  const target = fields.target_commitish ?? store.config.defaultBranch;
  const tagExists = store.refs.has(`refs/tags/${fields.tag_name}`);
  if (!tagExists && store.resolveCommit(target) === undefined)
    return validationFailed('Release', 'invalid', 'target_commitish', `${DOCS}#create-a-release`);
  let body = fields.body ?? null;
  let name = fields.name ?? null;
  if (fields.generate_release_notes) {
    const notes = generateNotes(store, { tag: fields.tag_name, target });
    if ('error' in notes) return notes.error;
    body = body ? `${body}\n\n${notes.body}` : notes.body;
    name = name || notes.name;
  }
  const now = store.now();
  const release: SimRelease = {
    id: store.nextId(),
    tagName: fields.tag_name,
    targetCommitish: target,
    name,
    body,
    draft: true,
    prerelease: fields.prerelease ?? false,
    makeLatest: (fields.make_latest ?? 'true') as SimRelease['makeLatest'],
    createdAt: now,
    publishedAt: null,
    updatedAt: now,
    author: store.config.userLogin,
    untaggedHash: store.hash('untagged', now, fields.tag_name, store.releases.size).slice(0, 20),
  };
  store.releases.set(release.id, release);
  if (!fields.draft) {
    const failed = publish(store, release);
    if (failed) {
      store.releases.delete(release.id);
      return failed;
    }
  }
  return ok(releaseJson(store, release), 201, { location: `${store.repoApi}/releases/${release.id}` });
}

function update(request: SimRequest): SimResponse {
  const store = request.store;
  const release = store.releases.get(intParam(request, 'release_id') ?? -1);
  if (!release) return notFound(`${DOCS}#update-a-release`);
  const fields = readFields(request);
  if (isResponse(fields)) return fields;
  const tag = fields.tag_name ?? release.tagName;
  const willPublish = release.draft && fields.draft === false;
  if ((willPublish || !release.draft) && publishedWithTag(store, tag, release.id))
    return validationFailed('Release', 'already_exists', 'tag_name', `${DOCS}#update-a-release`);
  Object.assign(release, {
    tagName: tag,
    targetCommitish: fields.target_commitish ?? release.targetCommitish,
    name: fields.name ?? release.name,
    body: fields.body ?? release.body,
    prerelease: fields.prerelease ?? release.prerelease,
    makeLatest: fields.make_latest ?? release.makeLatest,
    updatedAt: store.now(),
  });
  if (willPublish) {
    const failed = publish(store, release);
    if (failed) return failed;
  }
  return ok(releaseJson(store, release));
}

function byId(request: SimRequest): SimResponse {
  const release = request.store.releases.get(intParam(request, 'release_id') ?? -1);
  return release ? ok(releaseJson(request.store, release)) : notFound(`${DOCS}#get-a-release`);
}

/** Published releases only: a draft's tag does not exist yet, so asking by tag finds nothing. */
function byTag(request: SimRequest): SimResponse {
  const release = publishedWithTag(request.store, request.params.tag ?? '');
  return release ? ok(releaseJson(request.store, release)) : notFound(`${DOCS}#get-a-release-by-tag-name`);
}

/** The newest published release that is neither a pre-release nor marked `make_latest: false`. */
function latest(request: SimRequest): SimResponse {
  const candidates = [...request.store.releases.values()]
    .filter((release) => !release.draft && !release.prerelease && release.makeLatest !== 'false')
    .sort((a, b) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0) || b.id - a.id);
  const release = candidates[0];
  return release ? ok(releaseJson(request.store, release)) : notFound(`${DOCS}#get-the-latest-release`);
}

/** Drafts included (the token has push access in the sandbox), newest first. */
function list(request: SimRequest): SimResponse {
  const releases = [...request.store.releases.values()].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const page = paginate(request, releases);
  if (isResponse(page)) return page;
  return ok(
    page.items.map((release) => releaseJson(request.store, release)),
    200,
    page.headers,
  );
}

function notes(request: SimRequest): SimResponse {
  const body = bodyObject(request);
  for (const key of ['tag_name', 'target_commitish', 'previous_tag_name', 'configuration_file_path']) {
    const value = stringField(body, key);
    if (isResponse(value)) return value;
  }
  const tag = body.tag_name;
  if (typeof tag !== 'string' || tag === '')
    return invalidRequest(`"tag_name" wasn't supplied.`, `${DOCS}#generate-release-notes-content-for-a-release`);
  const result = generateNotes(request.store, {
    tag,
    target: typeof body.target_commitish === 'string' ? body.target_commitish : undefined,
    previousTag: typeof body.previous_tag_name === 'string' ? body.previous_tag_name : undefined,
  });
  if ('error' in result) return result.error;
  return ok(result);
}

export const releaseRoutes: Route[] = [
  { method: 'POST', template: '/repos/{owner}/{repo}/releases', handler: create },
  { method: 'GET', template: '/repos/{owner}/{repo}/releases', handler: list },
  { method: 'GET', template: '/repos/{owner}/{repo}/releases/latest', handler: latest },
  { method: 'POST', template: '/repos/{owner}/{repo}/releases/generate-notes', handler: notes },
  { method: 'GET', template: '/repos/{owner}/{repo}/releases/tags/{tag}', handler: byTag },
  { method: 'GET', template: '/repos/{owner}/{repo}/releases/{release_id}', handler: byId },
  { method: 'PATCH', template: '/repos/{owner}/{repo}/releases/{release_id}', handler: update },
];
