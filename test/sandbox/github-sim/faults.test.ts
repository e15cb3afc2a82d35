import { describe, expect, it } from 'vitest';
import { call, repoPath, useSim } from './sim-fixture';

describe('simulated GitHub: faults on demand', () => {
  const startSim = useSim();

  it('answers a burst of 502s (HTML, as GitHub’s front end does), then recovers', async () => {
    const sim = await startSim();
    const fault = sim.faults.add({ match: { method: 'GET', path: /\/releases$/ }, kind: '502', count: 2 });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await call(sim, 'GET', repoPath('/releases'))).status);
    expect(statuses).toEqual([502, 502, 200]);
    expect(fault.remaining).toBe(0);
    expect(sim.faults.pending()).toEqual([]);
    expect(sim.requestLog.entries().map((entry) => entry.fault)).toEqual(['502', '502', undefined]);
  });

  it('answers 500 only for the matching method and path', async () => {
    const sim = await startSim();
    sim.faults.add({ match: { method: 'POST', path: /\/milestones$/ }, kind: '500' });
    expect((await call(sim, 'GET', repoPath('/milestones'))).status).toBe(200);
    const failed = await call(sim, 'POST', repoPath('/milestones'), { body: { title: 'x' } });
    expect([failed.status, failed.body]).toEqual([500, { message: 'Server Error' }]);
    expect(sim.milestones()).toEqual([]);
  });

  it('answers a secondary rate limit: 403, GitHub’s message, retry-after when asked', async () => {
    const sim = await startSim();
    sim.faults.add({ kind: 'secondary-rate-limit', retryAfterSeconds: 7 });
    sim.faults.add({ kind: 'secondary-rate-limit' });
    const first = await call(sim, 'GET', repoPath('/releases'));
    expect([first.status, first.headers.get('retry-after'), first.headers.get('x-ratelimit-remaining')]).toEqual([
      403,
      '7',
      '4999',
    ]);
    expect((first.body as { message: string }).message).toMatch(
      /^You have exceeded a secondary rate limit\. Please wait a few minutes/,
    );
    const second = await call(sim, 'GET', repoPath('/releases'));
    expect([second.status, second.headers.get('retry-after')]).toEqual([403, null]);
  });

  it.each([403, 429] as const)('answers a primary rate limit with %i, remaining 0 and the reset', async (status) => {
    const sim = await startSim();
    sim.faults.add({ kind: 'primary-rate-limit', retryAfterSeconds: 30, status });
    const limited = await call(sim, 'GET', repoPath('/releases'));
    expect([
      limited.status,
      limited.headers.get('x-ratelimit-remaining'),
      limited.headers.get('x-ratelimit-reset'),
    ]).toEqual([status, '0', String(Date.UTC(2026, 10, 21, 9, 0, 30) / 1000)]);
    expect((limited.body as { message: string }).message).toMatch(/^API rate limit exceeded for user ID 1\./);
  });

  it('holds a slow answer for the given time, then answers normally', async () => {
    const sim = await startSim();
    sim.faults.add({ kind: 'slow', delayMs: 150 });
    const started = performance.now();
    const answer = await call(sim, 'GET', repoPath('/releases'));
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});
