import { describe, expect, it } from 'vitest';
import { MemoryJournalStore } from '../../src/adapters/journal-memory';
import type { EngineEvent } from '../../src/engine/events';
import { Journal, newJournalData } from '../../src/engine/journal';
import { runPlan } from '../../src/engine/runner';
import type { Plan } from '../../src/engine/step';
import { LineRenderer } from '../../src/plain/line-renderer';
import type { Handoff, JournalData } from '../../src/ports/journal-store';
import { FixedClock } from '../helpers/fixed-clock';
import { portsFor, World, type TestPorts } from '../helpers/test-plan';

const HANDOFF: Handoff = {
  flow: 'rollback',
  params: { version: '1.2.0' },
  reason: 'the publish run of 1.2.0 failed and you chose to roll back.',
};

/** A flow whose second step ends it by handing over; the third must never run. */
function plan(ran: string[]): Plan<TestPorts> {
  const step = (id: string, result: object = {}) => ({
    id: `one.${id}`,
    title: id,
    effect: 'read' as const,
    run: async () => {
      ran.push(id);
      return result;
    },
  });
  return {
    stages: [
      { id: 'one', title: 'One', steps: [step('first'), step('second', { detail: 'rolling back', handoff: HANDOFF })] },
      { id: 'two', title: 'Two', steps: [step('third')] },
    ],
  };
}

async function run(dryRun = false) {
  const ran: string[] = [];
  const store = new MemoryJournalStore();
  const clock = new FixedClock();
  const events: EngineEvent[] = [];
  const result = await runPlan({
    plan: plan(ran),
    noun: 'release',
    journal: new Journal(
      newJournalData({ releaseId: 'r1', flow: 'release', params: {}, now: clock.now(), version: 'test' }),
      store,
      clock,
    ),
    ports: portsFor(new World()),
    header: { flow: 'release', dryRun },
    given: {},
    yes: true,
    prompter: undefined,
    dryRun,
    signal: new AbortController().signal,
    emit: (event) => events.push(event),
    clock,
    resumed: false,
  });
  return { ran, store, events, result };
}

describe('a flow that hands over to another', () => {
  it('ends there as planned, with the hand-off in its result and in its archived journal', async () => {
    const { ran, store, events, result } = await run();
    expect(ran).toEqual(['first', 'second']);
    expect(result).toMatchObject({ outcome: 'handoff', handoff: HANDOFF, recordPath: '(memory)/history/r1.json' });
    const archived = store.archived[0] as JournalData;
    expect(archived).toMatchObject({ state: 'handed-off', handoff: HANDOFF });
    expect(archived.steps['one.second']).toMatchObject({ state: 'done', detail: 'rolling back' });
    expect(store.current).toBeUndefined();
    const finished = events.at(-1);
    expect(finished).toMatchObject({
      type: 'finished',
      outcome: 'handoff',
      message: `The release ends here and continues as rollback: ${HANDOFF.reason}`,
    });
    // Not a failure: the line front end shows it like a finished release.
    expect(new LineRenderer(false).render(finished!)).toEqual([`✓ ${(finished as { message: string }).message}`]);
  });
});
