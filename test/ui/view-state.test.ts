import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events';
import { initialViewState, reduceView, type ViewAction, type ViewState } from '../../src/ui/view-state';

const plan: EngineEvent = {
  type: 'plan',
  header: { project: 'acme-tool', from: '1.4.0', mode: 'release', dryRun: false },
  resumed: false,
  stages: [
    { id: 'prepare', title: 'Prepare', steps: [{ id: 'a', title: 'Check A', effect: 'read' }, { id: 'b', title: 'Write B', effect: 'write' }] },
    { id: 'tag', title: 'Tag', steps: [{ id: 'c', title: 'Push tag', effect: 'write' }] },
  ],
};

const fold = (actions: ViewAction[], tail = 3): ViewState => actions.reduce(reduceView, initialViewState(tail));

describe('reduceView', () => {
  it('lays out the plan with every step pending', () => {
    const state = fold([plan]);
    expect(state.header?.project).toBe('acme-tool');
    expect(state.stages.map((stage) => stage.steps.map((step) => `${step.id}:${step.status}`))).toEqual([['a:pending', 'b:pending'], ['c:pending']]);
  });

  it('tracks the running step and keeps only the last lines of its output', () => {
    const state = fold([
      plan,
      { type: 'step-started', step: 'a', title: 'Check A', at: 10 },
      { type: 'output-batch', lines: ['1', '2', '3', '4', '5'].map((line) => ({ step: 'a', stream: 'stdout' as const, line })) },
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
      { type: 'step-failed', step: 'c', title: 'Push tag', at: 7, message: 'push refused', hint: 'pull first', blocked: false },
    ]);
    expect(state.history.map((item) => (item.kind === 'step' ? `${item.conclusion}:${item.title}` : item.kind === 'output' ? `out:${item.line}` : item.kind))).toEqual([
      'ok:Check A',
      'done-before:Write B',
      'out:rejected',
      'failed:Push tag',
    ]);
    expect(state.currentStep).toBeUndefined();
    expect(state.tail).toEqual([]);
    expect(state.stages[1]?.steps[0]).toMatchObject({ status: 'finished', conclusion: 'failed', detail: 'push refused' });
  });

  it('shows a question until it is answered, then records the answer', () => {
    const question = { kind: 'confirm' as const, id: 'tag.push', message: 'Push v1.5.0?', default: true };
    const asking = fold([plan, { type: 'question', step: 'c', question }]);
    expect(asking.question?.question.id).toBe('tag.push');
    const answered = reduceView(asking, { type: 'answered', step: 'c', questionId: 'tag.push', message: 'Push v1.5.0?', answer: true, source: 'user' });
    expect(answered.question).toBeUndefined();
    expect(answered.history.at(-1)).toMatchObject({ kind: 'answer', message: 'Push v1.5.0?', answer: 'yes', source: 'user' });
  });

  it('marks the running step cancelled when the run is stopped', () => {
    const state = fold([plan, { type: 'step-started', step: 'b', title: 'Write B', at: 0 }, { type: 'finished', outcome: 'cancelled', message: 'Stopped.', hint: 'resume', at: 1 }]);
    expect(state.stages[0]?.steps[1]?.conclusion).toBe('cancelled');
    expect(state.outcome).toEqual({ outcome: 'cancelled', message: 'Stopped.', hint: 'resume' });
  });

  it('shows dry-run steps with the actions they would take', () => {
    const state = fold([plan, { type: 'step-skipped', step: 'b', title: 'Write B', reason: 'dry-run', detail: 'dry run', actions: ['git commit -m x'] }]);
    expect(state.history[0]).toMatchObject({ conclusion: 'dry-run', actions: ['git commit -m x'] });
  });
});
