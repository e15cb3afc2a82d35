// Public types of the simulated pull requests (kept apart from types.ts, which holds Actions,
// checks, git and releases). A pull request is also an issue: one number space for both.

export interface SimPullRequestInput {
  /** Defaults to the next free issue number. */
  number?: number;
  title: string;
  /** The head branch, without `refs/heads/`. */
  head: string;
  /** The base branch, without `refs/heads/`. */
  base: string;
  body?: string | null;
  /** Label names; GitHub's default labels (`bug`, `enhancement`, `documentation` …) keep their colors. */
  labels?: string[];
  /** The author's login (default: the token's user). */
  user?: string;
  draft?: boolean;
  /** `open` by default; `closed` without `merged` is a pull request closed unmerged. */
  state?: 'open' | 'closed';
  /** Seeds history: merged by `sha` (its merge or squash commit) at `at` (ISO 8601 or epoch ms). */
  merged?: { sha: string; at: string | number };
  /**
   * When the head branch no longer exists (merged and deleted): its last commit. Defaults to the branch's commit, else
   * `merged.sha`.
   */
  headSha?: string;
}

export interface SimPullRequest {
  id: number;
  number: number;
  title: string;
  body: string | null;
  head: string;
  base: string;
  /**
   * The head and base commits as last recorded. While the pull request is open the answers show the
   * branches' current commits instead (GitHub follows pushes to the head branch).
   */
  headSha: string;
  baseSha: string;
  user: string;
  labels: string[];
  draft: boolean;
  state: 'open' | 'closed';
  merged: boolean;
  mergeCommitSha: string | null;
  mergedBy: string | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  mergedAt: number | null;
}
