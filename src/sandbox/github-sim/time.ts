import type { SimClock } from './types';

export const systemSimClock: SimClock = { now: () => Date.now() };

/** GitHub's REST timestamps: ISO 8601 in UTC, whole seconds (`2026-05-01T10:00:00Z`). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : isoSeconds(ms);
}

/** Accepts what callers hand the state API: ISO text or epoch milliseconds. */
export function toMillis(value: string | number): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${String(value)}`);
  return ms;
}
