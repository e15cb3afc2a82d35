import { describe, expect, it } from 'vitest';
import { OctokitGitHub, type GitHubClientOptions, type GitHubWait } from '../../src/adapters/github-octokit';
import type { GitHubSim } from '../../src/sandbox/github-sim';
import { OWNER, REPO, SHAS, TOKEN, useSim } from '../sandbox/github-sim/sim-fixture';

// Waits are real but scaled: `secondMs: 1` makes a 60 s rate-limit wait last 60 ms.

function github(
  sim: GitHubSim,
  options: Partial<GitHubClientOptions> = {},
): { client: OctokitGitHub; waits: GitHubWait[] } {
  const waits: GitHubWait[] = [];
  const client = new OctokitGitHub({
    owner: OWNER,
    repo: REPO,
    token: TOKEN,
    baseUrl: sim.url,
    secondMs: 1,
    onWait: (wait) => waits.push(wait),
    ...options,
  });
  return { client, waits };
}

const statuses = (sim: GitHubSim) => sim.requestLog.entries().map((entry) => entry.status);

describe('OctokitGitHub: conditional requests', () => {
  const startSim = useSim();

  it('sends If-None-Match, reuses the body on 304, and the 304s cost no rate limit', async () => {
    const sim = await startSim();
    const made = sim.createRun({
      workflow: 'ci.yml',
      event: 'push',
      headBranch: 'main',
      headSha: SHAS.release,
      status: 'in_progress',
    });
    const { client } = github(sim);
    const first = await client.run(made.id);
    const remaining = sim.rateLimit.remaining;
    const second = await client.run(made.id);
    const third = await client.run(made.id);
    expect([second, third]).toEqual([first, first]);
    expect(sim.rateLimit.remaining).toBe(remaining);
    const [firstEntry, ...polls] = sim.requestLog.entries();
    expect([firstEntry?.ifNoneMatch, firstEntry?.status]).toEqual([undefined, 200]);
    expect(polls.map((entry) => [entry.ifNoneMatch?.startsWith('W/"'), entry.status])).toEqual([
      [true, 304],
      [true, 304],
    ]);
    sim.updateRun(made.id, { status: 'completed', conclusion: 'success' });
    expect(await client.run(made.id)).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(statuses(sim).slice(-1)).toEqual([200]);
  });

  it('keeps a cached page per URL, so paginated polls are conditional too', async () => {
    const sim = await startSim();
    for (let index = 0; index < 3; index += 1)
      sim.createRun({ workflow: 'ci.yml', event: 'push', headBranch: 'main', headSha: SHAS.release });
    const { client } = github(sim);
    const first = await client.runsForWorkflow('ci.yml', { perPage: 2, limit: 3 });
    expect(await client.runsForWorkflow('ci.yml', { perPage: 2, limit: 3 })).toEqual(first);
    expect(statuses(sim)).toEqual([200, 200, 304, 304]);
  });
});

