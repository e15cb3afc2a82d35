import { describe, expect, it } from 'vitest';
import { MemoryJournalStore } from '../../src/adapters/journal-memory';
import type { EngineEvent } from '../../src/engine/events';
import { Journal, loadJournal, newJournalData } from '../../src/engine/journal';
import { runPlan, type RunResult } from '../../src/engine/runner';
import type { Plan } from '../../src/engine/step';
import type { JournalData, ReleaseState } from '../../src/ports/journal-store';
import { FixedClock } from '../helpers/fixed-clock';
import { portsFor, testPlan, World, type TestPorts } from '../helpers/test-plan';

/** A memory store that also remembers the release state of every save, so "wrote no state" can be checked. */
class RecordingStore extends MemoryJournalStore {
  readonly savedStates: ReleaseState[] = [];
  override async save(data: JournalData): Promise<void> {
    this.savedStates.push(data.state);
    await super.save(data);
  }
}

interface Run {
  result: RunResult;
  events: EngineEvent[];
  clock: FixedClock;
}

async function run(
  world: World,
  options: {
    store: MemoryJournalStore;
    stopAfter?: string;
    dryRun?: boolean;
    resumed?: boolean;
    plan?: Plan<TestPorts>;
  },
): Promise<Run> {
  const clock = new FixedClock();
  const data =
    (await loadJournal(options.store)) ??
    newJournalData({ releaseId: 'r1', flow: 'release', params: {}, now: clock.now(), version: 'test' });
  const events: EngineEvent[] = [];
  const result = await runPlan({
    plan: options.plan ?? testPlan(),
    journal: new Journal(data, options.store, clock),
    noun: 'release',
    ports: portsFor(world),
    header: { flow: 'release', dryRun: options.dryRun ?? false },
    given: {},
    yes: true,
    prompter: undefined,
    dryRun: options.dryRun ?? false,
    signal: new AbortController().signal,
    emit: (event) => events.push(event),
    clock,
    resumed: options.resumed ?? false,
    ...(options.stopAfter === undefined ? {} : { stopAfter: options.stopAfter }),
  });
  return { result, events, clock };
}

const trace = (events: EngineEvent[]) =>
  events.flatMap((event) =>
    event.type === 'stage-started'
      ? [`stage:${event.stage}`]
      : 'step' in event && event.type.startsWith('step-')
        ? [`${event.type}:${event.step}`]
        : [],
  );

