import type { Clock } from '../../src/ports/clock';

/** A clock that moves only when told: durations in tests are exact. */
export class FixedClock implements Clock {
  constructor(public time = Date.UTC(2026, 10, 21, 9, 0, 0)) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.time += ms;
  }
}
