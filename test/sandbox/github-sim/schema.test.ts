import { describe, expect, it } from 'vitest';
import { validateResponse } from '../../helpers/openapi';
import { schemaProblems } from './schema-problems';
import { call, repoPath, sha, SHAS, useSim } from './sim-fixture';

describe('simulated GitHub: answers match the OpenAPI description', () => {
  const startSim = useSim();

  it('validates every route, successes and refusals alike', async () => {
    const sim = await startSim();
    sim.addCheckRun(SHAS.release, {
      name: 'docs-validation',
      status: 'in_progress',
      title: 'Building',
      summary: 'Sphinx',
    });
    sim.setCommitStatus(SHAS.release, {
      context: 'release-label',
      state: 'success',
      description: 'labelled',
      targetUrl: 'https://ci.example.invalid/x',
    });
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
          steps: [
            { name: 'Set up job', status: 'completed', conclusion: 'success' },
            { name: 'Build', status: 'completed', conclusion: 'success' },
          ],
        },
        {
          name: 'publish',
          status: 'completed',
          conclusion: 'failure',
          steps: [{ name: 'Publish', status: 'completed', conclusion: 'failure' }],
        },
      ],
    });
    const [build] = sim.jobs(run.id);
    sim.setJobLog(build?.id ?? 0, 'ok');
    const waiting = sim.createRun({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
      status: 'waiting',
      jobs: [{ name: 'publish', status: 'waiting' }],
    });
    const pending = sim.addPendingDeployment(waiting.id, {
      environment: 'pypi',
      waitTimer: 5,
      reviewers: [
        { type: 'User', name: 'acme' },
        { type: 'Team', name: 'releasers' },
      ],
    });
    const draft = (
      await call(sim, 'POST', repoPath('/releases'), {
        body: { tag_name: 'v1.4.0', draft: true, generate_release_notes: true },
      })
    ).body as { id: number };
    sim.addCommits([
      {
        sha: sha('release-branch'),
        message: 'Release 1.4.0',
        author: { name: 'Maintainer', email: 'maintainer@example.invalid' },
        date: '2026-11-21T08:00:00Z',
        parents: [SHAS.release],
      },
    ]);
    sim.onPush({ ref: 'refs/heads/release/v1.4.0', sha: sha('release-branch'), before: '0'.repeat(40) });
    sim.addPullRequest({
      number: 2,
      title: 'Fix crash on empty input',
      head: 'fix-empty',
      base: 'main',
      user: 'bob',
      labels: ['bug', 'needs: triage'],
      merged: { sha: SHAS.fix, at: '2026-10-07T10:00:00Z' },
    });

    const requests: Array<[string, string, unknown?]> = [
      ['GET', '/actions/runs?per_page=1'],
      ['GET', '/actions/workflows/publish-pypi.yml/runs'],
      ['GET', `/actions/runs/${run.id}`],
      ['GET', `/actions/runs/${run.id}/jobs`],
      ['GET', `/actions/jobs/${build?.id}`],
      ['GET', `/actions/jobs/${build?.id}/logs`],
      ['POST', '/actions/workflows/publish-testpypi.yml/dispatches', { ref: 'main', return_run_details: true }],
      ['POST', '/actions/workflows/publish-testpypi.yml/dispatches', { ref: 'main' }],
      ['POST', '/actions/workflows/publish-pypi.yml/dispatches', { ref: 'main' }],
      ['POST', `/actions/runs/${run.id}/rerun-failed-jobs`],
      ['POST', `/actions/runs/${run.id}/cancel`],
      ['POST', `/actions/runs/${run.id}/cancel`],
      ['POST', `/actions/runs/${run.id}/rerun`],
      ['GET', `/actions/runs/${waiting.id}/pending_deployments`],
      [
        'POST',
        `/actions/runs/${waiting.id}/pending_deployments`,
        { environment_ids: [pending.environmentId], state: 'approved', comment: 'ok' },
      ],
      ['GET', '/commits/main/check-runs'],
      ['GET', '/commits/main/status'],
      ['GET', '/releases?per_page=1'],
      ['GET', `/releases/${draft.id}`],
      ['PATCH', `/releases/${draft.id}`, { draft: false, tag_name: 'v1.4.0' }],
      ['GET', '/releases/tags/v1.4.0'],
      ['GET', '/releases/latest'],
      ['POST', '/releases', { tag_name: 'v1.4.0' }],
      ['POST', '/releases/generate-notes', { tag_name: 'v1.4.0' }],
      ['GET', '/git/ref/tags/v1.3.0'],
      ['GET', '/git/ref/tags/v0'],
      ['POST', '/git/refs', { ref: 'refs/tags/v1.4.1', sha: SHAS.release }],
      ['POST', '/git/refs', { ref: 'refs/tags/v1.4.1', sha: SHAS.release }],
      ['GET', `/git/tags/${SHAS.tagObject}`],
      ['GET', '/tags'],
      ['POST', '/milestones', { title: 'v1.5.0', due_on: '2026-12-01T00:00:00Z' }],
      ['POST', '/milestones', { title: 'v1.5.0' }],
      ['GET', '/milestones?state=all'],
      ['GET', '/compare/v1.3.0...main'],
      ['GET', '/compare/v1.3.0...main?per_page=1&page=2'],
      [
        'POST',
        '/pulls',
        { title: 'Release 1.4.0', head: 'release/v1.4.0', base: 'main', body: 'Merge to release.', draft: false },
      ],
      ['POST', '/pulls', { title: 'Release 1.4.0', head: 'release/v1.4.0', base: 'main' }],
      ['GET', '/pulls/2'],
      ['GET', '/pulls/3'],
      ['GET', '/pulls/99'],
      ['GET', '/pulls?state=all&per_page=1'],
      ['GET', '/pulls?state=closed'],
      ['GET', `/pulls?head=${encodeURIComponent('acme:release/v1.4.0')}`],
      ['GET', '/issues/2'],
      ['GET', '/issues/3'],
      ['GET', '/issues/99'],
    ];
    for (const [method, path, body] of requests)
      await call(sim, method, repoPath(path), body === undefined ? {} : { body });

    expect(schemaProblems(sim)).toEqual([]);
    const covered = new Set(sim.requestLog.entries().map((entry) => `${entry.method} ${entry.route} ${entry.status}`));
    expect([...covered].sort()).toEqual([
      'GET /repos/{owner}/{repo}/actions/jobs/{job_id} 200',
      'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs 302',
      'GET /repos/{owner}/{repo}/actions/runs 200',
      'GET /repos/{owner}/{repo}/actions/runs/{run_id} 200',
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs 200',
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments 200',
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs 200',
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs 200',
      'GET /repos/{owner}/{repo}/commits/{ref}/status 200',
      'GET /repos/{owner}/{repo}/compare/{basehead} 200',
      'GET /repos/{owner}/{repo}/git/ref/{ref} 200',
      'GET /repos/{owner}/{repo}/git/ref/{ref} 404',
      'GET /repos/{owner}/{repo}/git/tags/{tag_sha} 200',
      'GET /repos/{owner}/{repo}/issues/{issue_number} 200',
      'GET /repos/{owner}/{repo}/issues/{issue_number} 404',
      'GET /repos/{owner}/{repo}/milestones 200',
      'GET /repos/{owner}/{repo}/pulls 200',
      'GET /repos/{owner}/{repo}/pulls/{pull_number} 200',
      'GET /repos/{owner}/{repo}/pulls/{pull_number} 404',
      'GET /repos/{owner}/{repo}/releases 200',
      'GET /repos/{owner}/{repo}/releases/latest 200',
      'GET /repos/{owner}/{repo}/releases/tags/{tag} 200',
      'GET /repos/{owner}/{repo}/releases/{release_id} 200',
      'GET /repos/{owner}/{repo}/tags 200',
      'PATCH /repos/{owner}/{repo}/releases/{release_id} 200',
      'POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel 202',
      'POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel 409',
      'POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments 200',
      'POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun 201',
      'POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs 201',
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches 200',
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches 204',
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches 422',
      'POST /repos/{owner}/{repo}/git/refs 201',
      'POST /repos/{owner}/{repo}/git/refs 422',
      'POST /repos/{owner}/{repo}/milestones 201',
      'POST /repos/{owner}/{repo}/milestones 422',
      'POST /repos/{owner}/{repo}/pulls 201',
      'POST /repos/{owner}/{repo}/pulls 422',
      'POST /repos/{owner}/{repo}/releases 201',
      'POST /repos/{owner}/{repo}/releases 422',
      'POST /repos/{owner}/{repo}/releases/generate-notes 200',
    ]);
  });

  it('catches a body that breaks the schema (the check is not vacuous)', () => {
    expect(
      validateResponse('/repos/{owner}/{repo}/git/ref/{ref}', 'GET', 200, {
        ref: 'refs/tags/v1',
        object: { sha: 'short', type: 'commit' },
      }),
    ).toEqual([
      "/ must have required property 'node_id'",
      "/ must have required property 'url'",
      "/object must have required property 'url'",
      '/object/sha must NOT have fewer than 40 characters',
    ]);
  });
});
