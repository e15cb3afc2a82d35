import { PyreleaseError } from '../../../domain/errors';
import { formatDuration } from '../../../domain/step-symbols';
import type { RunConclusion, WorkflowJob, WorkflowRun } from '../../../ports/github';
import type { WriteContext } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { FAILED_CONCLUSIONS, describeRunChanges, jobSeconds, runSymbol, tailOfJobLog, type JobView } from './run-view';

export { describeRunChanges, type JobView, type StepView } from './run-view';
export { findNewRun, type FindNewRunOptions } from './find-new-run';

export interface WatchRunOptions {
  runId: number;
  /** The environment the run is expected to wait for (`pypi`), named while GitHub does not list it yet. */
  environmentHint?: string;
  /** How long to watch (by `reads.clock`) before giving up; a re-run or an answered question starts it again. */
  maxWaitMs: number;
  /** Question ids hang on it: `${questionPrefix}.approve`, `${questionPrefix}.on-failure`. */
  questionPrefix: string;
  /** Offer "try again with the next release candidate" when the run fails (TestPyPI). */
  allowNextCandidate?: boolean;
  /** Offer the rollback paths when the run fails (the PyPI publish run). */
  offerRollback?: boolean;
  /** Records the run (and each new attempt) in the caller's fact, so `--resume` re-attaches to it. */
  onAttempt(run: { runId: number; runUrl: string; attempt: number }): Promise<void>;
}

export interface WatchedJob {
  name: string;
  conclusion: RunConclusion | null;
  /** Whole seconds from start to end; null when it never finished. */
  seconds: number | null;
}

export interface WatchedRun {
  runId: number;
  conclusion: RunConclusion;
  attempt: number;
  url: string;
  jobs: WatchedJob[];
  /** Set when the user chose to give up on this run for the next release candidate. */
  next?: 'next-rc';
}

type Ctx = WriteContext<ReleasePorts>;

/** What one watch remembers across polls. */
interface WatchState {
  shown: JobView[] | undefined;
  recordedAttempt: number | undefined;
  /** After a re-run: the attempt to wait for (GitHub may show the old one for a moment). */
  awaitedAttempt: number;
  /** `attempt:environment` keys already warned about, and already asked about. */
  warned: Set<string>;
  asked: Set<string>;
  deadline: number;
}

/**
 * Watches a workflow run to its end, like `gh run watch` (TECH-FACTS §6) but as output lines: a
 * line whenever a job or a step changes, an offer to approve a waiting environment, and on
 * failure the tail of the failed job's log and a choice to re-run the failed jobs, stop, or (for
 * TestPyPI) move on to the next release candidate. Records the run first, so `--resume`
 * re-attaches to it instead of starting another.
 */
export async function watchRun(ctx: Ctx, options: WatchRunOptions): Promise<WatchedRun> {
  const { github, clock, pacing } = ctx.reads;
  const state: WatchState = {
    shown: undefined,
    recordedAttempt: undefined,
    awaitedAttempt: 0,
    warned: new Set(),
    asked: new Set(),
    deadline: clock.now() + options.maxWaitMs,
  };
  for (;;) {
    // Both fetched before anything is printed, so a line never mixes two polls (STYLE.md §2.7).
    const [run, jobs] = await Promise.all([github.run(options.runId), github.jobs(options.runId, 'latest')]);
    if (run.runAttempt >= state.awaitedAttempt) {
      await announce(ctx, run, state, options);
      for (const line of describeRunChanges(state.shown, jobs)) ctx.log(line);
      state.shown = jobs;
      if (run.status === 'completed') {
        const outcome = await concluded(ctx, run, jobs, options);
        if (outcome !== 'rerun') return outcome;
        state.awaitedAttempt = run.runAttempt + 1;
        state.deadline = clock.now() + options.maxWaitMs;
      } else if (run.status === 'waiting') {
        if (await attendApprovals(ctx, run, options, state)) state.deadline = clock.now() + options.maxWaitMs;
      }
    }
    if (clock.now() > state.deadline) throw timedOut(run, jobs, options);
    await clock.sleep(pacing.pollIntervalMs, ctx.signal);
  }
}

