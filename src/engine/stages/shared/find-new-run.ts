import { PyreleaseError } from '../../../domain/errors';
import { formatDuration } from '../../../domain/step-symbols';
import type { WorkflowRun } from '../../../ports/github';
import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { waitingNotice } from './waiting-notice';

export interface FindNewRunOptions {
  /** The workflow's file name (`publish-pypi.yml`) or id. */
  workflow: string | number;
  /** `push`, `release`, `workflow_dispatch`. */
  event: string;
  /** The commit the run must be for, when known. */
  headSha?: string;
  /** When the action that starts the run was taken (taken just before it). */
  after: Date;
  /** Runs that existed before, so never the one wanted. */
  knownIds: number[];
  maxWaitMs: number;
}

/** Clocks of this machine and GitHub differ; a run may look a little older than the push that started it. */
const SKEW_MS = 60_000;

/** GitHub's search date syntax wants whole seconds: `>=2026-05-01T10:00:00Z`. */
function createdSince(ms: number): string {
  return `>=${new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')}`;
}

/**
 * Waits for the run a push, a published release or a dispatch without run details started:
 * GitHub creates it a few seconds later (sometimes much later), and the API knows no link
 * between the event and the run (TECH-FACTS §5.2 "Dispatch"). Filters on the server and checks
 * again here: a run not known before, of that event and commit, created at or after `after`.
 */
export async function findNewRun(ctx: StepContext<ReleasePorts>, options: FindNewRunOptions): Promise<WorkflowRun> {
  const { clock, github, pacing } = ctx.reads;
  const since = options.after.getTime() - SKEW_MS;
  const known = new Set(options.knownIds);
  const deadline = clock.now() + options.maxWaitMs;
  const sha = options.headSha?.toLowerCase();
  const notice = waitingNotice(ctx);
  for (;;) {
    const runs = await github.runsForWorkflow(options.workflow, {
      event: options.event,
      ...(sha ? { headSha: sha } : {}),
      created: createdSince(since),
      perPage: 20,
    });
    // Newest first: the newest run that fits is the one just started.
    const found = runs.find(
      (run) =>
        !known.has(run.id) &&
        run.event === options.event &&
        (!sha || run.headSha.toLowerCase() === sha) &&
        Date.parse(run.createdAt) >= Math.floor(since / 1000) * 1000,
    );
    if (found) return found;
    if (clock.now() > deadline) {
      throw new PyreleaseError(
        'run.not-found',
        `No ${String(options.workflow)} run for the ${options.event} event${sha ? ` of ${sha.slice(0, 7)}` : ''} ` +
          `appeared within ${formatDuration(options.maxWaitMs)}.`,
        {
          hint:
            `Check on GitHub's Actions page that ${String(options.workflow)} is enabled and triggered by ` +
            `${options.event}, then run \`pyrelease --resume\`.`,
        },
      );
    }
    notice(`GitHub to start the ${String(options.workflow)} run`);
    await clock.sleep(pacing.pollIntervalMs, ctx.signal);
  }
}
