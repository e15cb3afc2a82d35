import type { SimStore } from './store';
import type { SimCommit } from './types';

/** Every commit reachable from `sha` (itself included), in topological order: parents before children. */
export function history(store: SimStore, sha: string): SimCommit[] {
  const seen = new Set<string>();
  const ordered: SimCommit[] = [];
  // Iterative post-order walk: long histories must not overflow the stack.
  const stack: Array<{ sha: string; expanded: boolean }> = [{ sha, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    const commit = store.commits.get(top.sha);
    if (!commit) continue;
    if (top.expanded) {
      ordered.push(commit);
      continue;
    }
    if (seen.has(top.sha)) continue;
    seen.add(top.sha);
    stack.push({ sha: top.sha, expanded: true });
    for (const parent of [...commit.parents].reverse())
      if (!seen.has(parent)) stack.push({ sha: parent, expanded: false });
  }
  return ordered;
}

/** Commits in `head` but not in `base`, oldest first (what compare and release notes list). */
export function commitsBetween(store: SimStore, base: string | undefined, head: string): SimCommit[] {
  const excluded = new Set(base ? history(store, base).map((commit) => commit.sha) : []);
  return history(store, head).filter((commit) => !excluded.has(commit.sha));
}

export function isAncestor(store: SimStore, ancestor: string, of: string): boolean {
  return history(store, of).some((commit) => commit.sha === ancestor);
}

/** The newest common ancestor of two commits (good enough for linear and merge histories alike). */
export function mergeBase(store: SimStore, a: string, b: string): SimCommit | undefined {
  const fromA = new Set(history(store, a).map((commit) => commit.sha));
  const common = history(store, b).filter((commit) => fromA.has(commit.sha));
  return common[common.length - 1];
}
