import { PyreleaseError } from '../../../domain/errors';
import type { ProbeResult, StepResult, WriteStep } from '../../step';
import { ChosenVersion, PublishRun, PublishTrigger } from '../facts';
import type { ReleasePorts } from '../release-ports';
import { runStartedBy } from '../shared/started-run';
import { watchRun } from '../shared/watch-run';

/**
 * Stage 4: the publish run the tag started, found among the runs that did not exist before the
 * push (it can take GitHub a while to start it), then watched to its end: jobs and steps live, the
 * `pypi` environment's approval, the failed step's log and a re-run on failure.
 */
export const watchPublish: WriteStep<ReleasePorts> = {
  id: 'publish.watch',
  title: 'Watch the PyPI publish run',
  effect: 'write',
  needs: [ChosenVersion, PublishTrigger],
  gives: [PublishRun],
  asks: ['publish.watch.*'],
  async probe(ctx): Promise<ProbeResult> {
    const recorded = ctx.get(PublishRun);
    if (!recorded) return { state: 'todo' };
    // The journal only says which run; GitHub says how it ended (someone may have re-run it since).
    const run = await ctx.reads.github.run(recorded.runId);
    if (run.status === 'completed' && run.conclusion === 'success') {
      await ctx.give(PublishRun, { ...recorded, conclusion: 'success', attempt: run.runAttempt, runUrl: run.htmlUrl });
      return { state: 'done', detail: `run ${run.id} succeeded: ${run.htmlUrl}` };
    }
    return { state: 'todo', detail: `re-attaching to run ${run.id} (${run.status ?? 'unknown'})` };
  },
  async describe(ctx) {
    const { config } = await ctx.reads.session.project();
    return [`find the ${config.workflows.pypi} run started by ${ctx.need(ChosenVersion).tag} and watch it to the end`];
  },
  async run(ctx): Promise<StepResult> {
    const { config } = await ctx.reads.session.project();
    const maxWaitMs = config.ciTimeout * 60_000;
    let runId = ctx.get(PublishRun)?.runId;
    if (runId !== undefined) {
      ctx.log(`Re-attaching to run ${runId}.`);
    } else {
      const trigger = ctx.need(PublishTrigger).trigger;
      if (!trigger) {
        throw new PyreleaseError(
          'journal.missing-trigger',
          'The runs that existed before the tag was pushed were not recorded, so the publish run cannot be told apart.',
          {
            hint:
              `Find the ${config.workflows.pypi} run of ${ctx.need(ChosenVersion).tag} on GitHub's ` +
              `Actions page and watch it there.`,
          },
        );
      }
      runId = await runStartedBy(ctx, trigger, maxWaitMs);
      await ctx.give(PublishRun, { runId });
    }
    const watched = await watchRun(ctx, {
      runId,
      maxWaitMs,
      questionPrefix: 'publish.watch',
      offerRollback: true,
      environmentHint: config.environments.pypi,
      onAttempt: (run) => ctx.give(PublishRun, run),
    });
    await ctx.give(PublishRun, {
      runId: watched.runId,
      runUrl: watched.url,
      attempt: watched.attempt,
      conclusion: watched.conclusion,
      jobs: watched.jobs.map((job) => ({ name: job.name, conclusion: job.conclusion, seconds: job.seconds })),
    });
    const attempt = watched.attempt > 1 ? ` (attempt ${watched.attempt})` : '';
    return { detail: `run ${watched.runId} ${watched.conclusion}${attempt}: ${watched.url}` };
  },
};
