import type { Question, AnswerValue, AnswerSource } from './prompter';

/** What a step does to the world. `write` steps never run in a dry run; they are described instead. */
export type Effect = 'read' | 'write';

export interface StepSummary {
  id: string;
  title: string;
  effect: Effect;
}

export interface StageSummary {
  id: string;
  title: string;
  steps: StepSummary[];
}

/** The line at the top of the screen: what is being released, and how. */
export interface ReleaseHeader {
  project?: string;
  from?: string;
  to?: string;
  /** The flow running: `release`. */
  flow: string;
  dryRun: boolean;
}

export type SkipReason = 'done' | 'dry-run' | 'disabled';
/**
 * `paused`: stopped on purpose after a stage (`--stop-after`); `--resume` goes on from there.
 * `handoff`: the flow ended by choosing another one to continue with.
 */
export type Outcome = 'done' | 'failed' | 'cancelled' | 'paused' | 'handoff';

/** Outcomes that end as planned (shown in green): finished, paused on purpose, or handed on to another flow. */
export function endedAsPlanned(outcome: Outcome): boolean {
  return outcome === 'done' || outcome === 'paused' || outcome === 'handoff';
}

/**
 * Everything the engine tells a front end. Both front ends (Ink and plain) consume this one
 * stream; neither can reach the engine any other way except by answering questions.
 */
export type EngineEvent =
  | { type: 'plan'; header: ReleaseHeader; stages: StageSummary[]; resumed: boolean }
  | { type: 'header'; header: ReleaseHeader }
  | { type: 'stage-started'; stage: string; title: string }
  | { type: 'step-started'; step: string; title: string; at: number }
  | { type: 'output'; step: string; stream: 'stdout' | 'stderr'; line: string }
  | { type: 'note'; step?: string; level: 'info' | 'warning'; message: string }
  /** A block that stays on screen after its step (the release summary): lines as they are, URLs may become links. */
  | { type: 'report'; step: string; lines: string[] }
  | { type: 'step-skipped'; step: string; title: string; reason: SkipReason; detail: string; actions?: string[] }
  | { type: 'step-finished'; step: string; title: string; at: number; detail?: string }
  | { type: 'step-failed'; step: string; title: string; at: number; message: string; hint?: string; blocked: boolean }
  | { type: 'question'; step: string; question: Question }
  | {
      type: 'answered';
      step: string;
      questionId: string;
      message: string;
      answer: AnswerValue;
      source: AnswerSource;
      /** The chosen option's label, for select questions. */ label?: string;
    }
  | { type: 'finished'; outcome: Outcome; message?: string; hint?: string; at: number };

export type Emit = (event: EngineEvent) => void;
