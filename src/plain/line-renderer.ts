import { SYMBOLS, formatDuration, symbolFor, toneFor } from '../domain/step-symbols';
import { endedAsPlanned, type EngineEvent } from '../engine/events';
import { formatAnswer } from '../engine/prompter';
import { hyperlinkUrls } from '../domain/hyperlinks';

const CODES: Record<string, [number, number]> = {
  green: [32, 39],
  red: [31, 39],
  yellow: [33, 39],
  gray: [90, 39],
  cyan: [36, 39],
  magenta: [35, 39],
  bold: [1, 22],
  dim: [2, 22],
};

/**
 * One line (or a few) per engine event, for logs, pipes, CI and `--plain`. Stateful only to
 * remember when each step started, so it can print durations.
 */
export class LineRenderer {
  private readonly started = new Map<string, number>();

  constructor(private readonly color: boolean) {}

  private paint(name: string, text: string): string {
    const code = CODES[name];
    return this.color && code ? `\u001B[${code[0]}m${text}\u001B[${code[1]}m` : text;
  }

  render(event: EngineEvent): string[] {
    switch (event.type) {
      case 'plan': {
        const h = event.header;
        const what = [h.project, h.from || h.to ? `${h.from ?? '?'} → ${h.to ?? '?'}` : undefined]
          .filter(Boolean)
          .join(' ');
        const flags = [h.flow, h.dryRun ? 'dry run' : undefined, event.resumed ? 'resumed' : undefined]
          .filter(Boolean)
          .join(', ');
        return [
          `${this.paint('bold', 'pyrelease')}${what ? ` ${what}` : ''} (${flags})`,
          `Plan: ${event.stages.map((stage) => `${stage.title} (${stage.steps.length})`).join(' → ')}`,
        ];
      }
      case 'header': {
        const h = event.header;
        return h.from || h.to
          ? [`Release: ${[h.project, `${h.from ?? '?'} → ${h.to ?? '?'}`].filter(Boolean).join(' ')}`]
          : [];
      }
      case 'stage-started':
        return [this.paint('bold', `== ${event.title} ==`)];
      case 'step-started':
        this.started.set(event.step, event.at);
        return [`${SYMBOLS.running} ${event.title}`];
      case 'output':
        return [this.paint('dim', `  │ ${event.line}`)];
      case 'report':
        return ['', ...event.lines.map((line) => (this.color ? hyperlinkUrls(line) : line)), ''];
      case 'note':
        return [
          event.level === 'warning'
            ? this.paint('yellow', `${SYMBOLS.warning} ${event.message}`)
            : `i ${event.message}`,
        ];
      case 'step-skipped': {
        const conclusion = event.reason === 'dry-run' ? 'dry-run' : 'done-before';
        const hasActions = (event.actions ?? []).length > 0;
        const label =
          event.reason !== 'dry-run'
            ? `already done: ${event.detail}`
            : hasActions
              ? 'dry run, would run:'
              : `dry run: ${event.detail ?? 'not executed'}`;
        return [
          `${this.paint(toneFor(conclusion), symbolFor('finished', conclusion))} ${event.title} — ${label}`,
          ...(event.actions ?? []).map((action) => `    $ ${action}`),
        ];
      }
      case 'step-finished': {
        const since = this.started.get(event.step);
        const took = since === undefined ? '' : ` (${formatDuration(event.at - since)})`;
        const detail = event.detail ? ` — ${event.detail}` : '';
        return [`${this.paint('green', SYMBOLS.ok)} ${event.title}${detail}${took}`];
      }
      case 'step-failed': {
        const conclusion = event.blocked ? 'blocked' : 'failed';
        return [
          `${this.paint('red', symbolFor('finished', conclusion))} ${event.title} — ${event.message}`,
          ...(event.hint ? [`  → ${event.hint}`] : []),
        ];
      }
      case 'question':
        return [];
      case 'answered': {
        // A question answered by the user was already shown by the prompt itself.
        if (event.source === 'user') return [];
        const message = event.message;
        const source = event.source === 'flag' ? 'given' : event.source === 'journal' ? 'from the journal' : 'default';
        return [`${SYMBOLS.question} ${message}: ${event.label ?? formatAnswer(event.answer)} (${source})`];
      }
      case 'finished': {
        const symbol = endedAsPlanned(event.outcome)
          ? this.paint('green', SYMBOLS.ok)
          : event.outcome === 'cancelled'
            ? this.paint('yellow', SYMBOLS.cancelled)
            : this.paint('red', SYMBOLS.failed);
        return [`${symbol} ${event.message ?? event.outcome}`, ...(event.hint ? [`  → ${event.hint}`] : [])];
      }
    }
  }
}
