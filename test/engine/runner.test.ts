import { describe, expect, it } from 'vitest';
import { MemoryJournalStore } from '../../src/adapters/journal-memory';
import { PyreleaseError } from '../../src/domain/errors';
import type { JournalData } from '../../src/ports/journal-store';
import { runTestPlan } from '../helpers/run-test-plan';
import { ALL_STEPS, WRITE_STEPS, World } from '../helpers/test-plan';

const stepEvents = (events: { type: string; step?: string; reason?: string }[]) =>
  events
    .filter((event) => event.type.startsWith('step-'))
    .map((event) => `${event.type}:${event.step}${event.reason ? `:${event.reason}` : ''}`);

describe('runPlan', () => {
  it('runs every step in order, records facts and details and archives the finished release', async () => {
    const world = new World();
    const store = new MemoryJournalStore();
    const { result, events } = await runTestPlan(world, { store });
    expect(result.outcome).toBe('done');
    expect(world.writes).toEqual(WRITE_STEPS);
    expect(stepEvents(events)).toEqual([
      'step-started:check',
      'step-finished:check',
      'step-started:alpha',
      'step-finished:alpha',
      'step-started:beta',
      'step-finished:beta',
      'step-started:choose',
      'step-finished:choose',
      'step-started:gamma',
      'step-finished:gamma',
    ]);
    expect(store.current).toBeUndefined();
    const record = store.archived[0]!;
    expect(record.state).toBe('done');
    expect(record.steps['alpha']?.detail).toBe('created alpha');
    expect(record.facts).toMatchObject({ 'made-alpha': { name: 'alpha' }, colour: { colour: 'red' } });
    expect(record.answers['colour']?.value).toBe('red');
    expect(record.release.to).toBe('red');
    expect(events.at(-1)).toMatchObject({ type: 'finished', outcome: 'done' });
  });

  describe.each(ALL_STEPS)('interrupted at %s', (interruptAt) => {
    it('resumes to the same end state, each write done once, answers kept', async () => {
      const world = new World();
      const store = new MemoryJournalStore();
      const controller = new AbortController();
      const first = await runTestPlan(world, {
        store,
        controller,
        given: { colour: 'blue' },
        hooks: {
          beforeRun: (id) => {
            if (id !== interruptAt) return;
            controller.abort();
            throw new PyreleaseError('process.cancelled', 'Stopped', { kind: 'cancelled' });
          },
        },
      });
      expect(first.result.outcome).toBe('cancelled');
      expect(store.current?.state).toBe('cancelled');
      expect(store.current?.steps[interruptAt]?.state).toBe('cancelled');

      // The second session gives no answers: what was answered before comes from the journal,
      // anything not yet asked takes its default (red).
      const second = await runTestPlan(world, { store, resumed: true, yes: true });
      expect(second.result.outcome).toBe('done');
      expect([...world.writes].sort()).toEqual([...WRITE_STEPS].sort());
      const answeredBefore = ALL_STEPS.indexOf(interruptAt) > ALL_STEPS.indexOf('choose');
      expect(store.archived[0]?.answers['colour']).toMatchObject(
        answeredBefore ? { value: 'blue', source: 'flag' } : { value: 'red', source: 'default' },
      );
      const before = ALL_STEPS.slice(0, ALL_STEPS.indexOf(interruptAt)).filter((id) => WRITE_STEPS.includes(id));
      for (const id of before) {
        expect(stepEvents(second.events)).toContain(`step-skipped:${id}:done`);
      }
    });
  });

  it('trusts the probe over the journal: a crash between the write and the journal save does not write twice', async () => {
    const world = new World();
    const store = new MemoryJournalStore();
    // Fails the save that records "beta" as done: the world changed, the journal did not.
    const crashing = Object.assign(Object.create(store) as MemoryJournalStore, {
      save: async (data: JournalData) => {
        if (data.steps['beta']?.state === 'done') throw new Error('power cut');
        return store.save(data);
      },
    });
    const first = await runTestPlan(world, { store: crashing });
    expect(first.result.outcome).toBe('failed');
    expect(world.facts.has('beta')).toBe(true);
    expect(store.current?.steps['beta']?.state).not.toBe('done');

    const second = await runTestPlan(world, { store, resumed: true });
    expect(second.result.outcome).toBe('done');
    expect(world.writes).toEqual(['alpha', 'beta', 'gamma']);
    expect(stepEvents(second.events)).toContain('step-skipped:beta:done');
  });

  it('in a dry run performs zero writes and shows what each write step would do', async () => {
    const world = new World();
    const store = new MemoryJournalStore();
    const { result, events } = await runTestPlan(world, { store, dryRun: true });
    expect(result.outcome).toBe('done');
    expect(world.writes).toEqual([]);
    const skipped = events.filter((event) => event.type === 'step-skipped');
    expect(skipped.map((event) => event.type === 'step-skipped' && [event.step, event.reason, event.actions])).toEqual([
      ['alpha', 'dry-run', ['create alpha']],
      ['beta', 'dry-run', ['create beta']],
      ['gamma', 'dry-run', ['create gamma']],
    ]);
    // Read steps still ran: the plan shown is computed from the real state.
    expect(stepEvents(events)).toContain('step-finished:check');
    expect(store.archived).toEqual([]);
  });

  it('stops on cancel while a step runs, saving the journal as cancelled', async () => {
    const world = new World();
    const store = new MemoryJournalStore();
    const controller = new AbortController();
    const { result, events } = await runTestPlan(world, {
      store,
      controller,
      hooks: {
        beforeRun: async (id, ctx) => {
          if (id !== 'beta') return;
          // A long-running child that ends when the signal aborts, as the process adapter does.
          const running = new Promise<void>((_, reject) =>
            ctx.signal.addEventListener('abort', () => reject(new Error('killed'))),
          );
          controller.abort();
          await running;
        },
      },
    });
    expect(result.outcome).toBe('cancelled');
    expect(world.writes).toEqual(['alpha']);
    expect(store.current?.state).toBe('cancelled');
    expect(store.current?.steps['beta']?.state).toBe('cancelled');
    expect(events.at(-1)).toMatchObject({
      type: 'finished',
      outcome: 'cancelled',
      hint: expect.stringContaining('pyrelease --resume'),
    });
  });

  it('without a terminal and without an answer, stops naming the --answer to pass', async () => {
    const world = new World();
    const { result, events } = await runTestPlan(world, { yes: false });
    expect(result.outcome).toBe('failed');
    const failed = events.find((event) => event.type === 'step-failed');
    expect(failed).toMatchObject({
      step: 'choose',
      message: '"Colour?" needs an answer, and there is no terminal to ask on.',
    });
    expect(failed && failed.type === 'step-failed' && failed.hint).toContain('--answer colour=red|blue');
  });

  it('refuses a given answer that is not one of the choices', async () => {
    const { result, events } = await runTestPlan(new World(), { given: { colour: 'green' } });
    expect(result.outcome).toBe('failed');
    expect(events.find((event) => event.type === 'step-failed')).toMatchObject({
      message: expect.stringContaining('it takes one of red, blue'),
    });
  });

  it('asks a person when there is one, and records where each answer came from', async () => {
    const asked: string[] = [];
    const store = new MemoryJournalStore();
    const { events } = await runTestPlan(new World(), {
      store,
      yes: false,
      prompter: { ask: async (question) => (asked.push(question.id), 'blue') },
    });
    expect(asked).toEqual(['colour']);
    expect(
      events.filter((event) => event.type === 'question' || event.type === 'answered').map((event) => event.type),
    ).toEqual(['question', 'answered']);
    expect(store.archived[0]?.answers['colour']).toMatchObject({ value: 'blue', source: 'user', step: 'choose' });
  });
});
