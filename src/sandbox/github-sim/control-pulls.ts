import type { SimPullRequest, SimPullRequestInput } from './pull-types';
import type { SimStore } from './store';
import { toMillis } from './time';

// The programmatic side of pull requests: the sandbox seeds merged history, its merge bot merges
// what the API opened. Misuse throws a plain Error, like the other control functions.

/** Pull requests and issues share one number space; the sandbox has no plain issues, so gaps stay gaps. */
export function nextIssueNumber(store: SimStore): number {
  return Math.max(0, ...store.pullRequests.keys()) + 1;
}

/** While a pull request is open GitHub shows its head branch's current commit; after, the last one it had. */
export function liveHeadSha(store: SimStore, pr: SimPullRequest): string {
  return pr.state === 'open' ? (store.refs.get(`refs/heads/${pr.head}`) ?? pr.headSha) : pr.headSha;
}

export function liveBaseSha(store: SimStore, pr: SimPullRequest): string {
  return pr.state === 'open' ? (store.refs.get(`refs/heads/${pr.base}`) ?? pr.baseSha) : pr.baseSha;
}

/** The base side of a merge: the merge (or squash) commit's first parent when the commit is known. */
function baseBefore(store: SimStore, mergeSha: string, fallback: string): string {
  return store.commits.get(mergeSha)?.parents[0] ?? fallback;
}

export function addPullRequest(store: SimStore, input: SimPullRequestInput): SimPullRequest {
  const number = input.number ?? nextIssueNumber(store);
  if (store.pullRequests.has(number)) throw new Error(`Simulated pull request #${number} already exists`);
  const mergeSha = input.merged?.sha.toLowerCase();
  const headSha = (input.headSha ?? store.refs.get(`refs/heads/${input.head}`) ?? mergeSha)?.toLowerCase();
  if (!headSha)
    throw new Error(`No branch ${input.head} in the simulator: onPush() it first, or give headSha or merged`);
  const baseRef = store.refs.get(`refs/heads/${input.base}`);
  if (!baseRef) throw new Error(`No base branch ${input.base} in the simulator: onPush() it first`);
  const now = store.now();
  const mergedAt = input.merged ? toMillis(input.merged.at) : null;
  const state = mergeSha ? 'closed' : (input.state ?? 'open');
  const pr: SimPullRequest = {
    id: store.nextId(),
    number,
    title: input.title,
    body: input.body ?? null,
    head: input.head,
    base: input.base,
    headSha,
    baseSha: mergeSha ? baseBefore(store, mergeSha, baseRef) : baseRef,
    user: input.user ?? store.config.userLogin,
    labels: [...(input.labels ?? [])],
    draft: input.draft ?? false,
    state,
    merged: mergeSha !== undefined,
    mergeCommitSha: mergeSha ?? null,
    mergedBy: mergeSha ? store.config.userLogin : null,
    createdAt: mergedAt ?? now,
    updatedAt: mergedAt ?? now,
    closedAt: state === 'closed' ? (mergedAt ?? now) : null,
    mergedAt,
  };
  store.pullRequests.set(number, pr);
  return pr;
}

/**
 * Records a merge that already happened in git: the caller moved the base branch (`onPush`) to
 * `mergeCommitSha` first, as GitHub's own merge button does both at once.
 */
export function mergePullRequest(store: SimStore, number: number, mergeCommitSha: string): SimPullRequest {
  const pr = store.pullRequests.get(number);
  if (!pr) throw new Error(`No simulated pull request #${number}`);
  if (pr.state !== 'open')
    throw new Error(`Simulated pull request #${number} is ${pr.merged ? 'merged' : 'closed'} already`);
  const sha = mergeCommitSha.toLowerCase();
  const now = store.now();
  Object.assign(pr, {
    headSha: liveHeadSha(store, pr),
    baseSha: baseBefore(store, sha, liveBaseSha(store, pr)),
    state: 'closed',
    merged: true,
    mergeCommitSha: sha,
    mergedBy: store.config.userLogin,
    mergedAt: now,
    closedAt: now,
    updatedAt: now,
  });
  return pr;
}
