import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events';
import { initialViewState, reduceView, type ViewAction } from '../../src/ui/view-state';

const fold = (actions: ViewAction[]) => actions.reduce(reduceView, initialViewState(3));

const plan: EngineEvent = {
  type: 'plan',
  header: { project: 'quillnote', from: '0.1.0', to: '0.1.1', flow: 'release', dryRun: false },
  resumed: false,
  stages: [
    { id: 'finalize', title: 'Finalize', steps: [{ id: 'finalize.summary', title: 'Summary', effect: 'read' }] },
  ],
};

describe('reduceView: report', () => {
  it('appends a report item to the history, with the lines in order', () => {
    const state = fold([
      plan,
      { type: 'note', level: 'info', message: 'before' },
      {
        type: 'report',
        step: 'finalize.summary',
        lines: ['quillnote 0.1.1 is on PyPI.', '  PyPI  https://pypi.org/project/quillnote/0.1.1/'],
      },
    ]);
    expect(state.history).toEqual([
      { key: '0', kind: 'note', level: 'info', message: 'before' },
      {
        key: '1',
        kind: 'report',
        lines: ['quillnote 0.1.1 is on PyPI.', '  PyPI  https://pypi.org/project/quillnote/0.1.1/'],
      },
    ]);
  });

  it('strips ANSI colour codes, BEL-terminated OSC sequences and carriage returns from the lines', () => {
    const state = fold([
      {
        type: 'report',
        step: 's',
        lines: ['\u001B[1mquillnote\u001B[22m \u001B[32m0.1.1\u001B[39m', '\u001B]0;title\u0007plain', 'half\rway'],
      },
    ]);
    expect(state.history).toEqual([{ key: '0', kind: 'report', lines: ['quillnote 0.1.1', 'plain', 'halfway'] }]);
  });

  it('leaves the running step, its output and the stages alone', () => {
    const running = fold([
      plan,
      { type: 'step-started', step: 'finalize.summary', title: 'Summary', at: 5 },
      { type: 'output', step: 'finalize.summary', stream: 'stdout', line: 'reading' },
    ]);
    const after = reduceView(running, { type: 'report', step: 'finalize.summary', lines: ['done'] });
    expect(after.currentStep).toBe('finalize.summary');
    expect(after.tail).toEqual(['reading']);
    expect(after.stages).toBe(running.stages);
    expect(after.history).toHaveLength(running.history.length + 1);
    // The state is new; the one before is unchanged (pure reducer).
    expect(running.history).toEqual([]);
  });
});

describe('reduceView: finished paused', () => {
  it('keeps the outcome, message and hint of a pause', () => {
    const state = fold([
      plan,
      {
        type: 'finished',
        outcome: 'paused',
        message: 'Paused after Prepare, as asked.',
        hint: 'Run `pyrelease --resume` to go on with Tag.',
        at: 9,
      },
    ]);
    expect(state.outcome).toEqual({
      outcome: 'paused',
      message: 'Paused after Prepare, as asked.',
      hint: 'Run `pyrelease --resume` to go on with Tag.',
    });
  });
});
