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

/** More reads, for readiness reports and version choice. */
export interface GitRepositoryReads extends GitReads {
  /** The URL of a remote, or undefined when there is no such remote. */
  remoteUrl(name: string): Promise<string | undefined>;
  /** Every tag name in the local repository. */
  tags(): Promise<string[]>;
  /** The upstream of the current branch (`origin/main`) and how far HEAD is ahead of and behind it. */
  upstream(): Promise<{ name: string; ahead: number; behind: number } | undefined>;
}