describe('OctokitGitHub: retries and rate limits', () => {
  const startSim = useSim();

  it('retries a GET through a burst of 502s', async () => {
    const sim = await startSim();
    sim.faults.add({ match: { method: 'GET', path: /\/releases$/ }, kind: '502', count: 2 });
    const { client, waits } = github(sim);
    expect(await client.listReleases()).toHaveLength(1);
    expect(statuses(sim)).toEqual([502, 502, 200]);
    expect(waits).toEqual([]);
  });

  it('gives up after its retries with an error naming the endpoint', async () => {
    const sim = await startSim();
    sim.faults.add({ kind: '500', count: 10 });
    const error = await github(sim, { retries: 2 })
      .client.listReleases()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'github.unavailable',
      message: 'GitHub answered 500 to GET /repos/acme/acme-tool/releases after several tries: Server Error',
      hint: 'GitHub may be having trouble (https://www.githubstatus.com); try again later with `pyrelease --resume`.',
    });
    expect(statuses(sim)).toEqual([500, 500, 500]);
  });

  it('does not repeat a write GitHub may have done: a 502 is reported, not retried', async () => {
    const sim = await startSim();
    sim.faults.add({ match: { method: 'POST' }, kind: '502' });
    const error = await github(sim)
      .client.createMilestone({ title: 'v1.5.0' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'github.write-uncertain',
      message: 'GitHub answered 502 to POST /repos/acme/acme-tool/milestones: HTTP 502',
    });
    expect(statuses(sim)).toEqual([502]);
  });

  it('waits out a secondary rate limit for its retry-after, and reports the wait', async () => {
    const sim = await startSim();
    sim.faults.add({ kind: 'secondary-rate-limit', retryAfterSeconds: 42 });
    const { client, waits } = github(sim);
    expect(await client.listReleases()).toHaveLength(1);
    expect(waits).toEqual([{ seconds: 42, reason: 'secondary-rate-limit' }]);
    expect(statuses(sim)).toEqual([403, 200]);
  });

  it('waits 60 s (scaled) for a secondary limit without retry-after, also for writes', async () => {
    const sim = await startSim();
    sim.faults.add({ match: { method: 'POST' }, kind: 'secondary-rate-limit' });
    const { client, waits } = github(sim);
    expect(await client.createMilestone({ title: 'v1.5.0' })).toMatchObject({ title: 'v1.5.0' });
    expect(waits).toEqual([{ seconds: 60, reason: 'secondary-rate-limit' }]);
  });

  it.each([403, 429] as const)('waits for the reset of a primary rate limit answered with %i', async (status) => {
    // Octokit measures the reset against the real clock, so this simulator keeps real time.
    const sim = await startSim({ clock: undefined });
    sim.faults.add({ kind: 'primary-rate-limit', status, retryAfterSeconds: 60 });
    const { client, waits } = github(sim);
    expect(await client.listReleases()).toHaveLength(1);
    expect(waits.map((wait) => wait.reason)).toEqual(['rate-limit']);
    // 60 s to the reset, plus Octokit's one second, give or take the second boundary.
    expect(waits[0]?.seconds).toBeGreaterThanOrEqual(60);
    expect(waits[0]?.seconds).toBeLessThanOrEqual(62);
    expect(statuses(sim)).toEqual([status, 200]);
  });

  it('stops after a bounded number of waits and says when to come back', async () => {
    const sim = await startSim();
    sim.faults.add({ kind: 'secondary-rate-limit', retryAfterSeconds: 1, count: 10 });
    const { client, waits } = github(sim, { rateLimitRetries: 2 });
    const error = await client.listReleases().catch((caught: unknown) => caught);
    expect(waits).toEqual([
      { seconds: 1, reason: 'secondary-rate-limit' },
      { seconds: 1, reason: 'secondary-rate-limit' },
    ]);
    expect(error).toMatchObject({
      code: 'github.rate-limited',
      message: expect.stringMatching(
        /^GitHub's rate limit stopped GET \/repos\/acme\/acme-tool\/releases: You have exceeded a secondary rate limit/,
      ),
    });
    expect(statuses(sim)).toEqual([403, 403, 403]);
  });

  it('does not sit out a rate limit that resets too far away', async () => {
    const sim = await startSim({ clock: undefined });
    sim.faults.add({ kind: 'primary-rate-limit', retryAfterSeconds: 3600 });
    const { client, waits } = github(sim, { maxWaitSeconds: 900 });
    const error = await client.listReleases().catch((caught: unknown) => caught);
    expect(waits).toEqual([]);
    expect(error).toMatchObject({
      code: 'github.rate-limited',
      hint: expect.stringMatching(/^Wait until \d\d:\d\d UTC, then run `pyrelease --resume`\.$/),
    });
  });

  it('gives a slow answer up after the timeout and retries the GET', async () => {
    const sim = await startSim();
    sim.faults.add({ kind: 'slow', delayMs: 5_000 });
    const { client } = github(sim, { requestTimeoutMs: 100 });
    expect(await client.listReleases()).toHaveLength(1);
    expect(sim.requestLog.entries().map((entry) => entry.status)).toEqual([200]);
  });
});

describe('OctokitGitHub: errors', () => {
  const startSim = useSim();

  it('reports a refused token with the endpoint and a way forward, never the token', async () => {
    const sim = await startSim();
    const secret = 'ghp_RefusedRefusedRefused0123456789';
    const error = await github(sim, { token: secret })
      .client.run(1)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'github.unauthorized',
      message: 'GitHub answered 401 (Bad credentials) to GET /repos/acme/acme-tool/actions/runs/1.',
      hint: 'The token was refused: create one with `gh auth login` or set GH_TOKEN.',
    });
    expect(
      JSON.stringify({ ...(error as object), message: String(error), stack: (error as Error).stack }),
    ).not.toContain(secret);
  });

  it('points a 404 at the token’s access to the repository', async () => {
    const sim = await startSim();
    const error = await new OctokitGitHub({
      owner: OWNER,
      repo: 'secret-repo',
      token: TOKEN,
      baseUrl: sim.url,
      secondMs: 1,
    })
      .run(1)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'github.not-found',
      message: 'GitHub answered 404 Not Found to GET /repos/acme/secret-repo/actions/runs/1.',
      hint: "Check the token's access to acme/secret-repo (a fine-grained token must list the repository) and that the repository exists.",
    });
  });

  it('says when GitHub cannot be reached at all', async () => {
    const sim = await startSim();
    const url = sim.url;
    await sim.stop();
    const error = await new OctokitGitHub({
      owner: OWNER,
      repo: REPO,
      token: TOKEN,
      baseUrl: url,
      secondMs: 1,
      retries: 1,
    })
      .listReleases()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'github.unreachable',
      message: expect.stringContaining(`Could not reach ${url} for GET /repos/acme/acme-tool/releases`),
    });
  });
});
