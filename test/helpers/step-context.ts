/*
 * The one fake of the step context, for unit tests of steps and of the helpers they share. It is
 * strict: a port member the test did not give, a question it did not script, or a fact or question
 * the step did not declare fails the test with what the step tried to do. Lines, warnings and
 * reports are collected for the test to assert on.
 */
import type { AnyFact, Fact } from '../../src/engine/fact';
import { decodeFact, encodeFact } from '../../src/engine/fact';
import type { AnswerValue, Question } from '../../src/engine/prompter';
import { asksAbout, missingFact } from '../../src/engine/runner';
import type { ReleasePorts } from '../../src/engine/stages/release-ports';
import type { ReleaseSession } from '../../src/engine/stages/release-session';
import type { Step, WriteContext } from '../../src/engine/step';
import type { Json, StepRecord } from '../../src/ports/journal-store';
import type { ProjectSnapshot } from '../../src/ports/project';

/**
 * An object with only the members given; reading any other fails the test, naming it. `then`
 * reads as undefined, so the object may be the value of a promise.
 */
export function strict<T>(name: string, members: Partial<T> = {}): T {
  return new Proxy(members as object, {
    get: (target, key) => {
      if (Object.hasOwn(target, key)) return (target as Record<string | symbol, unknown>)[key];
      if (key === 'then' || typeof key === 'symbol') return undefined;
      throw new Error(`the step used ${name}.${String(key)}`);
    },
  }) as T;
}

/** A session over a fixed snapshot (itself strict where the test made it so), counting reads and refreshes. */
export function fakeSession(
  snapshot: Partial<ProjectSnapshot>,
  branch = 'main',
): ReleaseSession & { loads: number; refreshes: number } {
  const session = {
    loads: 0,
    refreshes: 0,
    project: async () => {
      session.loads += 1;
      return strict<ProjectSnapshot>('snapshot', snapshot);
    },
    refresh: () => {
      session.refreshes += 1;
    },
    branch: async () => branch,
  };
  return session;
}

/** A fact and its value, for the facts earlier steps gave. */
export type Given = readonly [AnyFact, unknown];
export const given = <T>(fact: Fact<T>, value: T): Given => [fact, value];

export interface FakeStepOptions {
  /** The step under test: its `needs` and `gives` are enforced as the runner enforces them. */
  step?: Pick<Step<ReleasePorts>, 'id' | 'needs' | 'gives' | 'asks'>;
  reads?: Partial<ReleasePorts['reads']>;
  writes?: Partial<ReleasePorts['writes']>;
  /** Facts earlier steps gave. */
  facts?: readonly Given[];
  /** Answers by question id; a question without one fails the test. */
  answers?: Record<string, AnswerValue>;
  stepRecords?: Record<string, StepRecord>;
  signal?: AbortSignal;
}

export interface FakeStepContext {
  ctx: WriteContext<ReleasePorts>;
  /** The facts as they stand now, by key, as the journal would keep them. */
  facts: Map<string, Json>;
  /** Each `give`, in order. */
  gave: { key: string; value: Json }[];
  asked: Question[];
  lines: string[];
  stderr: string[];
  warnings: string[];
  reports: string[][];
  header: { project?: string; from?: string; to?: string };
  /** The value of a fact now, decoded. */
  fact<T>(fact: Fact<T>): T | undefined;
}

export function fakeStepContext(options: FakeStepOptions = {}): FakeStepContext {
  const facts = new Map<string, Json>();
  for (const [fact, value] of options.facts ?? []) facts.set(fact.key, encodeFact(fact, value));
  const step = options.step;
  const fake: Omit<FakeStepContext, 'ctx'> = {
    facts,
    gave: [],
    asked: [],
    lines: [],
    stderr: [],
    warnings: [],
    reports: [],
    header: {},
    fact: (fact) => decodeFact(fact, facts.get(fact.key)),
  };
  const ctx: WriteContext<ReleasePorts> = {
    reads: strict<ReleasePorts['reads']>('reads', options.reads),
    writes: strict<ReleasePorts['writes']>('writes', options.writes),
    signal: options.signal ?? new AbortController().signal,
    get: (fact) => decodeFact(fact, facts.get(fact.key)),
    need: <T>(fact: Fact<T>): T => {
      if (step && !step.needs?.includes(fact)) throw new Error(`${step.id} needs ${fact.key} without declaring it`);
      const value = decodeFact(fact, facts.get(fact.key));
      // As the runner says it: a test of that path can check the code.
      if (value === undefined) throw missingFact(fact);
      return value;
    },
    give: async (fact, value) => {
      if (step && !step.gives?.includes(fact)) throw new Error(`${step.id} gives ${fact.key} without declaring it`);
      const encoded = encodeFact(fact, value);
      facts.set(fact.key, encoded);
      fake.gave.push({ key: fact.key, value: encoded });
    },
    stepRecords: () => options.stepRecords ?? {},
    ask: async <Q extends Question>(question: Q) => {
      if (step && !asksAbout(step, question.id)) throw new Error(`${step.id} asks ${question.id} without declaring it`);
      fake.asked.push(question);
      if (!options.answers || !Object.hasOwn(options.answers, question.id)) {
        throw new Error(`unexpected question ${question.id}: ${question.message}`);
      }
      return options.answers[question.id] as never;
    },
    log: (line, stream) => (stream === 'stderr' ? fake.stderr : fake.lines).push(line),
    warn: (message) => fake.warnings.push(message),
    report: (lines) => fake.reports.push(lines),
    setRelease: async (release) => {
      Object.assign(fake.header, release);
    },
  };
  return { ...fake, ctx };
}
