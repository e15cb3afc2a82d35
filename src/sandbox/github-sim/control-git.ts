import type { SimStore } from './store';
import { toMillis } from './time';
import type {
  Conclusion,
  RunStatus,
  SimCheckRun,
  SimCheckRunInput,
  SimCommitInput,
  SimStatus,
  SimStatusInput,
  SimTagObjectInput,
} from './types';

// The programmatic side of git, checks and statuses: a git hook reports pushes and commits, the
// workflow simulator (or a test) reports CI results on a commit.

export function addCommits(store: SimStore, commits: SimCommitInput[]): void {
  for (const commit of commits) {
    store.commits.set(commit.sha.toLowerCase(), {
      ...commit,
      sha: commit.sha.toLowerCase(),
      date: toMillis(commit.date),
      parents: commit.parents.map((sha) => sha.toLowerCase()),
    });
  }
}

/** A push as a git `pre-receive`/`reference-transaction` hook sees it; an all-zero side creates or deletes. */
export function onPush(store: SimStore, push: { ref: string; sha: string; before: string }): void {
  const ref = push.ref.startsWith('refs/') ? push.ref : `refs/heads/${push.ref}`;
  store.moveRef(ref, push.sha.toLowerCase(), push.before.toLowerCase());
}

export function addTagObject(store: SimStore, tag: SimTagObjectInput): void {
  store.addTagObject(
    { ...tag, sha: tag.sha.toLowerCase(), object: tag.object.toLowerCase() },
    toMillis(tag.tagger.date),
  );
}

function checkTimes(
  status: RunStatus,
  conclusion: Conclusion | null,
  now: number,
  previous?: SimCheckRun,
): Pick<SimCheckRun, 'startedAt' | 'completedAt'> {
  if (status === 'completed' && !conclusion) throw new Error('A completed check run needs a conclusion');
  return {
    startedAt: status === 'queued' ? null : (previous?.startedAt ?? now),
    completedAt: status === 'completed' ? (previous?.completedAt ?? now) : null,
  };
}

/** A check run reported by an app other than a workflow job (jobs show up as check runs on their own). */
export function addCheckRun(store: SimStore, sha: string, input: SimCheckRunInput): SimCheckRun {
  const now = store.now();
  const conclusion = input.conclusion ?? null;
  const id = store.nextId();
  const check: SimCheckRun = {
    id,
    headSha: sha.toLowerCase(),
    name: input.name,
    status: input.status,
    conclusion,
    ...checkTimes(input.status, conclusion, now),
    appSlug: input.appSlug ?? 'github-actions',
    detailsUrl: input.detailsUrl ?? null,
    title: input.title ?? null,
    summary: input.summary ?? null,
    checkSuiteId: store.nextId(),
  };
  store.checkRuns.set(id, check);
  return check;
}

export function updateCheckRun(
  store: SimStore,
  id: number,
  patch: { status?: RunStatus; conclusion?: Conclusion | null; title?: string; summary?: string },
): SimCheckRun {
  const check = store.checkRuns.get(id);
  if (!check) throw new Error(`No simulated check run ${id}`);
  const status = patch.status ?? check.status;
  const conclusion = patch.conclusion === undefined ? check.conclusion : patch.conclusion;
  Object.assign(check, { status, conclusion, ...checkTimes(status, conclusion, store.now(), check) });
  if (patch.title !== undefined) check.title = patch.title;
  if (patch.summary !== undefined) check.summary = patch.summary;
  return check;
}

/** Replaces every non-job check run on a commit. */
export function setCheckRuns(store: SimStore, sha: string, inputs: SimCheckRunInput[]): SimCheckRun[] {
  for (const [id, check] of store.checkRuns) if (check.headSha === sha.toLowerCase()) store.checkRuns.delete(id);
  return inputs.map((input) => addCheckRun(store, sha, input));
}

/** A legacy commit status; the newest per context is what the combined status shows. */
export function setCommitStatus(store: SimStore, sha: string, input: SimStatusInput): SimStatus {
  const now = store.now();
  const status: SimStatus = {
    id: store.nextId(),
    sha: sha.toLowerCase(),
    context: input.context,
    state: input.state,
    description: input.description ?? null,
    targetUrl: input.targetUrl ?? null,
    createdAt: now,
    updatedAt: now,
  };
  store.statuses.push(status);
  return status;
}
