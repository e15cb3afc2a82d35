import type { Handoff, StepRecord } from '../ports/journal-store';
import type { AnyFact, Fact } from './fact';
import type { AnswerOf, Question } from './prompter';

/** What a probe found out about the real world. The probe is the truth; the journal only a hint. */
export type ProbeResult =
  | { state: 'done'; detail: string }
  | { state: 'todo'; detail?: string }
  | { state: 'blocked'; reason: string; hint?: string };

/** What a step says when it ends: a line beside its row, and maybe another flow to continue with. */
export interface StepResult {
  detail?: string;
  /** The flow ends here and continues as another one (a failed publish rolled back). */
  handoff?: Handoff;
}

/** The ports a plan works with: `reads` never change the world, `writes` may. */
export interface PortSet {
  reads: object;
  writes: object;
}

/** What every step gets: read ports, facts, questions, output lines. */
export interface StepContext<P extends PortSet> {
  readonly reads: P['reads'];
  readonly signal: AbortSignal;
  /** A fact an earlier step gave (this session or a previous one), or undefined. */
  get<T>(fact: Fact<T>): T | undefined;
  /** A fact the step declared in `needs`; stops the step with a way out when it is not known. */
  need<T>(fact: Fact<T>): T;
  /**
   * Records a fact the step declared in `gives`, at once: a dispatched run's id or an opened pull
   * request survives an interruption while the step still waits, for the probe of the next session.
   */
  give<T>(fact: Fact<T>, value: T): Promise<void>;
  /** Every step's record so far (state, timings), for the release summary. */
  stepRecords(): Readonly<Record<string, Readonly<StepRecord>>>;
  /** Asks a question through whoever can answer: a flag, the journal, a default, or the user. */
  ask<Q extends Question>(question: Q): Promise<AnswerOf<Q>>;
  /** A line for the live output panel and the log. */
  log(line: string, stream?: 'stdout' | 'stderr'): void;
  /** A block that stays on screen after the step, such as the release summary. */
  report(lines: string[]): void;
  /** A note the user should see even after the step has finished. */
  warn(message: string): void;
  /** Updates the header (project, versions) and records it in the journal. */
  setRelease(release: { project?: string; from?: string; to?: string }): Promise<void>;
}

/** Write steps also get the write ports. Read steps never see them, so they cannot write. */
export interface WriteContext<P extends PortSet> extends StepContext<P> {
  readonly writes: P['writes'];
}

interface StepBase {
  /** Stable, dotted id (`prepare.bump-commit`): the journal hangs on it. */
  id: string;
  title: string;
  /**
   * Facts this step cannot do without. In a dry run, when one of them would only come from a described step, this one
   * is described too.
   */
  needs?: readonly AnyFact[];
  /** Facts this step records for later steps. */
  gives?: readonly AnyFact[];
  /**
   * The ids of the questions it may ask (`--answer ID=…`): exact ids, or a prefix ending in `.*`
   * for ids made at run time (`checklist.*`). Ids are unique within a flow.
   */
  asks?: readonly string[];
}

export interface ReadStep<P extends PortSet> extends StepBase {
  effect: 'read';
  /** Optional: read steps without a probe are checks, run again on every resume. */
  probe?(ctx: StepContext<P>): Promise<ProbeResult>;
  run(ctx: StepContext<P>): Promise<StepResult | void>;
}

export interface WriteStep<P extends PortSet> extends StepBase {
  effect: 'write';
  /** Looks at the world: is this already done (resume), still to do, or impossible? */
  probe(ctx: StepContext<P>): Promise<ProbeResult>;
  /** The exact actions `run` would take, shown instead of running in a dry run. */
  describe(ctx: StepContext<P>): Promise<string[]>;
  run(ctx: WriteContext<P>): Promise<StepResult | void>;
}

export type Step<P extends PortSet> = ReadStep<P> | WriteStep<P>;

export interface Stage<P extends PortSet> {
  id: string;
  title: string;
  steps: Step<P>[];
}

/** A plan is data: stages of steps, walked in order. */
export interface Plan<P extends PortSet> {
  stages: Stage<P>[];
}
