import { commitsBetween } from '../commit-graph';
import { liveBaseSha, liveHeadSha } from '../control-pulls';
import type { SimPullRequest } from '../pull-types';
import type { SimStore } from '../store';
import { isoOrNull, isoSeconds } from '../time';
import { fullRepositoryJson, nodeId, userJson } from './common';

/** The labels every new GitHub repository starts with, in GitHub's colors and words. */
const DEFAULT_LABELS: Record<string, { color: string; description: string }> = {
  bug: { color: 'd73a4a', description: "Something isn't working" },
  documentation: { color: '0075ca', description: 'Improvements or additions to documentation' },
  duplicate: { color: 'cfd3d7', description: 'This issue or pull request already exists' },
  enhancement: { color: 'a2eeef', description: 'New feature or request' },
  'good first issue': { color: '7057ff', description: 'Good for newcomers' },
  'help wanted': { color: '008672', description: 'Extra attention is needed' },
  invalid: { color: 'e4e669', description: "This doesn't seem right" },
  question: { color: 'd876e3', description: 'Further information is requested' },
  wontfix: { color: 'ffffff', description: 'This will not be worked on' },
};

/** `label`: a default label as GitHub made it, any other with a stable color and no description. */
export function labelJson(store: SimStore, name: string): Record<string, unknown> {
  const known = Object.hasOwn(DEFAULT_LABELS, name) ? DEFAULT_LABELS[name] : undefined;
  const id = store.config.repoId * 10 + (Number.parseInt(store.hash('label', name).slice(0, 8), 16) % 1_000_000);
  return {
    id,
    node_id: nodeId('Label', id),
    url: `${store.repoApi}/labels/${encodeURIComponent(name)}`,
    name,
    color: known?.color ?? store.hash('color', name).slice(0, 6),
    description: known?.description ?? null,
    default: known !== undefined,
  };
}

/** Owners and the token's user own the sandbox repository; anyone else contributed. */
function association(store: SimStore, login: string): string {
  return login === store.config.owner || login === store.config.userLogin ? 'OWNER' : 'CONTRIBUTOR';
}

function branchJson(store: SimStore, ref: string, sha: string): Record<string, unknown> {
  return {
    label: `${store.config.owner}:${ref}`,
    ref,
    sha,
    user: userJson(store, store.config.owner),
    repo: fullRepositoryJson(store),
  };
}

/**
 * `pull-request-simple` (lists) or, with `detail`, `pull-request` (the single pull request and
 * the create answer), which adds `merged`, `mergeable` and the counters.
 */
export function pullRequestJson(store: SimStore, pr: SimPullRequest, detail: boolean): Record<string, unknown> {
  const api = `${store.repoApi}/pulls/${pr.number}`;
  const issue = `${store.repoApi}/issues/${pr.number}`;
  const html = `${store.repoHtml}/pull/${pr.number}`;
  const headSha = liveHeadSha(store, pr);
  const baseSha = liveBaseSha(store, pr);
  const links = {
    self: api,
    html,
    issue,
    comments: `${issue}/comments`,
    review_comments: `${api}/comments`,
    review_comment: `${store.repoApi}/pulls/comments{/number}`,
    commits: `${api}/commits`,
    statuses: `${store.repoApi}/statuses/${headSha}`,
  };
  const simple: Record<string, unknown> = {
    url: api,
    id: pr.id,
    node_id: nodeId('PullRequest', pr.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: links.commits,
    review_comments_url: links.review_comments,
    review_comment_url: links.review_comment,
    comments_url: links.comments,
    statuses_url: links.statuses,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: userJson(store, pr.user),
    body: pr.body,
    // `pull-request-simple` (the list) types a label's description as a string, never null.
    labels: pr.labels
      .map((name) => labelJson(store, name))
      .map((label) => (detail ? label : { ...label, description: label.description ?? '' })),
    milestone: null,
    active_lock_reason: null,
    created_at: isoSeconds(pr.createdAt),
    updated_at: isoSeconds(pr.updatedAt),
    closed_at: isoOrNull(pr.closedAt),
    merged_at: isoOrNull(pr.mergedAt),
    // GitHub fills this with a test merge while the pull request is open; the sandbox has none.
    merge_commit_sha: pr.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchJson(store, pr.head, headSha),
    base: branchJson(store, pr.base, baseSha),
    _links: Object.fromEntries(Object.entries(links).map(([name, href]) => [name, { href }])),
    author_association: association(store, pr.user),
    auto_merge: null,
    draft: pr.draft,
  };
  if (!detail) return simple;
  const open = pr.state === 'open';
  return {
    ...simple,
    merged: pr.merged,
    // Unknown once closed, as GitHub stops computing it.
    mergeable: open ? true : null,
    rebaseable: open ? true : null,
    mergeable_state: open ? 'clean' : 'unknown',
    merged_by: pr.mergedBy === null ? null : userJson(store, pr.mergedBy),
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: commitsBetween(store, baseSha, headSha).length,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

/** `issue`: every pull request is an issue too, marked by its `pull_request` key. */
export function issueJson(store: SimStore, pr: SimPullRequest): Record<string, unknown> {
  const api = `${store.repoApi}/issues/${pr.number}`;
  const html = `${store.repoHtml}/pull/${pr.number}`;
  // A pull request's issue has an id of its own on GitHub.
  const id = pr.id + 700_000;
  const closer = pr.mergedBy ?? pr.user;
  return {
    id,
    node_id: nodeId('PullRequest', pr.id),
    url: api,
    repository_url: store.repoApi,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    number: pr.number,
    state: pr.state,
    state_reason: null,
    title: pr.title,
    body: pr.body,
    user: userJson(store, pr.user),
    labels: pr.labels.map((name) => labelJson(store, name)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: 0,
    pull_request: {
      url: `${store.repoApi}/pulls/${pr.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: isoOrNull(pr.mergedAt),
    },
    closed_at: isoOrNull(pr.closedAt),
    created_at: isoSeconds(pr.createdAt),
    updated_at: isoSeconds(pr.updatedAt),
    draft: pr.draft,
    closed_by: pr.state === 'closed' ? userJson(store, closer) : null,
    author_association: association(store, pr.user),
    timeline_url: `${api}/timeline`,
  };
}
