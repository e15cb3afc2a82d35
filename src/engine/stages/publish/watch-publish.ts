import { PyreleaseError } from '../../../domain/errors';
import type { StepOutputs } from '../../journal';
import type { ProbeResult, WriteStep } from '../../step';
import { chosenVersion } from '../prepare/outputs';
import type { ReleasePorts } from '../release-ports';
import { recordedTrigger, runStartedBy } from '../shared/started-run';
import { watchRun } from '../shared/watch-run';

const STEP = 'publish.watch';

/**
 * Stage 4: the publish run the tag started, found among the runs that did not exist before the
 * push (it can take GitHub a while to start it), then watched to its end: jobs and steps live, the
 * `pypi` environment's approval, the failed step's log and a re-run on failure.
 */
export const watchPublish: WriteStep<ReleasePorts> = {
  id: STEP,
  title: 'Watch the PyPI publish run',
  effect: 'write',
  needs: ['tag.create'],
  async probe(ctx): Promise<ProbeResult> {
    const outputs = ctx.outputsOf(STEP);
    const runId = outputs?.['runId'];
    if (typeof runId !== 'number') return { state: 'todo' };
    // The journal only says which run; GitHub says how it ended (someone may have re-run it since).
    const run = await ctx.reads.github.run(runId);
    if (run.status === 'completed' && run.conclusion === 'success') {
      return {
        state: 'done',
        detail: `run ${run.id} succeeded: ${run.htmlUrl}`,
        outputs: { conclusion: 'success', attempt: run.runAttempt, runUrl: run.htmlUrl },
      };
    }
    return { state: 'todo', detail: `re-attaching to run ${run.id} (${run.status ?? 'unknown'})` };
  },
  async describe(ctx) {
    const { config } = await ctx.reads.project.load();
    return [`find the ${config.workflows.pypi} run started by ${chosenVersion(ctx).tag} and watch it to the end`];
  },
  async run(ctx): Promise<StepOutputs> {
    const { config } = await ctx.reads.project.load();
    const maxWaitMs = config.ciTimeout * 60_000;
    let runId = ctx.outputsOf(STEP)?.['runId'];
    if (typeof runId === 'number') {
      ctx.log(`Re-attaching to run ${runId}.`);
    } else {
      const trigger = recordedTrigger(ctx.outputsOf('tag.create'));
      if (!trigger) {
        throw new PyreleaseError(
          'journal.missing-trigger',
          'The runs that existed before the tag was pushed were not recorded, so the publish run cannot be told apart.',
          {
            hint: `Find the ${config.workflows.pypi} run of ${chosenVersion(ctx).tag} on GitHub's Actions page and watch it there.`,
          },
        );
      }
      runId = await runStartedBy(ctx, trigger, maxWaitMs);
      await ctx.record({ runId });
    }
    const watched = await watchRun(ctx, {
      runId,
      maxWaitMs,
      questionPrefix: 'publish.watch',
      offerRollback: true,
      environmentHint: config.environments.pypi,
    });
    return {
      summary: `run ${watched.runId} ${watched.conclusion}${watched.attempt > 1 ? ` (attempt ${watched.attempt})` : ''}: ${watched.url}`,
      runId: watched.runId,
      runUrl: watched.url,
      attempt: watched.attempt,
      conclusion: watched.conclusion,
      jobs: watched.jobs.map((job) => ({ name: job.name, conclusion: job.conclusion, seconds: job.seconds })),
    };
  },
};
