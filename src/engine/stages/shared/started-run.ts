/*
 * Starting a workflow run (a dispatch, a pushed tag, a published release) and finding it again.
 * GitHub gives no link from the trigger to the run it starts, so the ids of the runs that existed
 * before are recorded first, with the moment of the trigger: a session killed right after the
 * trigger finds the new run on resume instead of triggering a second one.
 */
import type { Json } from '../../../ports/journal-store';
import type { StepOutputs } from '../../journal';
import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { findNewRun } from './find-new-run';

export type RunTriggerEvent = 'workflow_dispatch' | 'release' | 'push';
const TRIGGER_EVENTS: readonly string[] = ['workflow_dispatch', 'release', 'push'] satisfies RunTriggerEvent[];

/** What is recorded before the trigger, under the step's outputs. */
export interface TriggerRecord {
  workflow: string;
  event: RunTriggerEvent;
  /** ISO time taken just before the trigger. */
  triggeredAt: string;
  knownRunIds: number[];
  headSha?: string;
}

/** Ids of the workflow's recent runs for that event: none of them is the one about to start. */
export async function recentRunIds(
  ctx: StepContext<ReleasePorts>,
  workflow: string,
  event: RunTriggerEvent,
): Promise<number[]> {
  const runs = await ctx.reads.github.runsForWorkflow(workflow, { event, perPage: 50 });
  return runs.map((run) => run.id);
}

/** Takes the time and the known runs, and records both before anything is triggered. */
export async function recordTrigger(
  ctx: StepContext<ReleasePorts>,
  trigger: Omit<TriggerRecord, 'triggeredAt' | 'knownRunIds'>,
): Promise<TriggerRecord> {
  const knownRunIds = await recentRunIds(ctx, trigger.workflow, trigger.event);
  const record: TriggerRecord = { ...trigger, triggeredAt: new Date(ctx.reads.clock.now()).toISOString(), knownRunIds };
  await ctx.record({ trigger: record as unknown as Json });
  return record;
}

/** The trigger recorded by an earlier session of this step, if any. */
export function recordedTrigger(outputs: StepOutputs | undefined): TriggerRecord | undefined {
  const value = outputs?.['trigger'];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as unknown as Partial<TriggerRecord>;
  if (
    typeof record.workflow !== 'string' ||
    typeof record.triggeredAt !== 'string' ||
    !Array.isArray(record.knownRunIds) ||
    typeof record.event !== 'string'
  )
    return undefined;
  // Well-typed is not enough: `runStartedBy` needs a date it can parse, run ids it can compare, a sha it can
  // lower-case.
  if (!TRIGGER_EVENTS.includes(record.event) || Number.isNaN(Date.parse(record.triggeredAt))) return undefined;
  if (
    !record.knownRunIds.every((id) => Number.isInteger(id)) ||
    (record.headSha !== undefined && typeof record.headSha !== 'string')
  )
    return undefined;
  return record as TriggerRecord;
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
