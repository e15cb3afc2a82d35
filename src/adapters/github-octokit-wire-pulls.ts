import type { PullRequest } from '../ports/github';

// Pull requests and issues as GitHub sends them (api version 2022-11-28), as far as pyrelease
// reads them. The list endpoint sends `pull-request-simple`, which has no `merged`: a merge
// time says the same.

type WireLabel = string | { name?: string };

export interface WirePullRequest {
  number: number;
  title: string;
  state: string;
  merged?: boolean;
  merged_at: string | null;
  merge_commit_sha: string | null;
  html_url: string;
  head: { ref: string; sha: string };
  base: { ref: string };
  labels: WireLabel[];
}

export interface WireIssue {
  labels: WireLabel[];
}

/** Issue labels may be plain names or label objects (GitHub's schema allows both). */
export const labelNames = (labels: WireLabel[]): string[] =>
  labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter((name) => name !== '');

export const toPullRequest = (pr: WirePullRequest): PullRequest => ({
  number: pr.number,
  title: pr.title,
  state: pr.state === 'closed' ? 'closed' : 'open',
  merged: pr.merged ?? pr.merged_at !== null,
  mergeCommitSha: pr.merge_commit_sha,
  headRef: pr.head.ref,
  headSha: pr.head.sha,
  baseRef: pr.base.ref,
  htmlUrl: pr.html_url,
  labels: labelNames(pr.labels),
});
