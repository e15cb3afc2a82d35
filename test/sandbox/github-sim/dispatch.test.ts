import { describe, expect, it } from 'vitest';
import type { DispatchEvent } from '../../../src/sandbox/github-sim';
import { call, repoPath, SHAS, useSim } from './sim-fixture';

const dispatchPath = (workflow: string) => repoPath(`/actions/workflows/${workflow}/dispatches`);

describe('simulated GitHub: dispatch and environment approvals', () => {
  const startSim = useSim();

  it('answers 204 without a body, creates a queued run and tells the workflow simulator', async () => {
    const sim = await startSim();
    const events: DispatchEvent[] = [];
    sim.on('dispatch', (event) => events.push(event));
    const answer = await call(sim, 'POST', dispatchPath('publish-testpypi.yml'), {
      body: { ref: 'main', inputs: { version: '1.4.0rc1', dry: true } },
    });
    expect([answer.status, answer.body]).toEqual([204, undefined]);
    const run = sim.runs()[0];
    expect(run).toMatchObject({
      event: 'workflow_dispatch',
      status: 'queued',
      headBranch: 'main',
      headSha: SHAS.release,
      displayTitle: 'Publish to TestPyPI',
      actor: 'acme',
    });
    expect(events.map((event) => [event.workflow.file, event.ref, event.sha, event.inputs, event.runId])).toEqual([
      ['publish-testpypi.yml', 'refs/heads/main', SHAS.release, { version: '1.4.0rc1', dry: 'true' }, run?.id],
    ]);
  });

  it('answers 200 with the run when asked for run details', async () => {
    const sim = await startSim();
    const answer = await call(sim, 'POST', dispatchPath('publish-testpypi.yml'), {
      body: { ref: 'v1.3.0', return_run_details: true },
    });
    const id = sim.runs()[0]?.id;
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      workflow_run_id: id,
      run_url: `${sim.url}/repos/acme/acme-tool/actions/runs/${id}`,
      html_url: `${sim.htmlUrl}/acme/acme-tool/actions/runs/${id}`,
    });
    // A tag ref runs on the tag's commit (peeled from the annotated tag object).
    expect(sim.run(id ?? 0)).toMatchObject({ headBranch: 'v1.3.0', headSha: SHAS.initial });
  });

  it.each([
    ['an unknown workflow', 'nope.yml', { ref: 'main' }, 404, 'Not Found'],
    [
      'a workflow without workflow_dispatch',
      'publish-pypi.yml',
      { ref: 'main' },
      422,
      "Workflow does not have 'workflow_dispatch' trigger",
    ],
    ['an unknown ref', 'publish-testpypi.yml', { ref: 'nope' }, 422, 'No ref found for: nope'],
    ['a missing ref', 'publish-testpypi.yml', {}, 422, 'Invalid request.\n\n"ref" wasn\'t supplied.'],
    [
      'an unknown field',
      'publish-testpypi.yml',
      { ref: 'main', colour: 'red' },
      422,
      'Invalid request.\n\n"colour" is not a permitted key.',
    ],
  ])('refuses %s', async (_what, workflow, body, status, message) => {
    const sim = await startSim();
    const answer = await call(sim, 'POST', dispatchPath(workflow), { body });
    expect([answer.status, (answer.body as { message: string }).message]).toEqual([status, message]);
    expect(sim.runs()).toEqual([]);
  });

  it('rejects return_run_details like an older GHES when told to', async () => {
    const sim = await startSim({ dispatchRunDetails: false });
    const answer = await call(sim, 'POST', dispatchPath('publish-testpypi.yml'), {
      body: { ref: 'main', return_run_details: true },
    });
    expect([answer.status, (answer.body as { message: string }).message]).toEqual([
      422,
      'Invalid request.\n\n"return_run_details" is not a permitted key.',
    ]);
    expect((await call(sim, 'POST', dispatchPath('publish-testpypi.yml'), { body: { ref: 'main' } })).status).toBe(204);
  });

  it('lists pending deployments and lets a required reviewer approve them', async () => {
    const sim = await startSim();
    const reviewed: unknown[] = [];
    sim.on('deployment-reviewed', (event) => reviewed.push(event));
    const run = sim.createRun({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
      status: 'waiting',
    });
    const pending = sim.addPendingDeployment(run.id, {
      environment: 'pypi',
      reviewers: [
        { type: 'User', name: 'acme' },
        { type: 'Team', name: 'releasers' },
      ],
    });
    const listed = (await call(sim, 'GET', repoPath(`/actions/runs/${run.id}/pending_deployments`))).body as Array<
      Record<string, unknown>
    >;
    expect(
      listed.map((item) => [
        (item.environment as { name: string }).name,
        item.current_user_can_approve,
        (item.reviewers as Array<{ type: string }>).map((r) => r.type),
      ]),
    ).toEqual([['pypi', true, ['User', 'Team']]]);
    const review = await call(sim, 'POST', repoPath(`/actions/runs/${run.id}/pending_deployments`), {
      body: { environment_ids: [pending.environmentId], state: 'approved', comment: 'Ship it' },
    });
    expect(review.status).toBe(200);
    expect((review.body as Array<Record<string, unknown>>).map((d) => [d.environment, d.sha, d.ref])).toEqual([
      ['pypi', SHAS.release, 'v1.4.0'],
    ]);
    expect(reviewed).toEqual([{ runId: run.id, environments: ['pypi'], state: 'approved', comment: 'Ship it' }]);
    expect(sim.pendingDeployments()).toEqual([]);
  });

  it('refuses a review from someone who may not approve, or of nothing pending', async () => {
    const sim = await startSim();
    const run = sim.createRun({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
      status: 'waiting',
    });
    const pending = sim.addPendingDeployment(run.id, { environment: 'pypi', currentUserCanApprove: false });
    const review = (ids: number[]) =>
      call(sim, 'POST', repoPath(`/actions/runs/${run.id}/pending_deployments`), {
        body: { environment_ids: ids, state: 'approved', comment: '' },
      });
    expect((await review([pending.environmentId])).status).toBe(422);
    expect((await review([1])).status).toBe(422);
    expect(
      (
        await call(sim, 'POST', repoPath(`/actions/runs/${run.id}/pending_deployments`), {
          body: { state: 'approved' },
        })
      ).status,
    ).toBe(422);
    expect(sim.pendingDeployments()).toHaveLength(1);
  });
});