/** Records the run (and each new attempt) for resume, and says what is being watched. */
async function announce(ctx: Ctx, run: WorkflowRun, state: WatchState, options: WatchRunOptions): Promise<void> {
  if (state.recordedAttempt === run.runAttempt) return;
  // A new attempt re-runs the failed jobs and those skipped because of them: show them afresh,
  // even when a re-run ends the way the last one did; the jobs carried over stay as shown.
  if (state.recordedAttempt !== undefined)
    state.shown = state.shown?.filter((job) => job.conclusion === 'success' || job.conclusion === 'neutral');
  await options.onAttempt({ runId: run.id, runUrl: run.htmlUrl, attempt: run.runAttempt });
  state.recordedAttempt = run.runAttempt;
  const attempt = run.runAttempt > 1 ? ` (attempt ${run.runAttempt})` : '';
  ctx.log(`Watching ${run.name ?? run.displayTitle} run ${run.id}${attempt}: ${run.htmlUrl}`);
}

function result(run: WorkflowRun, jobs: WorkflowJob[], conclusion: RunConclusion): WatchedRun {
  return {
    runId: run.id,
    conclusion,
    attempt: run.runAttempt,
    url: run.htmlUrl,
    jobs: jobs.map((job) => ({ name: job.name, conclusion: job.conclusion, seconds: jobSeconds(job) })),
  };
}

/** A finished run: its result, or what the user chose after a failure. */
async function concluded(
  ctx: Ctx,
  run: WorkflowRun,
  jobs: WorkflowJob[],
  options: WatchRunOptions,
): Promise<WatchedRun | 'rerun'> {
  const conclusion = run.conclusion ?? 'failure';
  const title = run.name ?? run.displayTitle;
  ctx.log(`${runSymbol('completed', conclusion)} Run ${title} (${run.id}) completed with '${conclusion}'`);
  // Every job skipped (an `if:` that left this event out): nothing was built or published.
  if (conclusion === 'skipped') {
    throw new PyreleaseError(
      'run.skipped',
      `Run ${run.id} skipped all of its jobs, so nothing was published: ${run.htmlUrl}`,
      {
        hint:
          "Look at the jobs' `if:` conditions in the workflow: they leave this " +
          'event out (a guard against pre-releases, say). Fix the workflow, then ' +
          '`pyrelease --resume`.',
      },
    );
  }
  if (!FAILED_CONCLUSIONS.has(conclusion)) return result(run, jobs, conclusion);
  const job = jobs.find((entry) => entry.conclusion !== null && FAILED_CONCLUSIONS.has(entry.conclusion));
  const step = job?.steps.find((entry) => entry.conclusion !== null && FAILED_CONCLUSIONS.has(entry.conclusion));
  const where = job ? `${job.name}${step ? `, step "${step.name}",` : ''}` : `Run ${run.id}`;
  if (job) await showLogTail(ctx, job);
  const choice = await ctx.ask({
    kind: 'select',
    id: `${options.questionPrefix}.on-failure`,
    message: `${where} failed (attempt ${run.runAttempt}). What now?`,
    detail: job?.htmlUrl ?? run.htmlUrl,
    choices: [
      { value: 'rerun', label: 'Re-run the failed jobs', hint: 'a new attempt of the same run' },
      { value: 'stop', label: 'Stop here' },
      ...(options.allowNextCandidate ? [{ value: 'next-rc', label: 'Try again with the next release candidate' }] : []),
      ...(options.offerRollback ? [{ value: 'rollback', label: 'Roll back…', hint: 'yank, hotfix or revert' }] : []),
    ],
    default: 'stop',
    remember: false,
  });
  if (choice === 'rerun') {
    await ctx.writes.github.rerunFailedJobs(run.id);
    ctx.log(`Re-running the failed jobs of run ${run.id}.`);
    return 'rerun';
  }
  if (choice === 'next-rc') return { ...result(run, jobs, conclusion), next: 'next-rc' };
  if (choice === 'rollback') throw rollbackByHand(run);
  throw new PyreleaseError(
    'run.failed',
    `${where} failed in run ${run.id} (attempt ${run.runAttempt}): ${run.htmlUrl}`,
    {
      hint:
        'Read the log there. Re-run the failed jobs on GitHub or fix the cause; ' +
        '`pyrelease --resume` re-attaches to the run.',
    },
  );
}

