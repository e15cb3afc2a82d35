import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events';
import { LineRenderer } from '../../src/plain/line-renderer';

const ESC = '\u001B';
const link = (url: string) => `${ESC}]8;;${url}${ESC}\\${url}${ESC}]8;;${ESC}\\`;

const report: EngineEvent = {
  type: 'report',
  step: 'finalize.summary',
  lines: [
    'quillnote 0.1.1 is on PyPI, installed and smoke-tested from there.',
    '  PyPI            https://pypi.org/project/quillnote/0.1.1/',
    'Time per stage: Prepare 1.0s · Tag 0.2s',
  ],
};

describe('LineRenderer: report', () => {
  it('prints the lines as they are between two blank lines, without any escape code when colour is off', () => {
    const lines = new LineRenderer(false).render(report);
    expect(lines).toEqual(['', ...(report.type === 'report' ? report.lines : []), '']);
    expect(lines.join('\n')).not.toContain(ESC);
  });

  it('turns URLs into OSC 8 links when colour is on, and leaves the other lines alone', () => {
    expect(new LineRenderer(true).render(report)).toEqual([
      '',
      'quillnote 0.1.1 is on PyPI, installed and smoke-tested from there.',
      `  PyPI            ${link('https://pypi.org/project/quillnote/0.1.1/')}`,
      'Time per stage: Prepare 1.0s · Tag 0.2s',
      '',
    ]);
  });

  it('renders an empty report as just the blank lines around it', () => {
    expect(new LineRenderer(true).render({ type: 'report', step: 's', lines: [] })).toEqual(['', '']);
  });
});

describe('LineRenderer: finished', () => {
  const paused: EngineEvent = {
    type: 'finished',
    outcome: 'paused',
    message: 'Paused after TestPyPI dry run, as asked.',
    hint: 'Run `pyrelease --resume` to go on with Tag.',
    at: 0,
  };

  it('marks a pause with the ok symbol, then the hint', () => {
    expect(new LineRenderer(false).render(paused)).toEqual([
      '✓ Paused after TestPyPI dry run, as asked.',
      '  → Run `pyrelease --resume` to go on with Tag.',
    ]);
  });

  it('paints the pause green like a finished release, not red or yellow', () => {
    const [first] = new LineRenderer(true).render(paused);
    expect(first).toBe(`${ESC}[32m✓${ESC}[39m Paused after TestPyPI dry run, as asked.`);
    const done = new LineRenderer(true).render({ type: 'finished', outcome: 'done', message: 'x', at: 0 })[0];
    expect(first?.slice(0, first.indexOf(' '))).toBe(done?.slice(0, done.indexOf(' ')));
  });

  it('keeps the other outcomes on their own symbols', () => {
    const symbol = (outcome: 'failed' | 'cancelled') =>
      new LineRenderer(false).render({ type: 'finished', outcome, at: 0 })[0];
    expect(symbol('failed')).toBe('✗ failed');
    expect(symbol('cancelled')?.startsWith('✓')).toBe(false);
  });
});
