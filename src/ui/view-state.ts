import { formatAnswer } from '../engine/prompter';
import type { AnswerValue, Question } from '../engine/prompter';
import type { EngineEvent, Outcome, ReleaseHeader } from '../engine/events';

import type { StepConclusion, StepStatus } from '../domain/step-symbols';
import { stripAnsi } from '../domain/strip-ansi';
import { initialPromptState, reducePromptKey, type Keypress, type PromptState } from './prompt-state';

export interface StepView {
  id: string;
  title: string;
  status: StepStatus;
  conclusion?: StepConclusion;
  detail?: string;
  startedAt?: number;
}

export interface StageView {
  id: string;
  title: string;
  steps: StepView[];
}

/** Finished things: rendered once into `<Static>` so they stay in the scrollback. */
export type HistoryItem =
  | {
      key: string;
      kind: 'step';
      title: string;
      conclusion: StepConclusion;
      detail?: string;
      actions?: string[];
      hint?: string;
    }
  | { key: string; kind: 'note'; level: 'info' | 'warning'; message: string }
  | { key: string; kind: 'answer'; message: string; answer: string; source: string }
  | { key: string; kind: 'output'; line: string }
  | { key: string; kind: 'report'; lines: string[] };

export interface OutputLine {
  step: string;
  stream: 'stdout' | 'stderr';
  line: string;
}

/** The question on screen, what its prompt holds so far, and the answer once a key gave one. */
export interface PendingQuestion {
  step: string;
  question: Question;
  prompt: PromptState;
  /**
   * Set by the key that answered; the App hands it to the engine once. The engine's `answered` event then clears the
   * question.
   */
  submitted?: { value: AnswerValue };
}

export interface ViewState {
  header: ReleaseHeader | undefined;
  stages: StageView[];
  resumed: boolean;
  currentStep: string | undefined;
  /** The last lines of the running step's output (a ring: never more than `tailLimit`). */
  tail: string[];
  tailLimit: number;
  history: HistoryItem[];
  question: PendingQuestion | undefined;
  outcome: { outcome: Outcome; message?: string; hint?: string } | undefined;
}

export type ViewAction = EngineEvent | { type: 'output-batch'; lines: OutputLine[] } | ({ type: 'key' } & Keypress);

export function initialViewState(tailLimit = 8): ViewState {
  return {
    header: undefined,
    stages: [],
    resumed: false,
    currentStep: undefined,
    tail: [],
    tailLimit,
    history: [],
    question: undefined,
    outcome: undefined,
  };
}

function updateStep(state: ViewState, id: string, change: Partial<StepView>): StageView[] {
  return state.stages.map((stage) =>
    stage.steps.some((step) => step.id === id)
      ? { ...stage, steps: stage.steps.map((step) => (step.id === id ? { ...step, ...change } : step)) }
      : stage,
  );
}

