import { describe, expect, it } from 'vitest';
import { EventHub } from '../../src/engine/event-hub';
import type { AnswerValue } from '../../src/engine/prompter';
import { App } from '../../src/ui/App';
import { KEYS, renderUi } from '../helpers/render';

function setup() {
  const hub = new EventHub();
  const answers: AnswerValue[] = [];
  let cancelled = 0;
  let ready = false;
  const ui = renderUi(
    <App
      events={hub}
      onAnswer={(value) => answers.push(value)}
      onCancel={() => (cancelled += 1)}
      onReady={() => (ready = true)}
      columns={80}
      rows={20}
    />,
  );
  return { hub, ui, answers, cancelled: () => cancelled, ready: () => ready };
}

const plan = {
  type: 'plan' as const,
  header: { project: 'acme-tool', from: '1.4.0', to: '1.5.0', flow: 'release', dryRun: false },
  resumed: false,
  stages: [
    { id: 'prepare', title: 'Prepare', steps: [{ id: 'a', title: 'Check the tree', effect: 'read' as const }] },
    { id: 'tag', title: 'Tag', steps: [{ id: 'b', title: 'Push the tag', effect: 'write' as const }] },
  ],
};

describe('App', () => {
  it('shows the header, the stages, the running step and the tail of its output', async () => {
    const { hub, ui, ready } = setup();
    await ui.waitForFrame(() => ready(), 'the app to listen');
    hub.emit(plan);
    hub.emit({ type: 'step-started', step: 'a', title: 'Check the tree', at: 0 });
    for (let index = 1; index <= 12; index += 1)
      hub.emit({ type: 'output', step: 'a', stream: 'stdout', line: `line ${index}` });
    const frame = await ui.waitForFrame((text) => text.includes('line 12'), 'the last output line');
    expect(frame).toBe(
      [
        'pyrelease acme-tool 1.4.0 → 1.5.0 · release',
        '› Prepare  · Tag',
        '* Check the tree 0.0s',
        '  │ line 5',
        '  │ line 6',
        '  │ line 7',
        '  │ line 8',
        '  │ line 9',
        '  │ line 10',
        '  │ line 11',
        '  │ line 12',
        'ctrl+c stop (resume later)',
      ].join('\n'),
    );
  });

  it('keeps finished steps above the live region and ends with the outcome', async () => {
    const { hub, ui, ready } = setup();
    await ui.waitForFrame(() => ready());
    hub.emit(plan);
    hub.emit({ type: 'step-started', step: 'a', title: 'Check the tree', at: 0 });
    hub.emit({ type: 'step-finished', step: 'a', title: 'Check the tree', at: 1, detail: 'clean' });
    hub.emit({
      type: 'step-skipped',
      step: 'b',
      title: 'Push the tag',
      reason: 'dry-run',
      detail: 'dry run: not executed',
      actions: ['git push origin v1.5.0'],
    });
    hub.emit({ type: 'finished', outcome: 'done', message: 'Dry run finished: nothing was changed.', at: 2 });
    const frame = await ui.waitForFrame((text) => text.includes('Dry run finished'));
    expect(frame).toContain(
      '✓ Check the tree — clean\n○ Push the tag — dry run: not executed\n    would run: git push origin v1.5.0\n',
    );
    expect(frame.endsWith('✓ Dry run finished: nothing was changed.')).toBe(true);
    expect(frame).not.toContain('ctrl+c');
  });

  it('asks Ctrl-C to cancel instead of exiting', async () => {
    const { ui, ready, cancelled } = setup();
    await ui.waitForFrame(() => ready());
    ui.type(KEYS.ctrlC);
    await ui.waitForFrame(() => cancelled() === 1, 'the cancel request');
    expect(cancelled()).toBe(1);
  });

  it('answers a select question with the arrow keys', async () => {
    const { hub, ui, ready, answers } = setup();
    await ui.waitForFrame(() => ready());
    hub.emit(plan);
    hub.emit({
      type: 'question',
      step: 'a',
      question: {
        kind: 'select',
        id: 'version.choice',
        message: 'Which version?',
        choices: [
          { value: 'patch', label: '1.4.1', hint: 'patch' },
          { value: 'minor', label: '1.5.0', hint: 'minor' },
        ],
        default: 'patch',
      },
    });
    await ui.waitForFrame((text) => text.includes('❯ 1.4.1'));
    ui.type(KEYS.down);
    expect(await ui.waitForFrame((text) => text.includes('❯ 1.5.0'))).toContain(
      '? Which version?\n  1.4.1 patch\n❯ 1.5.0 minor\n↑/↓ choose · enter confirm · ctrl+c stop (resume later)',
    );
    ui.type(KEYS.enter);
    await ui.waitForFrame(() => answers.length === 1);
    expect(answers).toEqual(['minor']);
  });

  it('applies a key typed in the same tick as the question, before its frame is drawn', async () => {
    const { hub, ui, ready, answers } = setup();
    await ui.waitForFrame(() => ready());
    hub.emit({
      type: 'question',
      step: 'a',
      question: {
        kind: 'select',
        id: 'version.choice',
        message: 'Which version?',
        choices: [
          { value: 'patch', label: '1.4.1', hint: 'patch' },
          { value: 'minor', label: '1.5.0', hint: 'minor' },
        ],
        default: 'patch',
      },
    });
    // No wait here: a person typing ahead (or pasting) does not wait for the prompt either.
    ui.type(KEYS.down);
    ui.type(KEYS.enter);
    await ui.waitForFrame(() => answers.length === 1, 'the typed-ahead answer');
    expect(answers).toEqual(['minor']);
    expect(ui.lastFrame()).toBe(
      '? Which version?\n  1.4.1 patch\n❯ 1.5.0 minor\n↑/↓ choose · enter confirm · ctrl+c stop (resume later)',
    );
  });

  it('answers a confirm question with y, and with enter for the default', async () => {
    const { hub, ui, ready, answers } = setup();
    await ui.waitForFrame(() => ready());
    hub.emit({
      type: 'question',
      step: 'a',
      question: { kind: 'confirm', id: 'tag.push', message: 'Push v1.5.0?', default: false },
    });
    await ui.waitForFrame((text) => text.includes('? Push v1.5.0? (y/N)'));
    ui.type(KEYS.enter);
    await ui.waitForFrame(() => answers.length === 1);
    hub.emit({
      type: 'answered',
      step: 'a',
      questionId: 'tag.push',
      message: 'Push v1.5.0?',
      answer: false,
      source: 'user',
    });
    hub.emit({ type: 'question', step: 'a', question: { kind: 'confirm', id: 'tag.again', message: 'Sure?' } });
    await ui.waitForFrame((text) => text.includes('? Sure? (y/n)'));
    ui.type('y');
    await ui.waitForFrame(() => answers.length === 2);
    expect(answers).toEqual([false, true]);
  });

  it('validates text input and only accepts a valid value', async () => {
    const { hub, ui, ready, answers } = setup();
    await ui.waitForFrame(() => ready());
    hub.emit({
      type: 'question',
      step: 'a',
      question: {
        kind: 'text',
        id: 'version.custom',
        message: 'Version',
        validate: (value) => (/^\d+\.\d+\.\d+$/.test(value) ? undefined : `${value} is not X.Y.Z`),
      },
    });
    await ui.waitForFrame((text) => text.includes('? Version'));
    ui.type('1.5');
    await ui.waitForFrame((text) => text.includes('1.5'));
    ui.type(KEYS.enter);
    await ui.waitForFrame((text) => text.includes('1.5 is not X.Y.Z'), 'the validation message');
    ui.type('.0');
    await ui.waitForFrame((text) => text.includes('1.5.0') && !text.includes('is not'));
    ui.type(KEYS.enter);
    await ui.waitForFrame(() => answers.length === 1);
    expect(answers).toEqual(['1.5.0']);
  });

  it('checks checklist items with space and confirms the checked ones', async () => {
    const { hub, ui, ready, answers } = setup();
    await ui.waitForFrame(() => ready());
    hub.emit({
      type: 'question',
      step: 'a',
      question: {
        kind: 'checklist',
        id: 'checklist',
        message: 'Launch checklist',
        items: [
          { value: 'docs', label: 'Docs updated' },
          { value: 'perf', label: 'Perf reviewed' },
        ],
      },
    });
    await ui.waitForFrame((text) => text.includes('❯ [ ] Docs updated'));
    ui.type(KEYS.space);
    await ui.waitForFrame((text) => text.includes('❯ [x] Docs updated'));
    ui.type(KEYS.down);
    await ui.waitForFrame((text) => text.includes('❯ [ ] Perf reviewed'));
    ui.type(KEYS.enter);
    await ui.waitForFrame(() => answers.length === 1);
    expect(answers).toEqual([['docs']]);
  });
});
