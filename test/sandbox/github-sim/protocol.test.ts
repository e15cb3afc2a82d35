import { describe, expect, it } from 'vitest';
import { call, repoPath, TOKEN, useSim } from './sim-fixture';

describe('simulated GitHub: headers, auth, conditional requests, unknown routes', () => {
  const startSim = useSim();

  it("puts GitHub's rate-limit and version headers on every answer, and counts requests", async () => {
    const sim = await startSim();
    const first = await call(sim, 'GET', repoPath('/releases'));
    const second = await call(sim, 'GET', repoPath('/releases/12345'));
    const pick = (headers: Headers) =>
      ['limit', 'remaining', 'used', 'reset', 'resource'].map((name) => headers.get(`x-ratelimit-${name}`));
    const reset = String(Date.UTC(2026, 10, 21, 10, 0, 0) / 1000);
    expect(pick(first.headers)).toEqual(['5000', '4999', '1', reset, 'core']);
    expect(pick(second.headers)).toEqual(['5000', '4998', '2', reset, 'core']);
    expect([
      first.headers.get('x-github-api-version-selected'),
      second.headers.get('x-github-api-version-selected'),
    ]).toEqual(['2022-11-28', '2022-11-28']);
  });

  it('answers 304 without a body when If-None-Match matches, and the 304 is free', async () => {
    const sim = await startSim();
    const first = await call(sim, 'GET', repoPath('/releases'));
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    const again = await call(sim, 'GET', repoPath('/releases'), { headers: { 'if-none-match': etag } });
    expect([again.status, again.body, again.headers.get('etag'), again.headers.get('x-ratelimit-remaining')]).toEqual([
      304,
      undefined,
      etag,
      '4999',
    ]);
    // A strong copy of the same validator matches too (weak comparison), a stale one does not.
    expect(
      (await call(sim, 'GET', repoPath('/releases'), { headers: { 'if-none-match': etag.slice(2) } })).status,
    ).toBe(304);
    await call(sim, 'POST', repoPath('/milestones'), { body: { title: 'changes nothing on releases' } });
    await call(sim, 'POST', repoPath('/releases'), { body: { tag_name: 'v2', draft: true } });
    const changed = await call(sim, 'GET', repoPath('/releases'), { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('refuses a wrong or missing token with 401 and GitHub’s message', async () => {
    const sim = await startSim();
    const bad = await call(sim, 'GET', repoPath('/releases'), { token: 'ghp_wrong' });
    expect([bad.status, bad.body]).toEqual([
      401,
      { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
    ]);
    expect((await call(sim, 'GET', repoPath('/releases'), { token: null })).status).toBe(401);
    expect(
      (await call(sim, 'GET', repoPath('/releases'), { token: null, headers: { authorization: `token ${TOKEN}` } }))
        .status,
    ).toBe(200);
    expect(sim.requestLog.entries().map((entry) => entry.auth)).toEqual(['Bearer', 'none', 'token']);
  });

  it('answers 404 for an unknown route, logs it, and treats owner/repo case-insensitively', async () => {
    const sim = await startSim();
    expect((await call(sim, 'GET', '/repos/ACME/Acme-Tool/releases')).status).toBe(200);
    expect((await call(sim, 'GET', '/repos/acme/other-repo/releases')).status).toBe(404);
    const unknown = await call(sim, 'GET', repoPath('/hooks'));
    expect([unknown.status, unknown.body]).toEqual([
      404,
      { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
    ]);
    expect(sim.requestLog.unmatched().map((entry) => `${entry.method} ${entry.url}`)).toEqual([
      'GET /repos/acme/acme-tool/hooks',
    ]);
    expect(sim.requestLog.lines()).toEqual([
      'GET /repos/ACME/Acme-Tool/releases → 200',
      'GET /repos/acme/other-repo/releases → 404',
      'GET /repos/acme/acme-tool/hooks → 404',
    ]);
    // Asserted empty after every test by the fixture: clear what this test provoked on purpose.
    sim.requestLog.clear();
  });

  it('refuses an unsupported API version, bad JSON, and an exhausted rate limit', async () => {
    const sim = await startSim();
    const version = await call(sim, 'GET', repoPath('/releases'), {
      headers: { 'x-github-api-version': '2099-01-01' },
    });
    expect([version.status, (version.body as { message: string }).message]).toEqual([
      400,
      'API version 2099-01-01 is not supported.',
    ]);
    const broken = await fetch(`${sim.url}${repoPath('/milestones')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: '{"title":',
    });
    expect(broken.status).toBe(400);
    sim.rateLimit.set({ remaining: 0 });
    const limited = await call(sim, 'GET', repoPath('/releases'));
    expect([limited.status, limited.headers.get('x-ratelimit-remaining')]).toEqual([403, '0']);
  });
});