function pushTail(tail: string[], lines: string[], limit: number): string[] {
  const next = tail.concat(lines);
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** Output lines keep only what the screen can show; ANSI codes and carriage returns from children are stripped. */
function clean(line: string): string {
  return stripAnsi(line).replace(/\r/g, '');
}

/**
 * Folds engine events and keys into what the screen shows. Pure: tested with arrays of actions.
 * Keys go through here too, so React applies them in order after the question they answer.
 */
export function reduceView(state: ViewState, action: ViewAction): ViewState {
  const key = String(state.history.length);
  switch (action.type) {
    case 'plan':
      return {
        ...state,
        header: action.header,
        resumed: action.resumed,
        stages: action.stages.map((stage) => ({
          id: stage.id,
          title: stage.title,
          steps: stage.steps.map((step) => ({ id: step.id, title: step.title, status: 'pending' as const })),
        })),
      };
    case 'header':
      return { ...state, header: action.header };
    case 'stage-started':
      return state;
    case 'step-started':
      return {
        ...state,
        currentStep: action.step,
        tail: [],
        stages: updateStep(state, action.step, { status: 'running', startedAt: action.at }),
      };
    case 'output':
      return action.step === state.currentStep
        ? { ...state, tail: pushTail(state.tail, [clean(action.line)], state.tailLimit) }
        : state;
    case 'output-batch': {
      const lines = action.lines.filter((line) => line.step === state.currentStep).map((line) => clean(line.line));
      return lines.length === 0 ? state : { ...state, tail: pushTail(state.tail, lines, state.tailLimit) };
    }
    case 'note':
      return {
        ...state,
        history: [...state.history, { key, kind: 'note', level: action.level, message: action.message }],
      };
    case 'report':
      return { ...state, history: [...state.history, { key, kind: 'report', lines: action.lines.map(clean) }] };
    case 'step-skipped': {
      const conclusion: StepConclusion = action.reason === 'dry-run' ? 'dry-run' : 'done-before';
      const item: HistoryItem = {
        key,
        kind: 'step',
        title: action.title,
        conclusion,
        detail: action.detail,
        ...(action.actions ? { actions: action.actions } : {}),
      };
      return {
        ...state,
        history: [...state.history, item],
        stages: updateStep(state, action.step, { status: 'finished', conclusion, detail: action.detail }),
      };
    }
    case 'step-finished': {
      const item: HistoryItem = {
        key,
        kind: 'step',
        title: action.title,
        conclusion: 'ok',
        ...(action.detail ? { detail: action.detail } : {}),
      };
      return {
        ...state,
        currentStep: undefined,
        tail: [],
        history: [...state.history, item],
        stages: updateStep(state, action.step, {
          status: 'finished',
          conclusion: 'ok',
          ...(action.detail ? { detail: action.detail } : {}),
        }),
      };
    }
    case 'step-failed': {
      const conclusion: StepConclusion = action.blocked ? 'blocked' : 'failed';
      // The failing command's last lines stay on screen: they usually say why.
      const output: HistoryItem[] =
        state.currentStep === action.step
          ? state.tail.map((line, index) => ({ key: `${key}.${index}`, kind: 'output', line }))
          : [];
      const item: HistoryItem = {
        key,
        kind: 'step',
        title: action.title,
        conclusion,
        detail: action.message,
        ...(action.hint ? { hint: action.hint } : {}),
      };
      return {
        ...state,
        currentStep: undefined,
        tail: [],
        history: [...state.history, ...output, item],
        stages: updateStep(state, action.step, { status: 'finished', conclusion, detail: action.message }),
      };
    }
    case 'question':
      return {
        ...state,
        question: { step: action.step, question: action.question, prompt: initialPromptState(action.question) },
      };
    case 'key': {
      const pending = state.question;
      // Nothing asked, or already answered and waiting for the engine: the key has no one to go to.
      if (!pending || pending.submitted) return state;
      const next = reducePromptKey(pending.question, pending.prompt, action);
      if ('answer' in next) return { ...state, question: { ...pending, submitted: { value: next.answer } } };
      return next.state === pending.prompt ? state : { ...state, question: { ...pending, prompt: next.state } };
    }
    case 'answered': {
      const item: HistoryItem = {
        key,
        kind: 'answer',
        message: action.message,
        answer: action.label ?? formatAnswer(action.answer),
        source: action.source,
      };
      return { ...state, question: undefined, history: [...state.history, item] };
    }
    case 'finished': {
      const stages =
        action.outcome === 'cancelled' && state.currentStep
          ? updateStep(state, state.currentStep, { status: 'finished', conclusion: 'cancelled' })
          : state.stages;
      return {
        ...state,
        stages,
        question: undefined,
        outcome: {
          outcome: action.outcome,
          ...(action.message ? { message: action.message } : {}),
          ...(action.hint ? { hint: action.hint } : {}),
        },
      };
    }
  }
}
