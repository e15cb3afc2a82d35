import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events';
import type { Question } from '../../src/engine/prompter';
import {
  initialPromptState,
  reducePromptKey,
  type Keypress,
  type PromptKey,
  type PromptState,
  type PromptStep,
} from '../../src/ui/prompt-state';
import { initialViewState, reduceView, type ViewAction, type ViewState } from '../../src/ui/view-state';

const plan: EngineEvent = {
  type: 'plan',
  header: { project: 'acme-tool', from: '1.4.0', flow: 'release', dryRun: false },
  resumed: false,
  stages: [
    {
      id: 'prepare',
      title: 'Prepare',
      steps: [
        { id: 'a', title: 'Check A', effect: 'read' },
        { id: 'b', title: 'Write B', effect: 'write' },
      ],
    },
    { id: 'tag', title: 'Tag', steps: [{ id: 'c', title: 'Push tag', effect: 'write' }] },
  ],
};

const fold = (actions: ViewAction[], tail = 3): ViewState => actions.reduce(reduceView, initialViewState(tail));

describe('reduceView', () => {
  it('lays out the plan with every step pending', () => {
    const state = fold([plan]);
    expect(state.header?.project).toBe('acme-tool');
    expect(state.stages.map((stage) => stage.steps.map((step) => `${step.id}:${step.status}`))).toEqual([
      ['a:pending', 'b:pending'],
      ['c:pending'],
    ]);
  });

  it('tracks the running step and keeps only the last lines of its output', () => {
    const state = fold([
      plan,
      { type: 'step-started', step: 'a', title: 'Check A', at: 10 },
      {
        type: 'output-batch',
        lines: ['1', '2', '3', '4', '5'].map((line) => ({ step: 'a', stream: 'stdout' as const, line })),
      },
      { type: 'output', step: 'a', stream: 'stderr', line: '\u001B[31m6\u001B[39m' },
      { type: 'output', step: 'other', stream: 'stdout', line: 'not mine' },
    ]);
    expect(state.currentStep).toBe('a');
    expect(state.tail).toEqual(['4', '5', '6']);
    expect(state.stages[0]?.steps[0]).toMatchObject({ status: 'running', startedAt: 10 });
  });

  it('moves finished, skipped and failed steps into the history, failures with their last output', () => {
    const state = fold([
      plan,
      { type: 'step-started', step: 'a', title: 'Check A', at: 0 },
      { type: 'step-finished', step: 'a', title: 'Check A', at: 5, detail: 'fine' },
      { type: 'step-skipped', step: 'b', title: 'Write B', reason: 'done', detail: 'B exists' },
      { type: 'step-started', step: 'c', title: 'Push tag', at: 6 },
      { type: 'output', step: 'c', stream: 'stderr', line: 'rejected' },
      {
        type: 'step-failed',
        step: 'c',
        title: 'Push tag',
        at: 7,
        message: 'push refused',
        hint: 'pull first',
        blocked: false,
      },
    ]);
    expect(
      state.history.map((item) =>
        item.kind === 'step'
          ? `${item.conclusion}:${item.title}`
          : item.kind === 'output'
            ? `out:${item.line}`
            : item.kind,
      ),
    ).toEqual(['ok:Check A', 'done-before:Write B', 'out:rejected', 'failed:Push tag']);
    expect(state.currentStep).toBeUndefined();
    expect(state.tail).toEqual([]);
    expect(state.stages[1]?.steps[0]).toMatchObject({
      status: 'finished',
      conclusion: 'failed',
      detail: 'push refused',
    });
  });

  it('shows a question until it is answered, then records the answer', () => {
    const question = { kind: 'confirm' as const, id: 'tag.push', message: 'Push v1.5.0?', default: true };
    const asking = fold([plan, { type: 'question', step: 'c', question }]);
    expect(asking.question?.question.id).toBe('tag.push');
    const answered = reduceView(asking, {
      type: 'answered',
      step: 'c',
      questionId: 'tag.push',
      message: 'Push v1.5.0?',
      answer: true,
      source: 'user',
    });
    expect(answered.question).toBeUndefined();
    expect(answered.history.at(-1)).toMatchObject({
      kind: 'answer',
      message: 'Push v1.5.0?',
      answer: 'yes',
      source: 'user',
    });
  });

  it('marks the running step cancelled when the run is stopped', () => {
    const state = fold([
      plan,
      { type: 'step-started', step: 'b', title: 'Write B', at: 0 },
      { type: 'finished', outcome: 'cancelled', message: 'Stopped.', hint: 'resume', at: 1 },
    ]);
    expect(state.stages[0]?.steps[1]?.conclusion).toBe('cancelled');
    expect(state.outcome).toEqual({ outcome: 'cancelled', message: 'Stopped.', hint: 'resume' });
  });

  it('shows dry-run steps with the actions they would take', () => {
    const state = fold([
      plan,
      {
        type: 'step-skipped',
        step: 'b',
        title: 'Write B',
        reason: 'dry-run',
        detail: 'dry run',
        actions: ['git commit -m x'],
      },
    ]);
    expect(state.history[0]).toMatchObject({ conclusion: 'dry-run', actions: ['git commit -m x'] });
  });
});

