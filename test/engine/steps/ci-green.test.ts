import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/domain/config';
import { PyreleaseError } from '../../../src/domain/errors';
import { ciGreen } from '../../../src/engine/stages/prepare/ci-green';
import { CiVerdict, ReleaseCommit } from '../../../src/engine/stages/facts';
import type { CheckRun, CombinedStatus, CommitStatus, GitHubReads } from '../../../src/ports/github';
import { fastClock } from '../../helpers/release-fixtures';
import { fakeSession, fakeStepContext, given, strict, type Given } from '../../helpers/step-context';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const OTHER = '0123456789abcdef0123456789abcdef01234567';
const START = Date.UTC(2026, 10, 21, 9, 0, 0);
const POLL = 20_000;

const releaseCommit = given(ReleaseCommit, { sha: SHA });

function check(name: string, fields: Partial<CheckRun> = {}): CheckRun {
  return {
    id: name.length,
    name,
    headSha: SHA,
    status: 'completed',
    conclusion: 'success',
    startedAt: null,
    completedAt: null,
    htmlUrl: `https://github.com/quill/quillnote/runs/${name}`,
    appSlug: 'github-actions',
    checkSuiteId: 1,
    outputTitle: null,
    outputSummary: null,
    ...fields,
  };
}

function status(context: string, state: CommitStatus['state'], targetUrl: string | null = null): CommitStatus {
  return { context, state, description: null, targetUrl, createdAt: '2026-11-21T09:00:00Z' };
}

/** What GitHub reports at one poll. */
interface Poll {
  runs: CheckRun[];
  statuses?: CommitStatus[];
}

/** The most polls any test needs: a wait that never ends fails the test instead of hanging it. */
const MAX_POLLS = 20;

/** GitHub answering each poll from the script in turn; past its end the last answer repeats. */
function github(polls: Poll[], calls: string[]) {
  let index = 0;
  const current = () => {
    if (index >= MAX_POLLS) throw new Error(`polled more than ${MAX_POLLS} times`);
    return polls[Math.min(index, polls.length - 1)]!;
  };
  return strict<GitHubReads>('github', {
    checkRunsForRef: async (ref, query) => {
      calls.push(`checkRunsForRef ${ref.slice(0, 7)} ${JSON.stringify(query)}`);
      return current().runs;
    },
    combinedStatus: async (ref): Promise<CombinedStatus> => {
      calls.push(`combinedStatus ${ref.slice(0, 7)}`);
      const statuses = current().statuses ?? [];
      index += 1;
      return { state: 'pending', sha: ref, totalCount: statuses.length, statuses };
    },
  });
}

function setup(options: { polls?: Poll[]; requiredChecks?: string[]; ciTimeout?: number; facts?: Given[] }) {
  const calls: string[] = [];
  const sleeps: number[] = [];
  const time = fastClock(START, (ms) => sleeps.push(ms));
  const config = {
    ...DEFAULT_CONFIG,
    requiredChecks: options.requiredChecks ?? ['lint', 'tests'],
    ciTimeout: options.ciTimeout ?? 60,
  };
  const fake = fakeStepContext({
    step: ciGreen,
    reads: {
      session: fakeSession({ config }),
      github: github(options.polls ?? [], calls),
      clock: time.clock,
      pacing: { pollIntervalMs: POLL },
    },
    facts: options.facts ?? [releaseCommit],
  });
  return { ...fake, calls, sleeps, time: time.state };
}

describe('prepare.ci probe', () => {
  it('is done when the recorded verdict is for the release commit', async () => {
    const { ctx } = setup({ facts: [releaseCommit, given(CiVerdict, { sha: SHA, checks: ['lint', 'tests'] })] });

    expect(await ciGreen.probe!(ctx)).toEqual({ state: 'done', detail: 'green on a1b2c3d earlier' });
  });

  it('is still to do when the verdict was for another commit', async () => {
    const { ctx } = setup({ facts: [releaseCommit, given(CiVerdict, { sha: OTHER, checks: ['lint'] })] });

    expect(await ciGreen.probe!(ctx)).toEqual({ state: 'todo' });
  });

  it('is still to do without a verdict', async () => {
    const { ctx } = setup({});

    expect(await ciGreen.probe!(ctx)).toEqual({ state: 'todo' });
  });
});