/** The last lines of the failed job's log, on stderr. A log that cannot be read does not stop the choice. */
async function showLogTail(ctx: Ctx, job: WorkflowJob): Promise<void> {
  let text: string | undefined;
  try {
    text = await ctx.reads.github.jobLog(job.id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.log(`The log of ${job.name} could not be read (${reason}): ${job.htmlUrl ?? ''}`, 'stderr');
    return;
  }
  if (text === undefined) {
    ctx.log(`The log of ${job.name} is not available yet${job.htmlUrl ? `: ${job.htmlUrl}` : '.'}`, 'stderr');
    return;
  }
  ctx.log(`The log of ${job.name} ends:`, 'stderr');
  for (const line of tailOfJobLog(text, 25)) ctx.log(`  ${line}`, 'stderr');
}

/**
 * A run waiting for an environment's approval: says which and where (once per attempt), and
 * offers to approve when the user may. True when a question was asked (the wait starts again).
 */
async function attendApprovals(
  ctx: Ctx,
  run: WorkflowRun,
  options: WatchRunOptions,
  state: WatchState,
): Promise<boolean> {
  const pending = await ctx.reads.github.pendingDeployments(run.id);
  if (pending.length === 0 && options.environmentHint) {
    const key = `${run.runAttempt}:${options.environmentHint}`;
    if (!state.warned.has(key))
      ctx.warn(
        `Run ${run.id} is waiting, probably for approval of the ${options.environmentHint} environment: ${run.htmlUrl}`,
      );
    state.warned.add(key);
  }
  let asked = false;
  for (const deployment of pending) {
    const { name, id, htmlUrl } = deployment.environment;
    const key = `${run.runAttempt}:${name}`;
    if (!state.warned.has(key)) {
      const reviewers = deployment.reviewers
        .map((reviewer) => (reviewer.type === 'Team' ? `team ${reviewer.name}` : reviewer.name))
        .join(', ');
      const who = deployment.currentUserCanApprove
        ? ''
        : ` Ask a required reviewer${reviewers ? ` (${reviewers})` : ''} to approve it.`;
      ctx.warn(`Run ${run.id} waits for approval of the ${name} environment: ${htmlUrl ?? run.htmlUrl}${who}`);
      state.warned.add(key);
    }
    if (!deployment.currentUserCanApprove || state.asked.has(key)) continue;
    state.asked.add(key);
    asked = true;
    const approve = await ctx.ask({
      kind: 'confirm',
      id: `${options.questionPrefix}.approve`,
      message: `Approve the ${name} deployment now?`,
      default: false,
      remember: false,
    });
    if (!approve) {
      ctx.log(`Waiting for someone to approve the ${name} deployment: ${htmlUrl ?? run.htmlUrl}`);
      continue;
    }
    await ctx.writes.github.reviewDeployments(run.id, {
      environmentIds: [id],
      state: 'approved',
      comment: 'Approved from pyrelease',
    });
    ctx.log(`Approved the ${name} deployment.`);
  }
  return asked;
}

/**
 * The rollback menu (yank, hotfix, revert) is not part of this version: say what to do by hand.
 * Whether anything reached the index decides which path applies.
 */
function rollbackByHand(run: WorkflowRun): PyreleaseError {
  return new PyreleaseError(
    'run.rollback-by-hand',
    `Run ${run.id} failed; pyrelease has no rollback menu yet, so these are the paths by hand: ${run.htmlUrl}`,
    {
      hint:
        'If nothing reached PyPI: fix the cause, re-run the failed jobs on GitHub, then `pyrelease --resume`. ' +
        ('If some files did: yank the release on its PyPI management page (a ' +
          'yanked version can never be reused) and release a patch version with ' +
          'the fix.'),
    },
  );
}

function timedOut(run: WorkflowRun, jobs: WorkflowJob[], options: WatchRunOptions): PyreleaseError {
  const running = jobs
    .filter((job) => job.status !== 'completed')
    .map((job) => {
      const step = job.steps.find((entry) => entry.status === 'in_progress');
      return step ? `${job.name} (at "${step.name}")` : `${job.name} (${job.status})`;
    });
  const what = running.length > 0 ? running.join(', ') : `the run (${run.status ?? 'unknown'})`;
  return new PyreleaseError(
    'run.timeout',
    `Run ${run.id} did not finish within ${formatDuration(options.maxWaitMs)}; still going: ${what}. ${run.htmlUrl}`,
    {
      hint: 'It goes on without pyrelease: look at it there, then `pyrelease --resume` re-attaches to the run.',
    },
  );
}
