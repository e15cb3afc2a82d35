import type { AnswerValue, ChecklistQuestion, Question, SelectQuestion, TextQuestion } from '../engine/prompter';

/** What a prompt remembers between keys. A confirm question needs nothing: one key answers it. */
export type PromptState =
  | { kind: 'confirm' }
  | { kind: 'select'; index: number }
  | { kind: 'checklist'; index: number; checked: readonly string[] }
  | { kind: 'text'; value: string; error?: string };

export type SelectState = Extract<PromptState, { kind: 'select' }>;
export type ChecklistState = Extract<PromptState, { kind: 'checklist' }>;
export type TextState = Extract<PromptState, { kind: 'text' }>;

/** The part of Ink's `Key` the prompts read; Ink's own `Key` fits it, and tests can spell only what they press. */
export interface PromptKey {
  upArrow?: boolean;
  downArrow?: boolean;
  return?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

export interface Keypress {
  input: string;
  key: PromptKey;
}

/** A key either moves the prompt to a new state (the same object when it changes nothing) or answers it. */
export type PromptStep = { state: PromptState } | { answer: AnswerValue };

export function initialPromptState(question: Question): PromptState {
  switch (question.kind) {
    case 'confirm':
      return { kind: 'confirm' };
    case 'select':
      return {
        kind: 'select',
        index: Math.max(
          0,
          question.choices.findIndex((choice) => choice.value === question.default),
        ),
      };
    case 'checklist':
      return { kind: 'checklist', index: 0, checked: question.default ?? [] };
    case 'text':
      return { kind: 'text', value: '' };
  }
}

function move(index: number, count: number, key: PromptKey): number {
  if (key.upArrow) return (index - 1 + count) % count;
  if (key.downArrow) return (index + 1) % count;
  return index;
}

function confirmKey(
  question: Extract<Question, { kind: 'confirm' }>,
  state: PromptState,
  { input, key }: Keypress,
): PromptStep {
  const letter = input.toLowerCase();
  if (letter === 'y') return { answer: true };
  if (letter === 'n') return { answer: false };
  // Enter means "the default"; without one there is nothing to agree to, so it waits for y or n.
  if (key.return && question.default !== undefined) return { answer: question.default };
  return { state };
}

function selectKey(question: SelectQuestion, state: SelectState, { key }: Keypress): PromptStep {
  if (key.return) {
    const choice = question.choices[state.index];
    return choice ? { answer: choice.value } : { state };
  }
  const index = move(state.index, question.choices.length, key);
  return index === state.index ? { state } : { state: { ...state, index } };
}

function checklistKey(question: ChecklistQuestion, state: ChecklistState, { input, key }: Keypress): PromptStep {
  const values = question.items.map((item) => item.value);
  // The answer lists checked items in the question's order, whatever order they were checked in.
  if (key.return) return { answer: values.filter((value) => state.checked.includes(value)) };
  if (input === ' ') {
    const item = values[state.index];
    if (item === undefined) return { state };
    const checked = state.checked.includes(item)
      ? state.checked.filter((value) => value !== item)
      : [...state.checked, item];
    return { state: { ...state, checked } };
  }
  if (input === 'a') {
    const all = values.every((value) => state.checked.includes(value));
    return { state: { ...state, checked: all ? [] : values } };
  }
  const index = move(state.index, values.length, key);
  return index === state.index ? { state } : { state: { ...state, index } };
}

function textKey(question: TextQuestion, state: TextState, { input, key }: Keypress): PromptStep {
  if (key.return) {
    const answer = state.value === '' && question.default !== undefined ? question.default : state.value;
    const error = question.validate?.(answer);
    return error ? { state: { ...state, error } } : { answer };
  }
  if (key.backspace || key.delete) return { state: { kind: 'text', value: state.value.slice(0, -1) } };
  // Ink passes arrows and other non-printing keys with an empty `input`; ctrl/meta chords are commands, not text.
  if (input && !key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow)
    return { state: { kind: 'text', value: state.value + input } };
  return { state };
}

/**
 * One key applied to one prompt. Pure, so every prompt's keys are tested without a terminal, and
 * the App can fold keys in the same ordered stream as engine events (a key typed right after a
 * question appears is applied to that question, never dropped).
 */
export function reducePromptKey(question: Question, state: PromptState, press: Keypress): PromptStep {
  // A state always comes from initialPromptState(question); a kind that does not match would be a
  // bug elsewhere, and ignoring the key is safer than answering from the wrong state.
  switch (question.kind) {
    case 'confirm':
      return confirmKey(question, state, press);
    case 'select':
      return state.kind === 'select' ? selectKey(question, state, press) : { state };
    case 'checklist':
      return state.kind === 'checklist' ? checklistKey(question, state, press) : { state };
    case 'text':
      return state.kind === 'text' ? textKey(question, state, press) : { state };
  }
}
