/** Reading the local git repository. Writes (commit, tag, push) arrive with the stages that need them. */
export interface GitReads {
  /** The top of the working tree, or undefined outside a repository. */
  topLevel(): Promise<string | undefined>;
  /** `git rev-parse --git-common-dir`, absolute: shared by every worktree. */
  commonDir(): Promise<string>;
  currentBranch(): Promise<string | undefined>;
  /** Porcelain status lines; empty when the tree is clean. */
  status(): Promise<string[]>;
}
