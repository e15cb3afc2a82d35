import { describe, expect, it } from 'vitest';
import { waitingNotice, WAITING_NOTICE_EVERY_MS } from '../../src/engine/stages/shared/waiting-notice';
import { fakeStepContext } from '../helpers/step-context';

describe('a wait', () => {
  it('says what it waits for when that changes, and again every half minute while it does not', () => {
    let now = 1_000_000;
    const fake = fakeStepContext({ reads: { clock: { now: () => now, sleep: async () => {} } } });
    const notice = waitingNotice(fake.ctx);
    const at = (seconds: number, what: string) => {
      now = 1_000_000 + seconds * 1000;
      notice(what);
    };
    at(0, 'tests, lint');
    at(10, 'tests, lint');
    at(20, 'tests, lint');
    at(WAITING_NOTICE_EVERY_MS / 1000 + 1, 'tests, lint');
    at(35, 'tests');
    at(40, 'tests');
    expect(fake.lines).toEqual([
      '… waiting for tests, lint (0.0s so far)',
      '… waiting for tests, lint (31s so far)',
      '… waiting for tests (35s so far)',
    ]);
  });
});
