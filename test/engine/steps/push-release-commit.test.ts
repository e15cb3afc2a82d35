import { describe, expect, it } from 'vitest';
import { PyreleaseError } from '../../../src/domain/errors';
import { pushReleaseCommit } from '../../../src/engine/stages/prepare/push-release-commit';
import { ChosenVersion, ReleaseCommit, ReleasePullRequest, VersionCommit } from '../../../src/engine/stages/facts';
import type { ReleasePorts } from '../../../src/engine/stages/release-ports';
import type { Clock } from '../../../src/ports/clock';
import type { GitRepositoryReads, GitWrites, PushOutcome } from '../../../src/ports/git';
import type { GitHubReads, GitHubWrites, PullRequest } from '../../../src/ports/github';
import type { AnswerValue } from '../../../src/engine/prompter';
import { chosenVersion, fastClock } from '../../helpers/release-fixtures';
import { fakeSession, fakeStepContext, given, strict, type Given } from '../../helpers/step-context';

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const ORIGIN = '0123456789abcdef0123456789abcdef01234567';
const PUSHED = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';
const MERGE = 'be5eecbe5eecbe5eecbe5eecbe5eecbe5eecbe5e';
const TEST_MERGE = '7e57ed007e57ed007e57ed007e57ed007e57ed00';
const PR_URL = 'https://github.com/quill/quillnote/pull/7';

const chosen = given(ChosenVersion, chosenVersion('0.2.0', { bumpClass: 'minor', migrationRequired: true }));
const versionCommit = given(VersionCommit, { sha: HEAD });
const recordedPull = given(ReleasePullRequest, { number: 7, url: PR_URL });

function pull(fields: Partial<PullRequest>): PullRequest {
  return {
    number: 7,
    title: 'Release 0.2.0',
    state: 'open',
    merged: false,
    mergeCommitSha: null,
    headRef: 'release/v0.2.0',
    headSha: HEAD,
    baseRef: 'trunk',
    htmlUrl: PR_URL,
    labels: [],
    ...fields,
  };
}

/** Every call the step makes to the world, in order. */
type Calls = string[];

function gitReads(calls: Calls, refs: Record<string, string | undefined>, ancestors: [string, string][] = []) {
  return strict<GitRepositoryReads>('git', {
    fetch: async (remote) => {
      calls.push(`fetch ${remote}`);
    },
    resolve: async (ref) => {
      if (!Object.hasOwn(refs, ref)) throw new Error(`unscripted ref ${ref}`);
      return refs[ref];
    },
    isAncestor: async (ancestor, descendant) => ancestors.some(([a, d]) => a === ancestor && d === descendant),
  });
}

/** GitHub answering pullRequest(7) from a script, one answer per poll; a poll past its end fails the test. */
function github(calls: Calls, polls: (PullRequest | undefined)[], onPoll?: () => void) {
  let index = 0;
  return strict<GitHubReads>('github', {
    pullRequest: async (number) => {
      calls.push(`pullRequest ${number}`);
      onPoll?.();
      if (index >= polls.length) throw new Error(`pullRequest polled ${index + 1} times, scripted ${polls.length}`);
      index += 1;
      return polls[index - 1];
    },
  });
}

const clock = (calls: Calls): Clock =>
  fastClock(Date.UTC(2026, 10, 21, 9, 0, 0), (ms) => calls.push(`sleep ${ms}`)).clock;

function gitWrites(calls: Calls, outcomes: Record<string, PushOutcome>) {
  return strict<GitWrites>('writes.git', {
    push: async (remote, refspec) => {
      calls.push(`push ${remote} ${refspec}`);
      const outcome = outcomes[refspec];
      if (!outcome) throw new Error(`unscripted push of ${refspec}`);
      return outcome;
    },
  });
}

function setup(options: {
  facts?: Given[];
  reads?: Partial<ReleasePorts['reads']>;
  writes?: Partial<ReleasePorts['writes']>;
  answers?: Record<string, AnswerValue>;
}) {
  return fakeStepContext({
    step: pushReleaseCommit,
    reads: { session: fakeSession({}, 'trunk'), ...options.reads },
    ...(options.writes ? { writes: options.writes } : {}),
    facts: options.facts ?? [chosen, versionCommit],
    ...(options.answers ? { answers: options.answers } : {}),
  });
}

