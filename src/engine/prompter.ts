/**
 * Questions the engine asks, and the port a front end implements to answer them.
 * Every question has a stable id: `--answer ID=VALUE`, `--answers FILE` and tests use it.
 */
export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

interface QuestionBase {
  /** Stable, dotted id, e.g. `version.choice`. Never reuse an id for a different question. */
  id: string;
  message: string;
  /** Longer text shown above the prompt (a diff, a list of changes). */
  detail?: string;
  /** `false` for questions whose answer must not be replayed from the journal on resume. */
  remember?: boolean;
}

export interface ConfirmQuestion extends QuestionBase {
  kind: 'confirm';
  default?: boolean;
}

export interface SelectQuestion extends QuestionBase {
  kind: 'select';
  choices: Choice[];
  default?: string;
}

export interface TextQuestion extends QuestionBase {
  kind: 'text';
  default?: string;
  /** Returns an error message for a bad value, `undefined` for a good one. */
  validate?: (value: string) => string | undefined;
}

export interface ChecklistQuestion extends QuestionBase {
  kind: 'checklist';
  items: Choice[];
  /** Values checked when the user just confirms. */
  default?: string[];
}

export type Question = ConfirmQuestion | SelectQuestion | TextQuestion | ChecklistQuestion;

export type AnswerValue = boolean | string | string[];

export type AnswerOf<Q extends Question> = Q extends ConfirmQuestion
  ? boolean
  : Q extends ChecklistQuestion
    ? string[]
    : string;

/** Where an answer came from, for the record and the screen. */
export type AnswerSource = 'flag' | 'journal' | 'default' | 'user';

/** Implemented by each interactive front end. Absent when there is nobody to ask. */
export interface Prompter {
  ask(question: Question, signal: AbortSignal): Promise<AnswerValue>;
}

/** A one-line rendering of an answer, for the screen and the record. */
export function formatAnswer(answer: AnswerValue): string {
  if (typeof answer === 'boolean') return answer ? 'yes' : 'no';
  if (Array.isArray(answer)) return answer.length === 0 ? '(none)' : answer.join(', ');
  return answer;
}
