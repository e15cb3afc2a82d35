import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events';
import { LineRenderer } from '../../src/plain/line-renderer';

function render(events: EngineEvent[], color = false): string {
  const renderer = new LineRenderer(color);
  return events.flatMap((event) => renderer.render(event)).join('\n');
}

describe('LineRenderer', () => {
  it('prints one line per event, with durations and hints', () => {
    expect(
      render([
        {
          type: 'plan',
          header: { project: 'acme-tool', from: '1.4.0', flow: 'release', dryRun: true },
          resumed: false,
          stages: [{ id: 'p', title: 'Prepare', steps: [{ id: 'a', title: 'A', effect: 'read' }] }],
        },
        { type: 'stage-started', stage: 'p', title: 'Prepare' },
        { type: 'step-started', step: 'a', title: 'Check A', at: 1000 },
        { type: 'output', step: 'a', stream: 'stdout', line: 'hello' },
        { type: 'step-finished', step: 'a', title: 'Check A', at: 3500, detail: 'fine' },
        {
          type: 'step-skipped',
          step: 'b',
          title: 'Push',
          reason: 'dry-run',
          detail: '',
          actions: ['git push origin main'],
        },
        { type: 'question', step: 'c', question: { kind: 'confirm', id: 'tag.push', message: 'Push the tag?' } },
        { type: 'answered', step: 'c', questionId: 'tag.push', message: 'Push the tag?', answer: true, source: 'flag' },
        {
          type: 'step-failed',
          step: 'c',
          title: 'Tag',
          at: 4000,
          message: 'tag exists',
          hint: 'pick another version',
          blocked: true,
        },
        {
          type: 'finished',
          outcome: 'failed',
          message: 'Stopped at "Tag".',
          hint: 'Fix it, then `pyrelease --resume`.',
          at: 4000,
        },
      ]),
    ).toBe(
      [
        'pyrelease acme-tool 1.4.0 → ? (release, dry run)',
        'Plan: Prepare (1)',
        '== Prepare ==',
        '› Check A',
        '  │ hello',
        '✓ Check A — fine (2.5s)',
        '○ Push — dry run, would run:',
        '    $ git push origin main',
        '? Push the tag?: yes (given)',
        '! Tag — tag exists',
        '  → pick another version',
        '✗ Stopped at "Tag".',
        '  → Fix it, then `pyrelease --resume`.',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    const event: EngineEvent = { type: 'step-finished', step: 'a', title: 'A', at: 0 };
    expect(render([event], true)).toBe('\u001B[32m✓\u001B[39m A');
    expect(render([event], false)).toBe('✓ A');
  });
});