const press = (input: string, key: PromptKey = {}): Keypress => ({ input, key });
const KEY = {
  up: press('', { upArrow: true }),
  down: press('', { downArrow: true }),
  enter: press('', { return: true }),
  space: press(' '),
  backspace: press('', { backspace: true }),
  delete: press('', { delete: true }),
  tab: press('', { tab: true }),
  ctrlU: press('u', { ctrl: true }),
  metaX: press('x', { meta: true }),
};

const confirmNo: Question = { kind: 'confirm', id: 'push', message: 'Push?', default: false };
const confirmYes: Question = { kind: 'confirm', id: 'push', message: 'Push?', default: true };
const confirmBare: Question = { kind: 'confirm', id: 'push', message: 'Push?' };
const abc = [
  { value: 'a', label: 'A' },
  { value: 'b', label: 'B' },
  { value: 'c', label: 'C' },
];
const select: Question = { kind: 'select', id: 'pick', message: 'Pick', choices: abc, default: 'b' };
const checklist: Question = { kind: 'checklist', id: 'check', message: 'Check', items: abc, default: ['b'] };
const text: Question = {
  kind: 'text',
  id: 'version',
  message: 'Version',
  default: '1.0.0',
  validate: (value) => (/^\d+\.\d+\.\d+$/.test(value) ? undefined : `${value} is not X.Y.Z`),
};
const bareText: Question = { kind: 'text', id: 'note', message: 'Note' };

describe('initialPromptState', () => {
  it.each<[string, Question, PromptState]>([
    ['confirm keeps nothing', confirmNo, { kind: 'confirm' }],
    ['select starts on the default choice', select, { kind: 'select', index: 1 }],
    [
      'select without a default starts on the first',
      { ...select, default: undefined } as Question,
      { kind: 'select', index: 0 },
    ],
    [
      'select with an unknown default starts on the first',
      { ...select, default: 'zzz' } as Question,
      { kind: 'select', index: 0 },
    ],
    [
      'checklist starts on the first item with the default checked',
      checklist,
      { kind: 'checklist', index: 0, checked: ['b'] },
    ],
    [
      'checklist without a default starts unchecked',
      { ...checklist, default: undefined } as Question,
      { kind: 'checklist', index: 0, checked: [] },
    ],
    ['text starts empty', text, { kind: 'text', value: '' }],
  ])('%s', (_name, question, expected) => {
    expect(initialPromptState(question)).toEqual(expected);
  });
});