describe('prepare.ci run', () => {
  it('gives the verdict when every required check is green, counting the others', async () => {
    const { ctx, gave, lines, calls, sleeps } = setup({
      polls: [
        {
          runs: [
            check('lint', { startedAt: '2026-11-21T09:00:00Z', completedAt: '2026-11-21T09:00:42Z' }),
            check('tests'),
            check('docs', { conclusion: 'skipped' }),
          ],
          statuses: [status('codecov/project', 'success')],
        },
      ],
    });

    expect(await ciGreen.run(ctx)).toEqual({ detail: '2 required check(s) green, 2 other(s)' });
    expect(gave).toEqual([
      { key: CiVerdict.key, value: { sha: SHA, checks: ['lint', 'tests', 'docs', 'codecov/project'] } },
    ]);
    expect(lines).toEqual([
      '✓ lint (required): success in 42s',
      '✓ tests (required): success',
      '- docs: neutral',
      '✓ codecov/project: success',
    ]);
    expect(calls).toEqual(['checkRunsForRef a1b2c3d {"filter":"latest"}', 'combinedStatus a1b2c3d']);
    expect(sleeps).toEqual([]);
  });

  it('counts a required commit status like a check run', async () => {
    const { ctx, gave } = setup({
      requiredChecks: ['lint', 'ci/jenkins'],
      polls: [{ runs: [check('lint')], statuses: [status('ci/jenkins', 'success')] }],
    });

    expect(await ciGreen.run(ctx)).toEqual({ detail: '2 required check(s) green' });
    expect(gave).toEqual([{ key: CiVerdict.key, value: { sha: SHA, checks: ['lint', 'ci/jenkins'] } }]);
  });

  it.each(['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure', 'stale'] as const)(
    'fails on a check run that ended in %s, naming it and its link',
    async (conclusion) => {
      const { ctx, gave, lines } = setup({ polls: [{ runs: [check('lint'), check('tests', { conclusion })] }] });

      const error = await ciGreen.run(ctx).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PyreleaseError);
      expect(error).toMatchObject({
        code: 'ci.failed',
        message: 'tests failed on the release commit a1b2c3d: https://github.com/quill/quillnote/runs/tests',
      });
      expect(lines).toContain('✗ tests (required): failure');
      expect(gave).toEqual([]);
    },
  );

  it('fails on a commit status in error, even while required checks are still pending', async () => {
    const { ctx, gave, sleeps } = setup({
      polls: [
        { runs: [check('lint', { status: 'in_progress', conclusion: null })], statuses: [status('ci/e2e', 'error')] },
      ],
    });

    await expect(ciGreen.run(ctx)).rejects.toMatchObject({
      code: 'ci.failed',
      message: 'ci/e2e failed on the release commit a1b2c3d.',
    });
    expect(sleeps).toEqual([]);
    expect(gave).toEqual([]);
  });

  it('polls while checks are pending or missing and gives the verdict once all are green', async () => {
    const { ctx, gave, lines, sleeps, calls } = setup({
      polls: [
        { runs: [check('lint', { status: 'in_progress', conclusion: null })] },
        { runs: [check('lint'), check('tests', { status: 'queued', conclusion: null })] },
        { runs: [check('lint'), check('tests', { status: 'in_progress', conclusion: null })] },
        { runs: [check('lint'), check('tests')] },
      ],
    });

    expect(await ciGreen.run(ctx)).toEqual({ detail: '2 required check(s) green' });
    expect(sleeps).toEqual([POLL, POLL, POLL]);
    expect(calls.filter((call) => call.startsWith('checkRunsForRef'))).toHaveLength(4);
    // A line when a check's state changes, not at every poll.
    expect(lines).toEqual([
      '… lint (required): pending',
      // The wait says what it waits for whenever that changes, with the time so far.
      '… waiting for tests (not reported yet), lint (0.0s so far)',
      '✓ lint (required): success',
      '… tests (required): pending',
      '… waiting for tests (20s so far)',
      '✓ tests (required): success',
    ]);
    expect(gave).toEqual([{ key: CiVerdict.key, value: { sha: SHA, checks: ['lint', 'tests'] } }]);
  });

  it('gives up after the CI timeout, listing what never reported and what is still pending', async () => {
    const { ctx, gave, sleeps, time } = setup({
      ciTimeout: 1,
      polls: [{ runs: [check('lint'), check('e2e', { status: 'in_progress', conclusion: null })] }],
    });

    const error = await ciGreen.run(ctx).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PyreleaseError);
    expect(error).toMatchObject({
      code: 'ci.timeout',
      message: 'After 1 minutes these checks are not green: tests (never reported), e2e (still pending).',
      hint: expect.stringContaining('required-checks'),
    });
    // It waited the whole minute, and not a poll longer than needed to see that.
    expect(time.now - START).toBeGreaterThan(60_000);
    expect(time.now - START).toBeLessThanOrEqual(60_000 + POLL);
    expect(sleeps.every((ms) => ms === POLL)).toBe(true);
    expect(gave).toEqual([]);
  });
});
