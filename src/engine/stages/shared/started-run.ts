/*
 * Starting a workflow run (a dispatch, a pushed tag, a published release) and finding it again.
 * GitHub gives no link from the trigger to the run it starts, so the ids of the runs that existed
 * before are recorded first, with the moment of the trigger: a session killed right after the
 * trigger finds the new run on resume instead of triggering a second one.
 */
import type { StepContext } from '../../step';
import type { TriggerRecord } from '../facts';
import type { ReleasePorts } from '../release-ports';
import { findNewRun } from './find-new-run';

export type RunTriggerEvent = TriggerRecord['event'];
export type { TriggerRecord } from '../facts';

/** Ids of the workflow's recent runs for that event: none of them is the one about to start. */
export async function recentRunIds(
  ctx: StepContext<ReleasePorts>,
  workflow: string,
  event: RunTriggerEvent,
): Promise<number[]> {
  const runs = await ctx.reads.github.runsForWorkflow(workflow, { event, perPage: 50 });
  return runs.map((run) => run.id);
}

/** Takes the time and the known runs: the caller records both (in its fact) before it triggers anything. */
export async function triggerRecord(
  ctx: StepContext<ReleasePorts>,
  trigger: Omit<TriggerRecord, 'triggeredAt' | 'knownRunIds'>,
): Promise<TriggerRecord> {
  const knownRunIds = await recentRunIds(ctx, trigger.workflow, trigger.event);
  return { ...trigger, triggeredAt: new Date(ctx.reads.clock.now()).toISOString(), knownRunIds };
}

/** Waits for the run the recorded trigger started; `maxWaitMs` bounds the wait. */
export async function runStartedBy(
  ctx: StepContext<ReleasePorts>,
  trigger: TriggerRecord,
  maxWaitMs: number,
): Promise<number> {
  const run = await findNewRun(ctx, {
    workflow: trigger.workflow,
    event: trigger.event,
    ...(trigger.headSha ? { headSha: trigger.headSha } : {}),
    after: new Date(trigger.triggeredAt),
    knownIds: trigger.knownRunIds,
    maxWaitMs,
  });
  return run.id;
}