describe('reducePromptKey', () => {
  const confirm: PromptState = { kind: 'confirm' };
  const at = (index: number): PromptState => ({ kind: 'select', index });
  const list = (index: number, checked: string[]): PromptState => ({ kind: 'checklist', index, checked });
  const typed = (value: string, error?: string): PromptState => ({ kind: 'text', value, ...(error ? { error } : {}) });

  it.each<[string, Question, PromptState, Keypress, PromptStep]>([
    ['confirm: y answers yes', confirmNo, confirm, press('y'), { answer: true }],
    ['confirm: Y answers yes', confirmNo, confirm, press('Y'), { answer: true }],
    ['confirm: n answers no', confirmYes, confirm, press('n'), { answer: false }],
    ['confirm: N answers no', confirmYes, confirm, press('N'), { answer: false }],
    ['confirm: enter takes the default no', confirmNo, confirm, KEY.enter, { answer: false }],
    ['confirm: enter takes the default yes', confirmYes, confirm, KEY.enter, { answer: true }],
    ['confirm: enter without a default waits for y or n', confirmBare, confirm, KEY.enter, { state: confirm }],
    ['confirm: other letters are ignored', confirmNo, confirm, press('x'), { state: confirm }],
    ['confirm: arrows are ignored', confirmNo, confirm, KEY.down, { state: confirm }],
    ['confirm: space is ignored', confirmNo, confirm, KEY.space, { state: confirm }],

    ['select: down moves to the next choice', select, at(1), KEY.down, { state: at(2) }],
    ['select: down on the last wraps to the first', select, at(2), KEY.down, { state: at(0) }],
    ['select: up moves to the previous choice', select, at(1), KEY.up, { state: at(0) }],
    ['select: up on the first wraps to the last', select, at(0), KEY.up, { state: at(2) }],
    ['select: enter answers the highlighted choice', select, at(2), KEY.enter, { answer: 'c' }],
    ['select: enter on the default answers the default', select, at(1), KEY.enter, { answer: 'b' }],
    ['select: space is ignored', select, at(1), KEY.space, { state: at(1) }],
    ['select: letters are ignored', select, at(1), press('y'), { state: at(1) }],
    ['select: backspace is ignored', select, at(1), KEY.backspace, { state: at(1) }],

    ['checklist: down moves the cursor', checklist, list(0, ['b']), KEY.down, { state: list(1, ['b']) }],
    ['checklist: down on the last wraps', checklist, list(2, ['b']), KEY.down, { state: list(0, ['b']) }],
    ['checklist: up on the first wraps', checklist, list(0, ['b']), KEY.up, { state: list(2, ['b']) }],
    [
      'checklist: space checks the item under the cursor',
      checklist,
      list(0, ['b']),
      KEY.space,
      { state: list(0, ['b', 'a']) },
    ],
    ['checklist: space unchecks a checked item', checklist, list(1, ['b']), KEY.space, { state: list(1, []) }],
    [
      'checklist: a checks all when some are unchecked',
      checklist,
      list(0, ['b']),
      press('a'),
      { state: list(0, ['a', 'b', 'c']) },
    ],
    [
      'checklist: a unchecks all when all are checked',
      checklist,
      list(0, ['c', 'a', 'b']),
      press('a'),
      { state: list(0, []) },
    ],
    [
      'checklist: enter answers the checked items in question order',
      checklist,
      list(0, ['c', 'a']),
      KEY.enter,
      { answer: ['a', 'c'] },
    ],
    ['checklist: enter untouched answers the default', checklist, list(0, ['b']), KEY.enter, { answer: ['b'] }],
    ['checklist: enter with nothing checked answers none', checklist, list(0, []), KEY.enter, { answer: [] }],
    ['checklist: other letters are ignored', checklist, list(0, ['b']), press('y'), { state: list(0, ['b']) }],

    ['text: a printable key is appended', text, typed('1.'), press('5'), { state: typed('1.5') }],
    ['text: pasted text is appended whole', text, typed('1'), press('.5.0'), { state: typed('1.5.0') }],
    ['text: space is text', bareText, typed('a'), KEY.space, { state: typed('a ') }],
    ['text: typing clears the error', text, typed('1.5', '1.5 is not X.Y.Z'), press('.'), { state: typed('1.5.') }],
    [
      'text: backspace removes the last character and the error',
      text,
      typed('1.5', '1.5 is not X.Y.Z'),
      KEY.backspace,
      { state: typed('1.') },
    ],
    ['text: delete removes the last character', text, typed('1.5'), KEY.delete, { state: typed('1.') }],
    ['text: backspace on nothing stays empty', text, typed(''), KEY.backspace, { state: typed('') }],
    ['text: enter on nothing answers the default', text, typed(''), KEY.enter, { answer: '1.0.0' }],
    ['text: enter answers a valid value', text, typed('1.5.0'), KEY.enter, { answer: '1.5.0' }],
    [
      'text: enter on an invalid value shows why and keeps it',
      text,
      typed('1.5'),
      KEY.enter,
      { state: typed('1.5', '1.5 is not X.Y.Z') },
    ],
    [
      'text: enter without default or validation answers what was typed',
      bareText,
      typed(''),
      KEY.enter,
      { answer: '' },
    ],
    ['text: arrows are ignored', text, typed('1'), KEY.up, { state: typed('1') }],
    ['text: tab is ignored', text, typed('1'), KEY.tab, { state: typed('1') }],
    ['text: ctrl chords are ignored', text, typed('1'), KEY.ctrlU, { state: typed('1') }],
    ['text: meta chords are ignored', text, typed('1'), KEY.metaX, { state: typed('1') }],
  ])('%s', (_name, question, state, keypress, expected) => {
    expect(reducePromptKey(question, state, keypress)).toEqual(expected);
  });

  it('hands back the same state object for a key that changes nothing, so nothing re-renders', () => {
    const state = at(1);
    expect(reducePromptKey(select, state, KEY.space)).toEqual({ state });
    expect((reducePromptKey(select, state, KEY.space) as { state: PromptState }).state).toBe(state);
  });
});

