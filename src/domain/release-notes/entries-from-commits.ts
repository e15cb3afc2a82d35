/*
 * The fallback when the generate-notes API fails: one entry per commit subject since the last tag.
 * Squash merges end in `(#N)`, which gives the pull request; merge commits carry no title of their
 * own (it is in the body), and a version-bump commit is not a change worth listing.
 */
import { parseVersion } from '../version';
import type { NoteEntry } from './note-entry';

export interface CommitSubject {
  readonly sha: string;
  readonly subject: string;
}

export interface EntriesFromCommitsOptions {
  /** `https://github.com/o/r`, to link `(#N)` to its pull request. */
  readonly repoUrl?: string;
}

const MERGE = /^Merge (pull request #\d+ from |(remote-tracking )?branch |tag |commit |[0-9a-f]{7,40}\b)/i;
const PULL_SUFFIX = /\s*\(#(\d+)\)\s*$/;
// `Release 1.2.3`, `Release v1.2.3rc1`, `chore: release 1.2.3`, `Bump version to 1.2.3`.
const RELEASE = /^(?:chore(?:\([^()]*\))?:\s*)?(?:release|bump version to|bump to)\s+(\S+)$/i;

function isReleaseCommit(subject: string): boolean {
  const version = RELEASE.exec(subject)?.[1];
  return version !== undefined && parseVersion(version) !== undefined;
}

export function entriesFromCommits(
  commits: readonly CommitSubject[],
  options: EntriesFromCommitsOptions = {},
): NoteEntry[] {
  const entries: NoteEntry[] = [];
  for (const { subject: raw } of commits) {
    const subject = raw.trim();
    const number = PULL_SUFFIX.exec(subject)?.[1];
    const title = subject.replace(PULL_SUFFIX, '');
    if (title === '' || MERGE.test(subject) || isReleaseCommit(title)) continue;
    if (number === undefined) {
      entries.push({ title, labels: [] });
      continue;
    }
    const url = options.repoUrl === undefined ? undefined : `${options.repoUrl.replace(/\/+$/, '')}/pull/${number}`;
    entries.push({ title, number: Number(number), ...(url === undefined ? {} : { url }), labels: [] });
  }
  return entries;
}
