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

/** More reads, for readiness reports, preflight and version choice. */
export interface GitRepositoryReads extends GitReads {
  /** `git fetch --tags --prune origin`: updates remote-tracking refs only, so it counts as a read. */
  fetch(remote: string): Promise<void>;
  /** The commit a ref points at (annotated tags dereferenced), or undefined. */
  resolve(ref: string): Promise<string | undefined>;
  /** Whether `ancestor` is reachable from `descendant`. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** Tags on the remote, name → commit (`git ls-remote --tags`, peeled). */
  remoteTags(remote: string): Promise<Map<string, string>>;
  /** The text of a file at a ref, or undefined when it did not exist there. */
  fileAt(ref: string, path: string): Promise<string | undefined>;
  /** Paths changed between two refs (`base` undefined: every tracked file). */
  changedFiles(base: string | undefined, head: string): Promise<string[]>;
  /** Commits in `base..head`, newest first: sha and subject. */
  commits(base: string | undefined, head: string): Promise<{ sha: string; subject: string }[]>;
  /** The subject of a commit. */
  subject(ref: string): Promise<string>;
  /** The editor git would open (`git var GIT_EDITOR`), if any. */
  editor(): Promise<string | undefined>;
  /** The URL of a remote, or undefined when there is no such remote. */
  remoteUrl(name: string): Promise<string | undefined>;
  /** Every tag name in the local repository. */
  tags(): Promise<string[]>;
  /**
   * A local tag: the commit it points at (peeled) and whether it is an annotated tag object; undefined when missing.
   */
  localTag(tag: string): Promise<LocalTag | undefined>;
  /** The upstream of the current branch (`origin/main`) and how far HEAD is ahead of and behind it. */
  upstream(): Promise<{ name: string; ahead: number; behind: number } | undefined>;
  /**
   * Whether this is a shallow clone (`git rev-parse --is-shallow-repository`): its older commits and the tags on
   * them are missing, so versions and release notes read from history would be wrong.
   */
  isShallow(): Promise<boolean>;
}

export interface LocalTag {
  sha: string;
  annotated: boolean;
}

export interface CreateTagOptions {
  name: string;
  /** The commit to tag: never implied by HEAD, which may have moved on. */
  sha: string;
  message: string;
  /** `git tag -s`: signing may ask for a passphrase at the terminal. */
  sign: boolean;
}

export type PushOutcome = { ok: true } | { ok: false; protected: boolean; message: string };

/** Changing the repository. Only write steps reach these, and never in a dry run. */
export interface GitWrites {
  /** Stages exactly these paths and commits them; returns the new commit. */
  commit(paths: string[], message: string): Promise<string>;
  /** Pushes one refspec; a refusal (protected branch, non-fast-forward) comes back as an outcome. */
  push(remote: string, refspec: string): Promise<PushOutcome>;
  /** Creates an annotated tag (signed when asked); a failure is a PyreleaseError with a way forward. */
  createTag(options: CreateTagOptions): Promise<void>;
  /** Pushes this one tag and no other; a refusal (protected tag, tag already there) comes back as an outcome. */
  pushTag(remote: string, tag: string): Promise<PushOutcome>;
  /** Writes a file of the working tree (relative path), exactly these bytes. */
  writeFile(path: string, text: string): Promise<void>;
}
