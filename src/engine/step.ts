import type { StepRecord } from '../ports/journal-store';
import type { StepOutputs } from './journal';
import type { AnswerOf, Question } from './prompter';

/** What a probe found out about the real world. The probe is the truth; the journal only a hint. */
export type ProbeResult =
  | { state: 'done'; detail: string; outputs?: StepOutputs }
  | { state: 'todo'; detail?: string }
  | { state: 'blocked'; reason: string; hint?: string };

/** The ports a plan works with: `reads` never change the world, `writes` may. */
export interface PortSet {
  reads: object;
  writes: object;
}

/** What every step gets: read ports, earlier outputs, questions, output lines. */
export interface StepContext<P extends PortSet> {
  readonly reads: P['reads'];
  readonly dryRun: boolean;
  readonly signal: AbortSignal;
  /** Outputs recorded by an earlier step (this run or a previous one). */
  outputsOf(stepId: string): StepOutputs | undefined;
  /** Every step's record so far (state, timings, outputs), for the release summary. */
  stepRecords(): Readonly<Record<string, Readonly<StepRecord>>>;
  /** Asks a question through whoever can answer: a flag, the journal, a default, or the user. */
  ask<Q extends Question>(question: Q): Promise<AnswerOf<Q>>;
  /** A line for the live output panel and the log. */
  log(line: string, stream?: 'stdout' | 'stderr'): void;
  /** A block that stays on screen after the step, such as the release summary. */
  report(lines: string[]): void;
  /** A note the user should see even after the step has finished. */
  warn(message: string): void;
  /**
   * Saves outputs before the step ends (a dispatched run's id, an opened pull request), so an
   * interruption while waiting leaves them for the probe of the next session.
   */
  record(outputs: StepOutputs): Promise<void>;
  /** Updates the header (project, versions) and records it in the journal. */
  setRelease(release: { project?: string; from?: string; to?: string }): Promise<void>;
}

/** Write steps also get the write ports. Read steps never see them, so they cannot write. */
export interface WriteContext<P extends PortSet> extends StepContext<P> {
  readonly writes: P['writes'];
}

interface StepBase {
  /** Stable, dotted id (`prepare.bump-commit`): the journal and `--answer` ids hang on it. */
  id: string;
  title: string;
  /** Steps whose outputs this one uses; in a dry run, when one of them was only described, so is this one. */
  needs?: string[];
}

export interface ReadStep<P extends PortSet> extends StepBase {
  effect: 'read';
  /** Optional: read steps without a probe are checks, run again on every resume. */
  probe?(ctx: StepContext<P>): Promise<ProbeResult>;
  run(ctx: StepContext<P>): Promise<StepOutputs | void>;
}

export interface WriteStep<P extends PortSet> extends StepBase {
  effect: 'write';
  /** Looks at the world: is this already done (resume), still to do, or impossible? */
  probe(ctx: StepContext<P>): Promise<ProbeResult>;
  /** The exact actions `run` would take, shown instead of running in a dry run. */
  describe(ctx: StepContext<P>): Promise<string[]>;
  run(ctx: WriteContext<P>): Promise<StepOutputs | void>;
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
