import { describe, expect, it } from 'vitest';
import { OctokitGitHub } from '../../src/adapters/github-octokit';
import type { GitHubSim, ReleasePublishedEvent } from '../../src/sandbox/github-sim';
import { OWNER, REPO, SHAS, TOKEN, useSim } from '../sandbox/github-sim/sim-fixture';

function github(sim: GitHubSim): OctokitGitHub {
  return new OctokitGitHub({ owner: OWNER, repo: REPO, token: TOKEN, baseUrl: sim.url, secondMs: 1 });
}

const bodies = (sim: GitHubSim) =>
  sim.requestLog.entries().map((entry) => [entry.method, entry.status, entry.requestBody]);

describe('OctokitGitHub writes', () => {
  const startSim = useSim();

  it('dispatches asking for run details and returns the run id', async () => {
    const sim = await startSim();
    const result = await github(sim).dispatch('publish-testpypi.yml', 'main', { version: '1.4.0rc1' });
    const runId = sim.runs()[0]?.id;
    expect(result).toEqual({ runId, htmlUrl: `${sim.htmlUrl}/acme/acme-tool/actions/runs/${runId}` });
    expect(bodies(sim)).toEqual([
      ['POST', 200, { ref: 'main', inputs: { version: '1.4.0rc1' }, return_run_details: true }],
    ]);
  });

  it('falls back to a plain dispatch (204, no run id) when the server refuses return_run_details', async () => {
    const sim = await startSim({ dispatchRunDetails: false });
    expect(await github(sim).dispatch('publish-testpypi.yml', 'v1.3.0')).toEqual({
      runId: undefined,
      htmlUrl: undefined,
    });
    expect(bodies(sim)).toEqual([
      ['POST', 422, { ref: 'v1.3.0', inputs: {}, return_run_details: true }],
      ['POST', 204, { ref: 'v1.3.0', inputs: {} }],
    ]);
    expect(sim.runs()).toHaveLength(1);
  });

  it('does not fall back on other refusals: a workflow without workflow_dispatch fails once, clearly', async () => {
    const sim = await startSim();
    const error = await github(sim)
      .dispatch('publish-pypi.yml', 'main')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'github.rejected',
      message:
        "GitHub rejected POST /repos/acme/acme-tool/actions/workflows/publish-pypi.yml/dispatches (422: Workflow does not have 'workflow_dispatch' trigger).",
    });
    expect(bodies(sim)).toHaveLength(1);
  });

  it('says a workflow must be on the default branch when a dispatch finds none (404)', async () => {
    const sim = await startSim();
    const error = await github(sim)
      .dispatch('publish-nowhere.yml', 'main', { version: '1.4.0rc1' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'github.dispatch-not-found',
      message: expect.stringContaining('its file is on the default branch and runs on `workflow_dispatch`'),
      hint: expect.stringContaining('Commit .github/workflows/publish-nowhere.yml with `on: workflow_dispatch`'),
    });
    expect(bodies(sim)).toHaveLength(1);
  });

  it('re-runs failed jobs and approves a waiting environment', async () => {
    const sim = await startSim();
    const reviews: unknown[] = [];
    sim.on('deployment-reviewed', (event) => reviews.push(event));
    const failed = sim.createRun({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
      status: 'completed',
      conclusion: 'failure',
      jobs: [{ name: 'build', status: 'completed', conclusion: 'failure' }],
    });
    const client = github(sim);
    await client.rerunFailedJobs(failed.id);
    expect(sim.run(failed.id)).toMatchObject({ runAttempt: 2, status: 'queued' });
    const pending = sim.addPendingDeployment(failed.id, { environment: 'pypi' });
    expect(
      await client.reviewDeployments(failed.id, {
        environmentIds: [pending.environmentId],
        state: 'approved',
        comment: 'Approved in pyrelease',
      }),
    ).toEqual([{ id: expect.any(Number), environment: 'pypi', sha: SHAS.release, ref: 'v1.4.0' }]);
    expect(reviews).toEqual([
      { runId: failed.id, environments: ['pypi'], state: 'approved', comment: 'Approved in pyrelease' },
    ]);
  });

  it('creates a draft release, then publishes it (the tag appears, release-published fires)', async () => {
    const sim = await startSim();
    const published: ReleasePublishedEvent[] = [];
    sim.on('release-published', (event) => published.push(event));
    const client = github(sim);
    const draft = await client.createRelease({
      tagName: 'v1.4.0',
      targetCommitish: 'main',
      name: 'v1.4.0',
      body: '## Features\n- frobnicate',
      draft: true,
    });
    expect([draft.draft, draft.publishedAt, draft.htmlUrl.includes('/releases/tag/untagged-')]).toEqual([
      true,
      null,
      true,
    ]);
    const release = await client.updateRelease(draft.id, { tagName: 'v1.4.0', draft: false });
    expect([release.draft, release.htmlUrl, release.body]).toEqual([
      false,
      `${sim.htmlUrl}/acme/acme-tool/releases/tag/v1.4.0`,
      '## Features\n- frobnicate',
    ]);
    expect(published.map((event) => [event.release.tagName, event.sha])).toEqual([['v1.4.0', SHAS.release]]);
    expect(bodies(sim).map(([, , body]) => body)).toEqual([
      { tag_name: 'v1.4.0', target_commitish: 'main', name: 'v1.4.0', body: '## Features\n- frobnicate', draft: true },
      { tag_name: 'v1.4.0', draft: false },
    ]);
  });

  it('reports a duplicate release and a duplicate milestone as rejected, with GitHub’s reason', async () => {
    const sim = await startSim();
    const client = github(sim);
    await expect(client.createRelease({ tagName: 'v1.3.0' })).rejects.toMatchObject({
      code: 'github.rejected',
      message:
        'GitHub rejected POST /repos/acme/acme-tool/releases (422: Validation Failed ({"resource":"Release","code":"already_exists","field":"tag_name"})).',
    });
    expect(
      await client.createMilestone({ title: 'v1.5.0', description: 'Next', dueOn: '2026-12-31T00:00:00Z' }),
    ).toEqual({
      id: expect.any(Number),
      number: 1,
      title: 'v1.5.0',
      state: 'open',
      description: 'Next',
      dueOn: '2026-12-31T00:00:00Z',
      htmlUrl: `${sim.htmlUrl}/acme/acme-tool/milestone/1`,
    });
    await expect(client.createMilestone({ title: 'v1.5.0' })).rejects.toMatchObject({ code: 'github.rejected' });
  });
});
