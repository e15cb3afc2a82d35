import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/engine/event-hub';
import { App } from '../../src/ui/App';
import { HistoryRow } from '../../src/ui/components/HistoryRow';
import type { HistoryItem } from '../../src/ui/view-state';
import { renderUi, type Rendered } from '../helpers/render';

const ESC = '\u001B';
const link = (url: string) => `${ESC}]8;;${url}${ESC}\\${url}${ESC}]8;;${ESC}\\`;

const report: HistoryItem = {
  key: '1',
  kind: 'report',
  lines: [
    'quillnote 0.1.1 is on PyPI, installed and smoke-tested from there.',
    '  PyPI  https://pypi.org/project/quillnote/0.1.1/',
    'Time per stage: Prepare 1.0s · Tag 0.2s',
  ],
};

const note = (key: string, message: string): HistoryItem => ({ key, kind: 'note', level: 'info', message });

let mounted: Rendered[] = [];
const render = (...args: Parameters<typeof renderUi>) => {
  const ui = renderUi(...args);
  mounted.push(ui);
  return ui;
};
afterEach(() => {
  for (const ui of mounted) ui.unmount();
  mounted = [];
});

describe('HistoryRow: report', () => {
  it('shows every line as it is, set off by a blank line above and below', () => {
    const ui = render(
      <>
        <HistoryRow item={note('0', 'before')} />
        <HistoryRow item={report} />
        <HistoryRow item={note('2', 'after')} />
      </>,
    );
    expect(ui.lastFrame()).toBe(
      [
        'i before',
        '',
        'quillnote 0.1.1 is on PyPI, installed and smoke-tested from there.',
        '  PyPI  https://pypi.org/project/quillnote/0.1.1/',
        'Time per stage: Prepare 1.0s · Tag 0.2s',
        '',
        'i after',
      ].join('\n'),
    );
  });

  it('has no escape codes when hyperlinks are off', () => {
    const ui = render(<HistoryRow item={report} />, { hyperlinks: false });
    expect(ui.lastFrame()).not.toContain(ESC);
  });

  it('makes the URLs OSC 8 links when hyperlinks are on, keeping trailing punctuation outside', () => {
    const ui = render(
      <HistoryRow
        item={{
          key: '0',
          kind: 'report',
          lines: ['Publish run  https://github.com/acme/quillnote/actions/runs/7.', 'no link here'],
        }}
      />,
      { hyperlinks: true },
    );
    const lines = ui.lastFrame().split('\n');
    expect(lines).toContain(`Publish run  ${link('https://github.com/acme/quillnote/actions/runs/7')}.`);
    expect(lines).toContain('no link here');
  });
});

describe('App: report event', () => {
  it('keeps the report in the history above the live region', async () => {
    const hub = new EventHub();
    let ready = false;
    const ui = render(
      <App
        events={hub}
        onAnswer={() => {}}
        onCancel={() => {}}
        onReady={() => (ready = true)}
        columns={100}
        rows={20}
      />,
    );
    await ui.waitForFrame(() => ready, 'the app to listen');
    hub.emit({
      type: 'plan',
      header: { project: 'quillnote', from: '0.1.0', to: '0.1.1', flow: 'release', dryRun: false },
      resumed: false,
      stages: [
        { id: 'finalize', title: 'Finalize', steps: [{ id: 'finalize.summary', title: 'Summary', effect: 'read' }] },
      ],
    });
    hub.emit({ type: 'step-started', step: 'finalize.summary', title: 'Summary', at: 0 });
    hub.emit({
      type: 'report',
      step: 'finalize.summary',
      lines: ['\u001B[1mquillnote 0.1.1\u001B[22m is on PyPI.', '  PyPI  https://pypi.org/project/quillnote/0.1.1/'],
    });
    hub.emit({
      type: 'step-finished',
      step: 'finalize.summary',
      title: 'Summary',
      at: 1,
      detail: 'quillnote 0.1.1 released',
    });
    hub.emit({ type: 'finished', outcome: 'done', message: 'Release record saved.', at: 2 });
    const frame = await ui.waitForFrame((text) => text.includes('Release record saved.'), 'the outcome');
    expect(frame).toContain(
      '\nquillnote 0.1.1 is on PyPI.\n  PyPI  https://pypi.org/project/quillnote/0.1.1/\n\n✓ Summary — quillnote 0.1.1 released\n',
    );
  });
});