describe('reduceView with keys', () => {
  const key = (keypress: Keypress): ViewAction => ({ type: 'key', ...keypress });
  const ask = (question: Question): ViewAction => ({ type: 'question', step: 'c', question });

  it('ignores keys while nothing is asked', () => {
    const state = fold([plan]);
    expect(reduceView(state, key(press('y')))).toBe(state);
  });

  it('applies keys typed right after the question, then holds the answer until the engine records it', () => {
    const state = fold([plan, ask(select), key(KEY.down), key(KEY.enter), key(KEY.up)]);
    expect(state.question).toMatchObject({ prompt: { kind: 'select', index: 2 }, submitted: { value: 'c' } });
    const answered = reduceView(state, {
      type: 'answered',
      step: 'c',
      questionId: 'pick',
      message: 'Pick',
      answer: 'c',
      label: 'C',
      source: 'user',
    });
    expect(answered.question).toBeUndefined();
    expect(reduceView(answered, key(KEY.enter))).toBe(answered);
  });

  it('shows a text validation error, then accepts the corrected value', () => {
    const invalid = fold([ask(text), key(press('1')), key(press('.5')), key(KEY.enter)]);
    expect(invalid.question).toMatchObject({ prompt: { kind: 'text', value: '1.5', error: '1.5 is not X.Y.Z' } });
    expect(invalid.question?.submitted).toBeUndefined();
    const valid = [key(press('.0')), key(KEY.enter)].reduce(reduceView, invalid);
    expect(valid.question?.submitted).toEqual({ value: '1.5.0' });
  });

  it('toggles a whole checklist with a, and back', () => {
    const all = fold([ask(checklist), key(press('a'))]);
    expect(all.question?.prompt).toEqual({ kind: 'checklist', index: 0, checked: ['a', 'b', 'c'] });
    const none = fold([ask(checklist), key(press('a')), key(press('a')), key(KEY.enter)]);
    expect(none.question?.submitted).toEqual({ value: [] });
  });

  it('starts every question afresh, even one asked again with the same id', () => {
    const state = fold([
      ask(select),
      key(KEY.down),
      key(KEY.enter),
      { type: 'answered', step: 'c', questionId: 'pick', message: 'Pick', answer: 'c', source: 'user' },
      ask(select),
    ]);
    expect(state.question).toEqual({ step: 'c', question: select, prompt: { kind: 'select', index: 1 } });
  });
});
