import { formatDuration } from '../../../domain/step-symbols';
import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';

/** How often an unchanged wait says again what it waits for. */
export const WAITING_NOTICE_EVERY_MS = 30_000;

/**
 * A wait is never silent: it says what it waits for as soon as that changes, and again every
 * half minute while it does not, with how long it has waited so far.
 */
export function waitingNotice(ctx: StepContext<ReleasePorts>): (what: string) => void {
  // The wait starts when there is first something to wait for (a wait that ends at once says nothing).
  let started: number | undefined;
  let last: { what: string; at: number } | undefined;
  return (what) => {
    const now = ctx.reads.clock.now();
    started ??= now;
    if (last?.what === what && now - last.at < WAITING_NOTICE_EVERY_MS) return;
    last = { what, at: now };
    ctx.log(`… waiting for ${what} (${formatDuration(now - started)} so far)`);
  };
}
