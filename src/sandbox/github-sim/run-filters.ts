import { invalidRequest, type SimResponse } from './http';
import type { SimRun } from './types';

const STATUSES = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending'];
const CONCLUSIONS = ['success', 'failure', 'neutral', 'cancelled', 'skipped', 'timed_out', 'action_required', 'stale'];

/** A bound of GitHub's search date syntax; a bare date covers its whole day. */
function bound(text: string, side: 'low' | 'high'): number | undefined {
  if (text === '*') return side === 'low' ? -Infinity : Infinity;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  return dateOnly && side === 'high' ? ms + 86_400_000 - 1 : ms;
}

/** `created` in search syntax: `>=2026-05-01T10:00:00Z`, `<x`, `a..b`, `a..*`, or one date (TECH-FACTS §5.2). */
export function parseCreated(text: string): ((ms: number) => boolean) | undefined {
  const range = /^(.+)\.\.(.+)$/.exec(text);
  if (range) {
    const low = bound(range[1] ?? '', 'low');
    const high = bound(range[2] ?? '', 'high');
    return low === undefined || high === undefined ? undefined : (ms) => ms >= low && ms <= high;
  }
  const compare = /^(>=|<=|>|<)(.+)$/.exec(text);
  if (compare) {
    const operator = compare[1];
    const value = bound(compare[2] ?? '', operator?.startsWith('>') ? 'low' : 'high');
    if (value === undefined) return undefined;
    if (operator === '>=') return (ms) => ms >= value;
    if (operator === '>') return (ms) => ms > value;
    if (operator === '<=') return (ms) => ms <= value;
    return (ms) => ms < value;
  }
  const low = bound(text, 'low');
  const high = bound(text, 'high');
  return low === undefined || high === undefined ? undefined : (ms) => ms >= low && ms <= high;
}

/** The list-runs filters: `event`, `branch`, `head_sha`, `actor`, `status` (a status or a conclusion), `created`. */
export function runFilter(query: URLSearchParams): ((run: SimRun) => boolean) | SimResponse {
  const status = query.get('status');
  if (status !== null && !STATUSES.includes(status) && !CONCLUSIONS.includes(status)) {
    return invalidRequest(
      `${JSON.stringify(status)} is not a member of ${JSON.stringify([...STATUSES, ...CONCLUSIONS])}.`,
    );
  }
  const createdText = query.get('created');
  const created = createdText === null ? undefined : parseCreated(createdText);
  if (createdText !== null && !created)
    return invalidRequest(`"created" must use GitHub's date search syntax, got ${JSON.stringify(createdText)}.`);
  const event = query.get('event');
  const branch = query.get('branch');
  const headSha = query.get('head_sha');
  const actor = query.get('actor');
  return (run) =>
    (event === null || run.event === event) &&
    (branch === null || run.headBranch === branch) &&
    (headSha === null || run.headSha === headSha.toLowerCase()) &&
    (actor === null || run.actor.toLowerCase() === actor.toLowerCase()) &&
    (status === null || (STATUSES.includes(status) ? run.status === status : run.conclusion === status)) &&
    (created === undefined || created(Math.floor(run.createdAt / 1000) * 1000));
}