describe('prepare.push probe', () => {
  it('is done when the recorded pull request was merged, giving the merge commit', async () => {
    const calls: Calls = [];
    const { ctx, gave } = setup({
      facts: [chosen, versionCommit, recordedPull],
      reads: {
        github: github(calls, [pull({ state: 'closed', merged: true, mergeCommitSha: MERGE })]),
        git: gitReads(calls, {}),
      },
    });

    expect(await pushReleaseCommit.probe(ctx)).toEqual({ state: 'done', detail: 'merged in pull request #7' });
    expect(gave).toEqual([{ key: ReleaseCommit.key, value: { sha: MERGE } }]);
    expect(calls).toEqual(['pullRequest 7', 'fetch origin']);
  });

  it('is still to do while the recorded pull request is open, despite GitHub’s test merge commit', async () => {
    const calls: Calls = [];
    const { ctx, gave } = setup({
      facts: [chosen, versionCommit, recordedPull],
      // No git: the probe must not look at the branch while a pull request carries the commit.
      reads: { github: github(calls, [pull({ mergeCommitSha: TEST_MERGE })]), git: strict('git') },
    });

    expect(await pushReleaseCommit.probe(ctx)).toEqual({ state: 'todo' });
    expect(gave).toEqual([]);
  });

  it('is done when the pushed release commit is on origin', async () => {
    const calls: Calls = [];
    const { ctx, gave } = setup({
      facts: [chosen, versionCommit, given(ReleaseCommit, { sha: PUSHED })],
      reads: { git: gitReads(calls, { 'refs/remotes/origin/trunk': ORIGIN }, [[PUSHED, ORIGIN]]) },
    });

    expect(await pushReleaseCommit.probe(ctx)).toEqual({
      state: 'done',
      detail: 'the release commit f00dfee is on origin',
    });
    expect(gave).toEqual([{ key: ReleaseCommit.key, value: { sha: PUSHED } }]);
  });

  it('is done when HEAD is where origin’s release branch is', async () => {
    const calls: Calls = [];
    const { ctx, gave } = setup({
      reads: { git: gitReads(calls, { HEAD, 'refs/remotes/origin/trunk': HEAD }) },
    });

    expect(await pushReleaseCommit.probe(ctx)).toEqual({ state: 'done', detail: 'origin/trunk is at a1b2c3d' });
    expect(gave).toEqual([{ key: ReleaseCommit.key, value: { sha: HEAD } }]);
    expect(calls).toEqual(['fetch origin']);
  });

  it('is still to do when HEAD is ahead of origin', async () => {
    const { ctx, gave } = setup({
      reads: { git: gitReads([], { HEAD, 'refs/remotes/origin/trunk': ORIGIN }) },
    });

    expect(await pushReleaseCommit.probe(ctx)).toEqual({ state: 'todo' });
    expect(gave).toEqual([]);
  });

  it('is still to do when origin has no such branch yet', async () => {
    const { ctx } = setup({ reads: { git: gitReads([], { HEAD, 'refs/remotes/origin/trunk': undefined }) } });

    expect(await pushReleaseCommit.probe(ctx)).toEqual({ state: 'todo' });
  });
});

describe('prepare.push describe', () => {
  it('names the push to the release branch', async () => {
    const { ctx } = setup({});

    expect(await pushReleaseCommit.describe(ctx)).toEqual(['git push origin HEAD:refs/heads/trunk']);
  });
});

