import type { SimStore, TagObject } from '../store';
import { isoSeconds } from '../time';
import type { SimCommit } from '../types';
import { nodeId, userJson } from './common';

const UNSIGNED = { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null };

/** `commit`, as compare lists them (TECH-FACTS §5.2: sha, html_url, commit.message/author, author.login). */
export function commitJson(store: SimStore, commit: SimCommit): Record<string, unknown> {
  const api = store.repoApi;
  const person = { name: commit.author.name, email: commit.author.email, date: isoSeconds(commit.date) };
  const account = commit.author.login ? userJson(store, commit.author.login) : null;
  const tree = store.hash('tree', commit.sha).slice(0, 40);
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha.slice(0, 12)),
    html_url: `${store.repoHtml}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: person,
      committer: person,
      message: commit.message,
      comment_count: 0,
      tree: { sha: tree, url: `${api}/git/trees/${tree}` },
      verification: UNSIGNED,
    },
    author: account,
    committer: account,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${store.repoHtml}/commit/${sha}`,
    })),
  };
}

/** `git-ref`: `object.type` is `tag` for an annotated tag, `commit` otherwise. */
export function refJson(store: SimStore, ref: string, sha: string): Record<string, unknown> {
  const type = store.tagObjects.has(sha) ? 'tag' : 'commit';
  return {
    ref,
    node_id: nodeId('Ref', store.hash(ref).slice(0, 12)),
    url: `${store.repoApi}/git/${ref}`,
    object: { sha, type, url: `${store.repoApi}/git/${type === 'tag' ? 'tags' : 'commits'}/${sha}` },
  };
}

/** `git-tag`: the annotated tag object (its `object.sha` is the commit). */
export function tagObjectJson(store: SimStore, tag: TagObject): Record<string, unknown> {
  return {
    node_id: nodeId('Tag', tag.sha.slice(0, 12)),
    tag: tag.tag,
    sha: tag.sha,
    url: `${store.repoApi}/git/tags/${tag.sha}`,
    message: tag.message,
    tagger: { name: tag.tagger.name, email: tag.tagger.email, date: isoSeconds(tag.tagger.date) },
    object: { sha: tag.object, type: 'commit', url: `${store.repoApi}/git/commits/${tag.object}` },
    verification: UNSIGNED,
  };
}

/** `tag`, as `GET /repos/{o}/{r}/tags` lists them (peeled to the commit). */
export function tagJson(store: SimStore, name: string, commitSha: string): Record<string, unknown> {
  const encoded = encodeURIComponent(name);
  return {
    name,
    zipball_url: `${store.repoApi}/zipball/refs/tags/${encoded}`,
    tarball_url: `${store.repoApi}/tarball/refs/tags/${encoded}`,
    commit: { sha: commitSha, url: `${store.repoApi}/commits/${commitSha}` },
    node_id: nodeId('Ref', store.hash(`refs/tags/${name}`).slice(0, 12)),
  };
}
