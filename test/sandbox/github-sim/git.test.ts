import { describe, expect, it } from 'vitest';
import { call, repoPath, sha, SHAS, useSim } from './sim-fixture';

type Body = Record<string, unknown>;

describe('simulated GitHub: refs, tags, compare, checks and statuses', () => {
  const startSim = useSim();

  it('answers a tag ref with its object (annotated: a tag object to dereference), 404 when missing', async () => {
    const sim = await startSim();
    const ref = await call(sim, 'GET', repoPath('/git/ref/tags/v1.3.0'));
    expect(ref.body).toMatchObject({ ref: 'refs/tags/v1.3.0', object: { type: 'tag', sha: SHAS.tagObject } });
    const tag = await call(sim, 'GET', repoPath(`/git/tags/${SHAS.tagObject}`));
    expect(tag.body).toMatchObject({
      tag: 'v1.3.0',
      message: 'Release 1.3.0',
      object: { type: 'commit', sha: SHAS.initial },
    });
    expect((await call(sim, 'GET', repoPath('/git/ref/heads/main'))).body).toMatchObject({
      object: { type: 'commit', sha: SHAS.release },
    });
    expect((await call(sim, 'GET', repoPath('/git/ref/tags/v9.9.9'))).status).toBe(404);
  });

  it('creates a lightweight tag ref once (422 when it exists or the object is unknown)', async () => {
    const sim = await startSim();
    const pushes: unknown[] = [];
    sim.on('push', (event) => pushes.push(event));
    const created = await call(sim, 'POST', repoPath('/git/refs'), {
      body: { ref: 'refs/tags/v1.4.0', sha: SHAS.release },
    });
    expect([created.status, (created.body as Body).ref]).toEqual([201, 'refs/tags/v1.4.0']);
    const again = await call(sim, 'POST', repoPath('/git/refs'), {
      body: { ref: 'refs/tags/v1.4.0', sha: SHAS.release },
    });
    expect([again.status, (again.body as Body).message]).toEqual([422, 'Reference already exists']);
    expect(
      (await call(sim, 'POST', repoPath('/git/refs'), { body: { ref: 'refs/tags/v2', sha: sha('nowhere') } })).status,
    ).toBe(422);
    expect(pushes).toHaveLength(1);
  });

  it('lists tags peeled to their commits', async () => {
    const sim = await startSim();
    sim.onPush({ ref: 'refs/tags/v1.4.0', sha: SHAS.release, before: '0'.repeat(40) });
    const tags = (await call(sim, 'GET', repoPath('/tags'))).body as Array<{ name: string; commit: { sha: string } }>;
    expect(tags.map((tag) => [tag.name, tag.commit.sha])).toEqual([
      ['v1.4.0', SHAS.release],
      ['v1.3.0', SHAS.initial],
    ]);
    sim.onPush({ ref: 'refs/tags/v1.4.0', sha: '0'.repeat(40), before: SHAS.release });
    expect(((await call(sim, 'GET', repoPath('/tags'))).body as unknown[]).length).toBe(1);
  });

  it('compares two refs: status, ahead/behind and commits oldest first', async () => {
    const sim = await startSim();
    const compare = async (basehead: string) => {
      const body = (await call(sim, 'GET', repoPath(`/compare/${basehead}`))).body as Body & {
        commits: Array<{ sha: string; commit: { message: string }; author: { login: string } | null }>;
      };
      return [
        body.status,
        body.ahead_by,
        body.behind_by,
        body.commits.map((commit) => [commit.commit.message.split('\n')[0], commit.author?.login ?? null]),
      ];
    };
    expect(await compare('v1.3.0...main')).toEqual([
      'ahead',
      3,
      0,
      [
        ['Add the frobnicate command (#1)', 'alice'],
        ['Merge pull request #2 from bob/fix-empty', 'bob'],
        ['Release 1.4.0', null],
      ],
    ]);
    expect(await compare(`main...${SHAS.feature.slice(0, 7)}`)).toEqual(['behind', 0, 2, []]);
    expect(await compare('main...main')).toEqual(['identical', 0, 0, []]);
    sim.addCommits([
      {
        sha: sha('side'),
        message: 'Side work',
        author: { name: 'Eve', email: 'eve@example.invalid' },
        date: '2026-11-01T00:00:00Z',
        parents: [SHAS.feature],
      },
    ]);
    expect(await compare(`main...${sha('side')}`)).toEqual(['diverged', 1, 2, [['Side work', null]]]);
    expect((await call(sim, 'GET', repoPath('/compare/main...nope'))).status).toBe(404);
  });

  it('lists check runs for a ref: workflow jobs and other apps, latest per name, filtered', async () => {
    const sim = await startSim();
    sim.addCheckRun(SHAS.release, {
      name: 'docs-validation',
      status: 'completed',
      conclusion: 'success',
      appSlug: 'readthedocs',
    });
    const run = sim.createRun({
      workflow: 'ci.yml',
      event: 'push',
      headBranch: 'main',
      headSha: SHAS.release,
      status: 'completed',
      conclusion: 'failure',
      jobs: [
        { name: 'lint', status: 'completed', conclusion: 'success' },
        { name: 'tests', status: 'completed', conclusion: 'failure' },
      ],
    });
    await call(sim, 'POST', repoPath(`/actions/runs/${run.id}/rerun-failed-jobs`));
    const checks = async (ref: string, query = '') =>
      (
        (await call(sim, 'GET', repoPath(`/commits/${ref}/check-runs${query}`))).body as {
          check_runs: Array<Body & { app: { slug: string } }>;
        }
      ).check_runs.map((check) => [check.name, check.status, check.conclusion, check.app.slug]);
    expect(await checks('main')).toEqual([
      ['tests', 'queued', null, 'github-actions'],
      ['lint', 'completed', 'success', 'github-actions'],
      ['docs-validation', 'completed', 'success', 'readthedocs'],
    ]);
    expect(await checks(SHAS.release, '?filter=all')).toHaveLength(5);
    expect(await checks('main', '?check_name=lint')).toEqual([['lint', 'completed', 'success', 'github-actions']]);
    expect(await checks('main', '?status=queued')).toEqual([['tests', 'queued', null, 'github-actions']]);
    expect(await checks('v1.3.0')).toEqual([]);
    expect((await call(sim, 'GET', repoPath('/commits/nope/check-runs'))).status).toBe(422);
  });

  it('combines commit statuses: pending with none, the newest per context, failure wins', async () => {
    const sim = await startSim();
    const combined = async () => {
      const body = (await call(sim, 'GET', repoPath('/commits/main/status'))).body as Body & { statuses: Body[] };
      return [body.state, body.total_count, body.statuses.map((status) => [status.context, status.state])];
    };
    expect(await combined()).toEqual(['pending', 0, []]);
    sim.setCommitStatus(SHAS.release, { context: 'release-label', state: 'pending' });
    sim.setCommitStatus(SHAS.release, {
      context: 'ci/legacy',
      state: 'success',
      targetUrl: 'https://ci.example.invalid/1',
    });
    expect(await combined()).toEqual([
      'pending',
      2,
      [
        ['ci/legacy', 'success'],
        ['release-label', 'pending'],
      ],
    ]);
    sim.setCommitStatus(SHAS.release, { context: 'release-label', state: 'success' });
    expect((await combined())[0]).toBe('success');
    sim.setCommitStatus(SHAS.release, { context: 'ci/legacy', state: 'error' });
    expect((await combined())[0]).toBe('failure');
  });
});
