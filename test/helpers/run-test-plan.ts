import { MemoryJournalStore } from '../../src/adapters/journal-memory';
import type { GivenAnswers } from '../../src/engine/answers';
import type { EngineEvent } from '../../src/engine/events';
import { Journal, loadJournal, newJournalData } from '../../src/engine/journal';
import type { Prompter } from '../../src/engine/prompter';
import { runPlan, type RunResult } from '../../src/engine/runner';
import type { JournalStore } from '../../src/ports/journal-store';
import { FixedClock } from './fixed-clock';
import { portsFor, testPlan, type Hooks, type World } from './test-plan';

export interface TestRun {
  result: RunResult;
  events: EngineEvent[];
  store: JournalStore;
}

export async function runTestPlan(
  world: World,
  options: {
    store?: JournalStore;
    hooks?: Hooks;
    dryRun?: boolean;
    given?: GivenAnswers;
    yes?: boolean;
    prompter?: Prompter;
    controller?: AbortController;
    resumed?: boolean;
  } = {},
): Promise<TestRun> {
  const store = options.store ?? new MemoryJournalStore();
  const clock = new FixedClock();
  const data =
    (await loadJournal(store)) ??
    newJournalData({ releaseId: 'r1', flow: 'release', params: {}, now: clock.now(), version: 'test' });
  const events: EngineEvent[] = [];
  const result = await runPlan({
    plan: testPlan(options.hooks),
    journal: new Journal(data, store, clock),
    noun: 'release',
    ports: portsFor(world),
    header: { flow: 'release', dryRun: options.dryRun ?? false },
    given: options.given ?? {},
    yes: options.yes ?? true,
    prompter: options.prompter,
    dryRun: options.dryRun ?? false,
    signal: (options.controller ?? new AbortController()).signal,
    emit: (event) => events.push(event),
    clock,
    resumed: options.resumed ?? false,
  });
  return { result, events, store };
}