describe('runPlan with stopAfter', () => {
  it('stops once the named stage is done, pausing the release instead of finishing it', async () => {
    const world = new World();
    const store = new RecordingStore();
    const { result, events, clock } = await run(world, { store, stopAfter: 'one' });

    expect(result).toEqual({ outcome: 'paused' });
    expect(world.writes).toEqual(['alpha', 'beta']);
    expect(trace(events)).toEqual([
      'stage:one',
      'step-started:check',
      'step-finished:check',
      'step-started:alpha',
      'step-finished:alpha',
      'step-started:beta',
      'step-finished:beta',
    ]);
    // Nothing of stage two was touched: no question asked, no header set.
    expect(
      events.some((event) => event.type === 'question' || event.type === 'answered' || event.type === 'header'),
    ).toBe(false);

    const finished = events.filter((event) => event.type === 'finished');
    expect(finished).toHaveLength(1);
    expect(events.at(-1)).toEqual({
      type: 'finished',
      outcome: 'paused',
      message: 'Paused after One, as asked.',
      hint: 'Run `pyrelease --resume` to go on with Two.',
      at: clock.now(),
    });

    // The journal stays in place, marked paused: not archived to the history.
    expect(store.current?.state).toBe('paused');
    expect(store.archived).toEqual([]);
    expect(store.current?.steps['beta']).toMatchObject({ state: 'done', detail: 'created beta' });
    expect((await loadJournal(store))?.facts['made-beta']).toEqual({ name: 'beta' });
    expect(store.current?.steps['choose']).toBeUndefined();
  });

  it('names the stage that comes next, not just any stage, in the hint', async () => {
    const plan = testPlan();
    plan.stages.push({ id: 'three', title: 'Three', steps: [] });
    const paused = await run(new World(), { store: new MemoryJournalStore(), stopAfter: 'two', plan });
    expect(paused.result.outcome).toBe('paused');
    expect(paused.events.at(-1)).toMatchObject({
      outcome: 'paused',
      message: 'Paused after Two, as asked.',
      hint: expect.stringContaining('go on with Three'),
    });
    expect(paused.events.at(-1)).toMatchObject({ hint: expect.stringContaining('pyrelease --resume') });
  });

  it('goes on from the next stage on resume, without redoing the first', async () => {
    const world = new World();
    const store = new MemoryJournalStore();
    await run(world, { store, stopAfter: 'one' });

    const second = await run(world, { store, resumed: true });
    expect(second.result.outcome).toBe('done');
    expect(world.writes).toEqual(['alpha', 'beta', 'gamma']);
    expect(trace(second.events)).toEqual(
      expect.arrayContaining(['step-skipped:alpha', 'step-skipped:beta', 'step-finished:gamma']),
    );
    expect(store.current).toBeUndefined();
    expect(store.archived.map((record) => record.state)).toEqual(['done']);
  });

  it('finishes normally when the stage named is the last one: there is nothing to pause before', async () => {
    const world = new World();
    const store = new MemoryJournalStore();
    const { result, events } = await run(world, { store, stopAfter: 'two' });
    expect(result.outcome).toBe('done');
    expect(world.writes).toEqual(['alpha', 'beta', 'gamma']);
    expect(events.at(-1)).toMatchObject({ type: 'finished', outcome: 'done' });
    expect(store.archived.map((record) => record.state)).toEqual(['done']);
  });

  it('does not turn a failure in the named stage into a pause', async () => {
    const world = new World();
    const plan = testPlan({
      beforeRun: (id) => {
        if (id === 'beta') throw new Error('disk full');
      },
    });
    const store = new MemoryJournalStore();
    const { result, events } = await run(world, { store, stopAfter: 'one', plan });
    expect(result.outcome).toBe('failed');
    expect(events.at(-1)).toMatchObject({ type: 'finished', outcome: 'failed' });
    expect(events.some((event) => event.type === 'finished' && event.outcome === 'paused')).toBe(false);
    expect(store.current?.state).toBe('failed');
  });

  it('in a dry run says nothing was changed, gives no resume hint and writes no paused state', async () => {
    const world = new World();
    const store = new RecordingStore();
    const { result, events, clock } = await run(world, { store, stopAfter: 'one', dryRun: true });

    expect(result).toEqual({ outcome: 'paused' });
    expect(world.writes).toEqual([]);
    expect(trace(events)).toEqual([
      'stage:one',
      'step-started:check',
      'step-finished:check',
      'step-skipped:alpha',
      'step-skipped:beta',
    ]);
    expect(events.at(-1)).toEqual({
      type: 'finished',
      outcome: 'paused',
      message: 'Paused after One, as asked. Dry run: nothing was changed.',
      at: clock.now(),
    });
    expect(store.savedStates.every((state) => state === 'in-progress')).toBe(true);
    expect(store.current?.state ?? 'in-progress').toBe('in-progress');
    expect(store.archived).toEqual([]);
  });
});

describe('ctx.report', () => {
  it('emits a report event carrying the lines and the id of the step that reported', async () => {
    const plan: Plan<TestPorts> = {
      stages: [
        {
          id: 'finalize',
          title: 'Finalize',
          steps: [
            {
              id: 'finalize.summary',
              title: 'Summary',
              effect: 'read',
              run: async (ctx) => {
                ctx.report(['quillnote 0.1.1 is on PyPI.', '  PyPI  https://pypi.org/project/quillnote/0.1.1/']);
                return { detail: 'released' };
              },
            },
          ],
        },
      ],
    };
    const { result, events } = await run(new World(), { store: new MemoryJournalStore(), plan });
    expect(result.outcome).toBe('done');
    const reports = events.filter((event) => event.type === 'report');
    expect(reports).toEqual([
      {
        type: 'report',
        step: 'finalize.summary',
        lines: ['quillnote 0.1.1 is on PyPI.', '  PyPI  https://pypi.org/project/quillnote/0.1.1/'],
      },
    ]);
    // The block comes while its step runs: after it started, before it finished.
    const types = events.map((event) => event.type);
    expect(types.indexOf('step-started')).toBeLessThan(types.indexOf('report'));
    expect(types.indexOf('report')).toBeLessThan(types.indexOf('step-finished'));
  });
});
