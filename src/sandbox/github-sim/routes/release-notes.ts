import { commitsBetween, history, isAncestor } from '../commit-graph';
import { errorBody, validationFailed, type SimResponse } from '../http';
import type { SimStore } from '../store';
import type { SimCommit } from '../types';

// `POST …/releases/generate-notes` and `generate_release_notes: true` (TECH-FACTS §5.2 "Notes"):
// GitHub lists merged pull requests, so only commits that name one (`Title (#12)` from a squash,
// or `Merge pull request #12 from …`) become entries; plain commits are not listed.

const DOCS = 'https://docs.github.com/rest/releases/releases#generate-release-notes-content-for-a-release';

interface PullEntry {
  number: number;
  title: string;
  login: string;
}

function pullOf(store: SimStore, commit: SimCommit): PullEntry | undefined {
  const [subject = '', ...rest] = commit.message.split('\n');
  const login = commit.author.login ?? store.config.userLogin;
  const merge = /^Merge pull request #(\d+) from \S+/.exec(subject);
  if (merge) {
    const title = rest.map((line) => line.trim()).find((line) => line !== '') ?? subject;
    return { number: Number(merge[1]), title, login };
  }
  const squash = /^(.*\S)\s+\(#(\d+)\)$/.exec(subject);
  return squash ? { number: Number(squash[2]), title: squash[1] ?? subject, login } : undefined;
}

/** The newest published release before this tag whose commit is in the new tag's history. */
function previousReleaseTag(store: SimStore, tag: string, head: string): string | undefined {
  const releases = [...store.releases.values()]
    .filter((release) => !release.draft && release.tagName !== tag)
    .sort((a, b) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0) || b.id - a.id);
  for (const release of releases) {
    const sha = store.resolveCommit(`refs/tags/${release.tagName}`);
    if (sha && isAncestor(store, sha, head)) return release.tagName;
  }
  return undefined;
}

export function generateNotes(
  store: SimStore,
  request: { tag: string; target?: string | undefined; previousTag?: string | undefined },
): { name: string; body: string } | { error: SimResponse } {
  const tagSha = store.resolveCommit(`refs/tags/${request.tag}`);
  const head = tagSha ?? (request.target === undefined ? undefined : store.resolveCommit(request.target));
  if (!head) return { error: validationFailed('Release', 'invalid', 'target_commitish', DOCS) };
  const previous = request.previousTag ?? previousReleaseTag(store, request.tag, head);
  const base = previous === undefined ? undefined : store.resolveCommit(`refs/tags/${previous}`);
  if (previous !== undefined && !base)
    return { error: errorBody(422, `Previous tag name ${previous} does not exist`, DOCS) };
  const pulls = commitsBetween(store, base, head)
    .map((commit) => pullOf(store, commit))
    .filter((pull): pull is PullEntry => pull !== undefined);
  const pullUrl = (number: number) => `${store.repoHtml}/pull/${number}`;
  // A contributor is new when their first pull request in the whole history is in this range.
  const firstPull = new Map<string, number>();
  for (const commit of history(store, head)) {
    const pull = pullOf(store, commit);
    if (pull && !firstPull.has(pull.login)) firstPull.set(pull.login, pull.number);
  }
  const newcomers = [...new Set(pulls.map((pull) => pull.login))].filter((login) =>
    pulls.some((pull) => pull.number === firstPull.get(login)),
  );
  const sections: string[] = [];
  if (pulls.length > 0)
    sections.push(
      [
        "## What's Changed",
        ...pulls.map((pull) => `* ${pull.title} by @${pull.login} in ${pullUrl(pull.number)}`),
      ].join('\n'),
    );
  if (newcomers.length > 0) {
    sections.push(
      [
        '## New Contributors',
        ...newcomers.map(
          (login) => `* @${login} made their first contribution in ${pullUrl(firstPull.get(login) ?? 0)}`,
        ),
      ].join('\n'),
    );
  }
  const tag = encodeURIComponent(request.tag);
  sections.push(
    `**Full Changelog**: ${previous ? `${store.repoHtml}/compare/${encodeURIComponent(previous)}...${tag}` : `${store.repoHtml}/commits/${tag}`}`,
  );
  return { name: request.tag, body: sections.join('\n\n') };
}
