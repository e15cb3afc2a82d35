import { describe, expect, it } from 'vitest';
import { OctokitGitHub, type GitHubClientOptions } from '../../src/adapters/github-octokit';
import type { GitHubSim } from '../../src/sandbox/github-sim';
import { schemaProblems } from '../sandbox/github-sim/schema-problems';
import { OWNER, REPO, SHAS, TOKEN, useSim } from '../sandbox/github-sim/sim-fixture';

function github(sim: GitHubSim, options: Partial<GitHubClientOptions> = {}): OctokitGitHub {
  return new OctokitGitHub({ owner: OWNER, repo: REPO, token: TOKEN, baseUrl: sim.url, secondMs: 1, ...options });
}

const pathOf = (sim: GitHubSim) =>
  sim.requestLog
    .entries()
    .map(
      (entry) => `${entry.method} ${entry.url.replace(/\/repositories\/\d+/, '/repositories/ID')} → ${entry.status}`,
    );

describe('OctokitGitHub reads', () => {
  const startSim = useSim();

  it('sends the pinned API version, a user agent and the token on every request', async () => {
    const sim = await startSim();
    await github(sim).listReleases();
    expect(
      sim.requestLog.entries().map((entry) => [entry.apiVersion, entry.userAgent?.split(' ')[0], entry.auth]),
    ).toEqual([['2022-11-28', 'pyrelease', 'token']]);
  });

  it('takes the API base from GITHUB_API_URL, without its trailing slash', async () => {
    const sim = await startSim();
    const client = new OctokitGitHub({
      owner: OWNER,
      repo: REPO,
      token: TOKEN,
      env: { GITHUB_API_URL: `${sim.url}/` },
      secondMs: 1,
    });
    expect(client.baseUrl).toBe(sim.url);
    expect(await client.listReleases()).toHaveLength(1);
  });

  it('follows link pagination verbatim and stops at the limit', async () => {
    const sim = await startSim();
    const created = Array.from(
      { length: 5 },
      () => sim.createRun({ workflow: 'ci.yml', event: 'push', headBranch: 'main', headSha: SHAS.release }).id,
    );
    const runs = await github(sim).runsForWorkflow('ci.yml', { event: 'push', perPage: 2, limit: 5 });
    expect(runs.map((run) => run.id)).toEqual([...created].reverse());
    expect(pathOf(sim)).toEqual([
      'GET /repos/acme/acme-tool/actions/workflows/ci.yml/runs?per_page=2&event=push → 200',
      'GET /repositories/ID/actions/workflows/ci.yml/runs?per_page=2&event=push&page=2 → 200',
      'GET /repositories/ID/actions/workflows/ci.yml/runs?per_page=2&event=push&page=3 → 200',
    ]);
    sim.requestLog.clear();
    expect(await github(sim).runsForWorkflow('ci.yml', { perPage: 2, limit: 3 })).toHaveLength(3);
    expect(sim.requestLog.entries()).toHaveLength(2);
  });

  it('maps runs, jobs and steps to the port’s fields', async () => {
    const sim = await startSim();
    const made = sim.createRun({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
      status: 'in_progress',
      jobs: [
        {
          name: 'build',
          status: 'in_progress',
          steps: [{ name: 'Set up job', status: 'completed', conclusion: 'success' }, { name: 'Build' }],
        },
      ],
    });
    const client = github(sim);
    const run = await client.run(made.id);
    expect(run).toMatchObject({
      id: made.id,
      name: 'Publish to PyPI',
      displayTitle: 'Release 1.4.0',
      runNumber: 1,
      runAttempt: 1,
      event: 'push',
      status: 'in_progress',
      conclusion: null,
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
      path: '.github/workflows/publish-pypi.yml',
      htmlUrl: `${sim.htmlUrl}/acme/acme-tool/actions/runs/${made.id}`,
      createdAt: '2026-11-21T09:00:00Z',
      actorLogin: 'acme',
      triggeringActorLogin: 'acme',
    });
    const [job] = await client.jobs(made.id);
    expect(
      job && [
        job.name,
        job.status,
        job.conclusion,
        job.runnerName?.startsWith('GitHub Actions'),
        job.steps.map((step) => [step.number, step.name, step.status, step.conclusion]),
      ],
    ).toEqual([
      'build',
      'in_progress',
      null,
      true,
      [
        [1, 'Set up job', 'completed', 'success'],
        [2, 'Build', 'queued', null],
      ],
    ]);
  });

  it('reads pending deployments, check runs and the combined status', async () => {
    const sim = await startSim();
    const run = sim.createRun({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
      status: 'waiting',
      jobs: [{ name: 'publish-to-pypi', status: 'waiting' }],
    });
    sim.addPendingDeployment(run.id, { environment: 'pypi', reviewers: [{ type: 'Team', name: 'releasers' }] });
    sim.addCheckRun(SHAS.release, {
      name: 'lint',
      status: 'completed',
      conclusion: 'success',
      title: 'Lint',
      summary: 'All good',
    });
    sim.setCommitStatus(SHAS.release, {
      context: 'release-label',
      state: 'pending',
      description: 'Waiting for a label',
    });
    const client = github(sim);
    expect(await client.pendingDeployments(run.id)).toEqual([
      {
        environment: {
          id: expect.any(Number),
          name: 'pypi',
          htmlUrl: `${sim.htmlUrl}/acme/acme-tool/deployments/activity_log?environments_filter=pypi`,
        },
        waitTimer: 0,
        waitTimerStartedAt: null,
        currentUserCanApprove: true,
        reviewers: [{ type: 'Team', name: 'releasers' }],
      },
    ]);
    const checks = await client.checkRunsForRef('main');
    expect(
      checks.map((check) => [check.name, check.status, check.conclusion, check.appSlug, check.outputTitle]),
    ).toEqual([
      ['lint', 'completed', 'success', 'github-actions', 'Lint'],
      ['publish-to-pypi', 'waiting', null, 'github-actions', null],
    ]);
    expect(await client.checkRunsForRef('main', { checkName: 'lint' })).toHaveLength(1);
    expect(await client.combinedStatus('main')).toEqual({
      state: 'pending',
      sha: SHAS.release,
      totalCount: 1,
      statuses: [
        {
          context: 'release-label',
          state: 'pending',
          description: 'Waiting for a label',
          targetUrl: null,
          createdAt: '2026-11-21T09:00:00Z',
        },
      ],
    });
  });

  it('finds releases by tag (never drafts), lists them, and reads milestones', async () => {
    const sim = await startSim();
    const client = github(sim);
    await client.createRelease({ tagName: 'v1.4.0', name: 'v1.4.0', body: 'Draft notes', draft: true });
    await client.createMilestone({ title: 'v1.5.0' });
    expect(await client.releaseByTag('v1.4.0')).toBeUndefined();
    expect(await client.releaseByTag('v1.3.0')).toMatchObject({
      tagName: 'v1.3.0',
      draft: false,
      body: 'First release',
      authorLogin: 'acme',
      htmlUrl: `${sim.htmlUrl}/acme/acme-tool/releases/tag/v1.3.0`,
    });
    expect(
      (await client.listReleases()).map((release) => [release.tagName, release.draft, release.publishedAt === null]),
    ).toEqual([
      ['v1.4.0', true, true],
      ['v1.3.0', false, false],
    ]);
    expect(
      (await client.milestones()).map((milestone) => [milestone.number, milestone.title, milestone.state]),
    ).toEqual([[1, 'v1.5.0', 'open']]);
  });

  it('dereferences an annotated tag to its commit; a missing tag is undefined', async () => {
    const sim = await startSim();
    sim.onPush({ ref: 'refs/tags/v1.4.0', sha: SHAS.release, before: '0'.repeat(40) });
    const client = github(sim);
    expect(await client.tagRef('v1.3.0')).toEqual({
      ref: 'refs/tags/v1.3.0',
      objectType: 'tag',
      objectSha: SHAS.tagObject,
      commitSha: SHAS.initial,
    });
    expect(await client.tagRef('v1.4.0')).toEqual({
      ref: 'refs/tags/v1.4.0',
      objectType: 'commit',
      objectSha: SHAS.release,
      commitSha: SHAS.release,
    });
    expect(await client.tagRef('v9.9.9')).toBeUndefined();
  });

  it('compares refs and generates notes (a POST that saves nothing)', async () => {
    const sim = await startSim();
    const client = github(sim);
    const comparison = await client.compare('v1.3.0', 'main');
    expect([comparison.status, comparison.aheadBy, comparison.behindBy, comparison.totalCommits]).toEqual([
      'ahead',
      3,
      0,
      3,
    ]);
    expect(
      comparison.commits.map((commit) => [commit.message.split('\n')[0], commit.authorLogin, commit.date]),
    ).toEqual([
      ['Add the frobnicate command (#1)', 'alice', '2026-10-05T10:00:00Z'],
      ['Merge pull request #2 from bob/fix-empty', 'bob', '2026-10-07T10:00:00Z'],
      ['Release 1.4.0', null, '2026-11-20T10:00:00Z'],
    ]);
    const notes = await client.generateNotes({ tagName: 'v1.4.0', targetCommitish: 'main', previousTagName: 'v1.3.0' });
    expect(notes.body.split('\n')[0]).toBe("## What's Changed");
    expect(sim.releases()).toHaveLength(1);
  });

  it('downloads a job log through the redirect, without sending the token to storage', async () => {
    const sim = await startSim();
    const run = sim.createRun({
      workflow: 'ci.yml',
      event: 'push',
      headBranch: 'main',
      headSha: SHAS.release,
      jobs: [{ name: 'test', status: 'completed', conclusion: 'failure' }],
    });
    const jobId = sim.jobs(run.id)[0]?.id ?? 0;
    const client = github(sim);
    expect(await client.jobLog(jobId)).toBeUndefined();
    sim.setJobLog(jobId, 'FAILED tests/test_cli.py::test_empty');
    expect(await client.jobLog(jobId)).toBe('2026-11-21T09:00:00.0000000Z FAILED tests/test_cli.py::test_empty\n');
    expect(sim.requestLog.entries().map((entry) => [entry.url.split('?')[0], entry.status, entry.auth])).toEqual([
      [`/repos/acme/acme-tool/actions/jobs/${jobId}/logs`, 404, 'token'],
      [`/repos/acme/acme-tool/actions/jobs/${jobId}/logs`, 302, 'token'],
      [`/_blob/job-logs/${jobId}`, 200, 'none'],
    ]);
  });

  it('consumes only answers that match GitHub’s OpenAPI description', async () => {
    const sim = await startSim();
    const run = sim.createRun({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headBranch: 'v1.4.0',
      headSha: SHAS.release,
      status: 'waiting',
      jobs: [{ name: 'publish', status: 'waiting', steps: [{ name: 'Publish' }] }],
    });
    const pending = sim.addPendingDeployment(run.id, { environment: 'pypi' });
    sim.setJobLog(sim.jobs(run.id)[0]?.id ?? 0, 'waiting');
    sim.addCheckRun(SHAS.release, { name: 'docs', status: 'queued' });
    const client = github(sim);
    await client.runsForWorkflow('publish-pypi.yml', { headSha: SHAS.release });
    await client.run(run.id);
    await client.jobs(run.id, 'all');
    await client.jobLog(sim.jobs(run.id)[0]?.id ?? 0);
    await client.pendingDeployments(run.id);
    await client.reviewDeployments(run.id, {
      environmentIds: [pending.environmentId],
      state: 'approved',
      comment: 'ok',
    });
    await client.checkRunsForRef(SHAS.release);
    await client.combinedStatus(SHAS.release);
    await client.dispatch('publish-testpypi.yml', 'main', { version: '1.4.0rc1' });
    const draft = await client.createRelease({ tagName: 'v1.4.0', draft: true });
    await client.updateRelease(draft.id, { tagName: 'v1.4.0', draft: false });
    await client.releaseByTag('v1.4.0');
    await client.releaseByTag('v0.0.0');
    await client.listReleases();
    await client.tagRef('v1.3.0');
    await client.tagRef('v0.0.0');
    await client.createMilestone({ title: 'v1.5.0', dueOn: '2026-12-31T00:00:00Z' });
    await client.milestones('all');
    await client.compare('v1.3.0', 'v1.4.0');
    await client.generateNotes({ tagName: 'v1.4.0' });
    sim.updateJob(sim.jobs(run.id)[0]?.id ?? 0, { status: 'completed', conclusion: 'failure' });
    sim.updateRun(run.id, { status: 'completed', conclusion: 'failure' });
    await client.rerunFailedJobs(run.id);
    expect(sim.requestLog.entries().length).toBeGreaterThan(20);
    expect(schemaProblems(sim)).toEqual([]);
  });
});