describe('prepare.push run', () => {
  it('pushes after the confirmation and gives HEAD as the release commit', async () => {
    const calls: Calls = [];
    const { ctx, gave, asked } = setup({
      reads: { git: gitReads(calls, { HEAD }) },
      writes: { git: gitWrites(calls, { 'HEAD:refs/heads/trunk': { ok: true } }) },
      answers: { 'push.confirm': true },
    });

    expect(await pushReleaseCommit.run(ctx)).toEqual({ detail: 'origin/trunk at a1b2c3d' });
    expect(asked.map((question) => [question.id, question.message])).toEqual([
      ['push.confirm', 'Push the release commit a1b2c3d to origin/trunk?'],
    ]);
    expect(calls).toEqual(['push origin HEAD:refs/heads/trunk']);
    expect(gave).toEqual([{ key: ReleaseCommit.key, value: { sha: HEAD } }]);
  });

  it('pushes nothing when the confirmation is declined', async () => {
    const calls: Calls = [];
    const { ctx, gave } = setup({
      reads: { git: gitReads(calls, { HEAD }) },
      writes: { git: gitWrites(calls, {}) },
      answers: { 'push.confirm': false },
    });

    const error = await pushReleaseCommit.run(ctx).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PyreleaseError);
    expect(error).toMatchObject({ code: 'push.declined', hint: expect.stringContaining('pyrelease --resume') });
    expect(calls).toEqual([]);
    expect(gave).toEqual([]);
  });

  it('stops when origin refuses a push to a branch that is not protected', async () => {
    const calls: Calls = [];
    const { ctx, gave, asked } = setup({
      reads: { git: gitReads(calls, { HEAD }) },
      writes: {
        git: gitWrites(calls, {
          'HEAD:refs/heads/trunk': { ok: false, protected: false, message: '! [rejected] (non-fast-forward)' },
        }),
      },
      answers: { 'push.confirm': true },
    });

    await expect(pushReleaseCommit.run(ctx)).rejects.toMatchObject({
      code: 'push.refused',
      message: 'origin refused the push:\n! [rejected] (non-fast-forward)',
    });
    expect(asked.map((question) => question.id)).toEqual(['push.confirm']);
    expect(calls).toEqual(['push origin HEAD:refs/heads/trunk']);
    expect(gave).toEqual([]);
  });

  it('goes through a pull request for a protected branch and gives its merge commit', async () => {
    const calls: Calls = [];
    const created: Parameters<GitHubWrites['createPullRequest']>[0][] = [];
    const recordedAtPoll: unknown[] = [];
    const fake = setup({
      reads: {
        git: gitReads(calls, { HEAD }),
        github: github(
          calls,
          [pull({}), pull({}), pull({ state: 'closed', merged: true, mergeCommitSha: MERGE })],
          () => recordedAtPoll.push(fake.fact(ReleasePullRequest)),
        ),
        clock: clock(calls),
        pacing: { pollIntervalMs: 5_000 },
      },
      writes: {
        git: gitWrites(calls, {
          'HEAD:refs/heads/trunk': { ok: false, protected: true, message: 'protected branch hook declined' },
          'HEAD:refs/heads/release/v0.2.0': { ok: true },
        }),
        github: strict<GitHubWrites>('writes.github', {
          createPullRequest: async (fields) => {
            calls.push('createPullRequest');
            created.push(fields);
            return pull({});
          },
        }),
      },
      answers: { 'push.confirm': true, 'push.pull-request': true },
    });
    const { ctx, gave, asked, lines } = fake;

    expect(await pushReleaseCommit.run(ctx)).toEqual({ detail: 'merged in pull request #7 (be5eecb)' });
    expect(asked.map((question) => [question.id, question.message])).toEqual([
      ['push.confirm', 'Push the release commit a1b2c3d to origin/trunk?'],
      ['push.pull-request', 'trunk is protected. Push release/v0.2.0 and open a pull request for it?'],
    ]);
    expect(created).toEqual([
      {
        title: 'Release 0.2.0',
        head: 'release/v0.2.0',
        base: 'trunk',
        body: 'The release commit of 0.2.0, opened by pyrelease. Merge it to continue the release.',
      },
    ]);
    expect(calls).toEqual([
      'push origin HEAD:refs/heads/trunk',
      'push origin HEAD:refs/heads/release/v0.2.0',
      'createPullRequest',
      'pullRequest 7',
      'sleep 5000',
      'pullRequest 7',
      'sleep 5000',
      'pullRequest 7',
      'fetch origin',
    ]);
    // The pull request is on record before the wait, so an interrupted wait resumes on it.
    expect(recordedAtPoll[0]).toEqual({ number: 7, url: PR_URL });
    expect(gave).toEqual([
      { key: ReleasePullRequest.key, value: { number: 7, url: PR_URL } },
      { key: ReleaseCommit.key, value: { sha: MERGE } },
    ]);
    expect(lines).toEqual([`… waiting for pull request #7 to be merged: ${PR_URL} (0.0s so far)`]);
  });

  it('stops when the maintainer will not go through a pull request', async () => {
    const calls: Calls = [];
    const { ctx, gave } = setup({
      reads: { git: gitReads(calls, { HEAD }) },
      writes: {
        git: gitWrites(calls, { 'HEAD:refs/heads/trunk': { ok: false, protected: true, message: 'protected' } }),
      },
      answers: { 'push.confirm': true, 'push.pull-request': false },
    });

    await expect(pushReleaseCommit.run(ctx)).rejects.toMatchObject({ code: 'push.protected' });
    expect(calls).toEqual(['push origin HEAD:refs/heads/trunk']);
    expect(gave).toEqual([]);
  });

  it('stops without a pull request when origin refuses the release branch too', async () => {
    const calls: Calls = [];
    const { ctx, gave } = setup({
      reads: { git: gitReads(calls, { HEAD }) },
      writes: {
        git: gitWrites(calls, {
          'HEAD:refs/heads/trunk': { ok: false, protected: true, message: 'protected' },
          'HEAD:refs/heads/release/v0.2.0': { ok: false, protected: true, message: 'release/* is protected' },
        }),
        github: strict<GitHubWrites>('writes.github'),
      },
      answers: { 'push.confirm': true, 'push.pull-request': true },
    });

    await expect(pushReleaseCommit.run(ctx)).rejects.toMatchObject({
      code: 'push.refused',
      message: 'origin refused release/v0.2.0:\nrelease/* is protected',
    });
    expect(gave).toEqual([]);
  });

  it('stops when the pull request is closed without being merged', async () => {
    const calls: Calls = [];
    const { ctx, gave } = setup({
      reads: {
        git: gitReads(calls, { HEAD }),
        github: github(calls, [pull({}), pull({ state: 'closed' })]),
        clock: clock(calls),
        pacing: { pollIntervalMs: 5_000 },
      },
      writes: {
        git: gitWrites(calls, {
          'HEAD:refs/heads/trunk': { ok: false, protected: true, message: 'protected' },
          'HEAD:refs/heads/release/v0.2.0': { ok: true },
        }),
        github: strict<GitHubWrites>('writes.github', { createPullRequest: async () => pull({}) }),
      },
      answers: { 'push.confirm': true, 'push.pull-request': true },
    });

    const error = await pushReleaseCommit.run(ctx).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PyreleaseError);
    expect(error).toMatchObject({
      code: 'push.pull-request-closed',
      message: 'Pull request #7 was closed without being merged.',
      hint: `Reopen and merge it (${PR_URL}), then run \`pyrelease --resume\`.`,
    });
    expect(gave.map((entry) => entry.key)).toEqual([ReleasePullRequest.key]);
    expect(calls.filter((call) => call === 'fetch origin')).toEqual([]);
  });

  it('resumes the wait on a recorded pull request without asking or pushing again', async () => {
    const calls: Calls = [];
    const { ctx, gave, asked } = setup({
      facts: [chosen, versionCommit, recordedPull],
      reads: {
        git: gitReads(calls, { HEAD }),
        github: github(calls, [pull({ state: 'closed', merged: true, mergeCommitSha: MERGE })]),
      },
      writes: { git: strict<GitWrites>('writes.git') },
    });

    expect(await pushReleaseCommit.run(ctx)).toEqual({ detail: 'merged in pull request #7 (be5eecb)' });
    expect(asked).toEqual([]);
    expect(calls).toEqual(['pullRequest 7', 'fetch origin']);
    expect(gave).toEqual([{ key: ReleaseCommit.key, value: { sha: MERGE } }]);
  });

  it('stops when HEAD names no commit', async () => {
    const { ctx } = setup({ reads: { git: gitReads([], { HEAD: undefined }) } });

    await expect(pushReleaseCommit.run(ctx)).rejects.toMatchObject({ code: 'push.no-head' });
  });
});
