/**
 * One symbol for every (status × conclusion) pair, shared by both front ends so the Ink screen
 * and the plain log read the same (gh's `Symbol(status, conclusion)` idea).
 */
export type StepStatus = 'pending' | 'running' | 'finished';
export type StepConclusion = 'ok' | 'done-before' | 'dry-run' | 'failed' | 'blocked' | 'cancelled';

export const SYMBOLS = {
  pending: '·',
  running: '›',
  ok: '✓',
  'done-before': '✓',
  'dry-run': '○',
  failed: '✗',
  blocked: '!',
  cancelled: '■',
  warning: '⚠',
  question: '?',
} as const;

export function symbolFor(status: StepStatus, conclusion?: StepConclusion): string {
  if (status === 'pending') return SYMBOLS.pending;
  if (status === 'running' || conclusion === undefined) return SYMBOLS.running;
  return SYMBOLS[conclusion];
}

/** The colour name a front end may use for a conclusion (ignored under NO_COLOR). */
export function toneFor(conclusion?: StepConclusion): 'green' | 'red' | 'yellow' | 'gray' | 'cyan' {
  switch (conclusion) {
    case 'ok':
      return 'green';
    case 'failed':
    case 'blocked':
      return 'red';
    case 'cancelled':
      return 'yellow';
    case 'done-before':
    case 'dry-run':
      return 'gray';
    default:
      return 'cyan';
  }
}

/** `1m 05s`, `42s`, `0.4s`. */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
}
