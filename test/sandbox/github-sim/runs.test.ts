import { describe, expect, it } from 'vitest';
import type { GitHubSim } from '../../../src/sandbox/github-sim';
import { FixedClock } from '../../helpers/fixed-clock';
import { call, repoPath, SHAS, useSim } from './sim-fixture';

type Body = Record<string, unknown>;
const runsOf = (body: unknown) =>
  ((body as { workflow_runs: Body[] }).workflow_runs ?? []).map((run) => [run.id, run.event, run.head_branch]);

describe('simulated GitHub: workflow runs', () => {
  const startSim = useSim();

  async function threeRuns(clock: FixedClock): Promise<{ sim: GitHubSim; ids: number[] }> {
    const sim = await startSim({ clock });
    const tagRun = sim.createRun({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
    });
    clock.time += 60_000;
    const dispatched = sim.createRun({
      workflow: 'publish-testpypi.yml',
      event: 'workflow_dispatch',
      headBranch: 'main',
      headSha: SHAS.release,
      status: 'completed',
      conclusion: 'success',
    });
    clock.time += 60_000;
    const ci = sim.createRun({
      workflow: 'ci.yml',
      event: 'push',
      headBranch: 'main',
      headSha: SHAS.fix,
      status: 'in_progress',
    });
    return { sim, ids: [tagRun.id, dispatched.id, ci.id] };
  }

  it('lists runs newest first, repo-wide and per workflow file or id', async () => {
    const clock = new FixedClock();
    const { sim, ids } = await threeRuns(clock);
    const [tagRun, dispatched, ci] = ids;
    expect(runsOf((await call(sim, 'GET', repoPath('/actions/runs'))).body)).toEqual([
      [ci, 'push', 'main'],
      [dispatched, 'workflow_dispatch', 'main'],
      [tagRun, 'push', 'v1.4.0'],
    ]);
    const workflowId = sim.workflows().find((workflow) => workflow.file === 'publish-pypi.yml')?.id;
    const byFile = await call(sim, 'GET', repoPath('/actions/workflows/publish-pypi.yml/runs'));
    const byId = await call(sim, 'GET', repoPath(`/actions/workflows/${workflowId}/runs`));
    expect(runsOf(byFile.body)).toEqual([[tagRun, 'push', 'v1.4.0']]);
    expect(byId.body).toEqual(byFile.body);
    expect((await call(sim, 'GET', repoPath('/actions/workflows/nope.yml/runs'))).status).toBe(404);
  });

  it.each([
    ['event=push', [2, 0]],
    ['branch=v1.4.0', [0]],
    [`head_sha=${SHAS.fix}`, [2]],
    ['status=completed', [1]],
    ['status=success', [1]],
    ['status=in_progress', [2]],
    ['actor=acme', [2, 1, 0]],
    ['created=>=2026-11-21T09:01:00Z', [2, 1]],
    ['created=>2026-11-21T09:01:00Z', [2]],
    ['created=2026-11-21T09:00:00Z..2026-11-21T09:01:00Z', [1, 0]],
    ['created=*..2026-11-21T09:00:30Z', [0]],
    ['created=2026-11-21', [2, 1, 0]],
    ['event=push&branch=main', [2]],
  ])('filters runs by %s', async (query, expected) => {
    const { sim, ids } = await threeRuns(new FixedClock());
    const answer = await call(sim, 'GET', repoPath(`/actions/runs?${query}`));
    expect(runsOf(answer.body).map(([id]) => ids.indexOf(id as number))).toEqual(expected);
    expect((answer.body as Body).total_count).toBe(expected.length);
  });

  it('refuses filters GitHub would refuse', async () => {
    const { sim } = await threeRuns(new FixedClock());
    expect((await call(sim, 'GET', repoPath('/actions/runs?status=done'))).status).toBe(422);
    expect((await call(sim, 'GET', repoPath('/actions/runs?created=yesterday'))).status).toBe(422);
  });

  it('pages with a link header in the /repositories/{id} form, which answers too', async () => {
    const sim = await startSim();
    for (let index = 0; index < 5; index += 1)
      sim.createRun({ workflow: 'ci.yml', event: 'push', headBranch: 'main', headSha: SHAS.release });
    const first = await call(sim, 'GET', repoPath('/actions/runs?per_page=2&event=push'));
    const repoId = (
      (first.body as { workflow_runs: Array<{ repository: { id: number } }> }).workflow_runs[0]?.repository.id ?? 0
    ).toString();
    const link = (first.headers.get('link') ?? '').replaceAll(sim.url, 'API').replaceAll(repoId, 'ID');
    expect(link).toBe(
      '<API/repositories/ID/actions/runs?per_page=2&event=push&page=2>; rel="next", <API/repositories/ID/actions/runs?per_page=2&event=push&page=3>; rel="last"',
    );
    const last = await call(sim, 'GET', `${sim.url}/repositories/${repoId}/actions/runs?per_page=2&event=push&page=3`);
    expect(runsOf(last.body)).toHaveLength(1);
    expect((last.headers.get('link') ?? '').replaceAll(sim.url, 'API').replaceAll(repoId, 'ID')).toBe(
      '<API/repositories/ID/actions/runs?per_page=2&event=push&page=2>; rel="prev", <API/repositories/ID/actions/runs?per_page=2&event=push&page=1>; rel="first"',
    );
    expect((await call(sim, 'GET', repoPath('/actions/runs?per_page=30'))).headers.get('link')).toBeNull();
  });

  it('serves a run, its jobs (latest attempt or all) and a single job', async () => {
    const sim = await startSim();
    const run = sim.createRun({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
      status: 'completed',
      conclusion: 'failure',
      jobs: [
        {
          name: 'build',
          status: 'completed',
          conclusion: 'success',
          steps: [{ name: 'Set up job', status: 'completed', conclusion: 'success' }],
        },
        {
          name: 'publish-to-pypi',
          status: 'completed',
          conclusion: 'failure',
          steps: [{ name: 'Publish', status: 'completed', conclusion: 'failure' }],
        },
      ],
    });
    const got = (await call(sim, 'GET', repoPath(`/actions/runs/${run.id}`))).body as Body;
    // A push run is titled with its head commit's subject.
    expect([got.status, got.conclusion, got.path, got.display_title, got.run_attempt]).toEqual([
      'completed',
      'failure',
      '.github/workflows/publish-pypi.yml',
      'Release 1.4.0',
      1,
    ]);
    expect((await call(sim, 'POST', repoPath(`/actions/runs/${run.id}/rerun-failed-jobs`))).status).toBe(201);
    const jobs = (query: string) =>
      call(sim, 'GET', repoPath(`/actions/runs/${run.id}/jobs${query}`)).then((answer) =>
        (answer.body as { jobs: Body[] }).jobs.map((job) => [job.name, job.run_attempt, job.status, job.conclusion]),
      );
    expect(await jobs('')).toEqual([
      ['build', 2, 'completed', 'success'],
      ['publish-to-pypi', 2, 'queued', null],
    ]);
    expect(await jobs('?filter=all')).toHaveLength(4);
    const jobId = sim.jobs(run.id)[0]?.id;
    const job = (await call(sim, 'GET', repoPath(`/actions/jobs/${jobId}`))).body as Body;
    expect([job.name, job.run_id, job.workflow_name, job.head_branch]).toEqual([
      'build',
      run.id,
      'Publish to PyPI',
      'v1.4.0',
    ]);
    expect((await call(sim, 'GET', repoPath('/actions/jobs/1'))).status).toBe(404);
  });

  it('answers job logs with a 302 to a signed URL that wants no token and expires', async () => {
    const clock = new FixedClock();
    const sim = await startSim({ clock });
    const run = sim.createRun({
      workflow: 'ci.yml',
      event: 'push',
      headBranch: 'main',
      headSha: SHAS.release,
      jobs: [{ name: 'test' }],
    });
    const jobId = sim.jobs(run.id)[0]?.id ?? 0;
    expect((await call(sim, 'GET', repoPath(`/actions/jobs/${jobId}/logs`))).status).toBe(404);
    sim.setJobLog(jobId, '##[group]Run pytest\n3 passed');
    const redirect = await call(sim, 'GET', repoPath(`/actions/jobs/${jobId}/logs`));
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    expect(
      location
        .replace(sim.url, 'API')
        .replace(/se=\d+/, 'se=EXP')
        .replace(/sig=\w+/, 'sig=SIG'),
    ).toBe(`API/_blob/job-logs/${jobId}?se=EXP&sp=r&sig=SIG`);
    const blob = await fetch(location);
    const bytes = Buffer.from(await blob.arrayBuffer());
    // As GitHub serves them: a byte-order mark, then a timestamp on every line.
    expect([blob.status, bytes.subarray(0, 3).toString('hex'), bytes.subarray(3).toString('utf8')]).toEqual([
      200,
      'efbbbf',
      '2026-11-21T09:00:00.0000000Z ##[group]Run pytest\n2026-11-21T09:00:00.0000000Z 3 passed\n',
    ]);
    const withToken = await call(sim, 'GET', location);
    expect(withToken.status).toBe(400);
    expect(String(withToken.body)).toContain('InvalidAuthenticationInfo');
    expect((await call(sim, 'GET', location.replace(/sig=\w+/, 'sig=forged'), { token: null })).status).toBe(403);
    clock.time += 61_000;
    expect((await call(sim, 'GET', location, { token: null })).status).toBe(403);
  });

  it('re-runs failed jobs and their skipped dependents in a new attempt, and fires rerun', async () => {
    const sim = await startSim();
    const events: unknown[] = [];
    sim.on('rerun', (event) => events.push(event));
    const run = sim.createRun({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
      status: 'in_progress',
      jobs: [
        { name: 'build', status: 'completed', conclusion: 'success' },
        { name: 'test', status: 'completed', conclusion: 'failure' },
        { name: 'publish', status: 'completed', conclusion: 'skipped' },
      ],
    });
    expect((await call(sim, 'POST', repoPath(`/actions/runs/${run.id}/rerun-failed-jobs`))).status).toBe(403);
    sim.updateRun(run.id, { status: 'completed', conclusion: 'failure' });
    const answer = await call(sim, 'POST', repoPath(`/actions/runs/${run.id}/rerun-failed-jobs`));
    expect([answer.status, answer.body]).toEqual([201, {}]);
    const again = sim.jobs(run.id).filter((job) => job.runAttempt === 2);
    expect(again.map((job) => [job.name, job.status, job.conclusion])).toEqual([
      ['build', 'completed', 'success'],
      ['test', 'queued', null],
      ['publish', 'queued', null],
    ]);
    expect(events).toEqual([{ runId: run.id, attempt: 2, failedOnly: true, jobIds: [again[1]?.id, again[2]?.id] }]);
    expect(sim.run(run.id)).toMatchObject({ runAttempt: 2, status: 'queued', conclusion: null });
  });

  it('re-runs a whole run and cancels a running one (409 once completed)', async () => {
    const sim = await startSim();
    const cancelled: unknown[] = [];
    sim.on('cancel', (event) => cancelled.push(event));
    const run = sim.createRun({
      workflow: 'ci.yml',
      event: 'push',
      headBranch: 'main',
      headSha: SHAS.release,
      status: 'completed',
      conclusion: 'success',
      jobs: [{ name: 'test', status: 'completed', conclusion: 'success' }],
    });
    expect(
      (await call(sim, 'POST', repoPath(`/actions/runs/${run.id}/rerun`), { body: { enable_debug_logging: true } }))
        .status,
    ).toBe(201);
    expect(sim.jobs(run.id).map((job) => [job.runAttempt, job.status])).toEqual([
      [1, 'completed'],
      [2, 'queued'],
    ]);
    expect((await call(sim, 'POST', repoPath(`/actions/runs/${run.id}/cancel`))).status).toBe(202);
    expect(sim.run(run.id)).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(cancelled).toEqual([{ runId: run.id }]);
    expect((await call(sim, 'POST', repoPath(`/actions/runs/${run.id}/cancel`))).status).toBe(409);
  });
});
