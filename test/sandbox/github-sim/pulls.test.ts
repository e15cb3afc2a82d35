import { describe, expect, it } from 'vitest';
import type { GitHubSim, PullRequestOpenedEvent } from '../../../src/sandbox/github-sim';
import { call, repoPath, sha, SHAS, useSim } from './sim-fixture';

type Body = Record<string, unknown>;
const ZERO = '0'.repeat(40);
const BRANCH_SHA = sha('release-branch');

/** `release/v1.4.0` pushed: one commit on top of main. */
function pushReleaseBranch(sim: GitHubSim): void {
  sim.addCommits([
    {
      sha: BRANCH_SHA,
      message: 'Release 1.4.0',
      author: { name: 'Maintainer', email: 'maintainer@example.invalid' },
      date: '2026-11-21T08:00:00Z',
      parents: [SHAS.release],
    },
  ]);
  sim.onPush({ ref: 'refs/heads/release/v1.4.0', sha: BRANCH_SHA, before: ZERO });
}

const open = (sim: GitHubSim, body: Body) => call(sim, 'POST', repoPath('/pulls'), { body });
const numbers = async (sim: GitHubSim, query: string) =>
  ((await call(sim, 'GET', repoPath(`/pulls${query}`))).body as Body[]).map((pr) => pr.number);

describe('simulated GitHub: pull requests', () => {
  const startSim = useSim();

  it("opens one from a pushed branch at the branch's commit, and announces it", async () => {
    const sim = await startSim();
    pushReleaseBranch(sim);
    const opened: PullRequestOpenedEvent[] = [];
    sim.on('pull-request-opened', (event) => opened.push(event));
    const created = await open(sim, {
      title: 'Release 1.4.0',
      head: 'release/v1.4.0',
      base: 'main',
      body: 'Merge to release.',
    });
    expect([created.status, created.headers.get('location')]).toEqual([201, `${sim.url}/repos/acme/acme-tool/pulls/1`]);
    expect(created.body).toMatchObject({
      number: 1,
      state: 'open',
      title: 'Release 1.4.0',
      body: 'Merge to release.',
      draft: false,
      merged: false,
      merged_at: null,
      merge_commit_sha: null,
      commits: 1,
      user: { login: 'acme' },
      html_url: `${sim.htmlUrl}/acme/acme-tool/pull/1`,
      head: {
        ref: 'release/v1.4.0',
        sha: BRANCH_SHA,
        label: 'acme:release/v1.4.0',
        repo: { full_name: 'acme/acme-tool' },
      },
      base: { ref: 'main', sha: SHAS.release, label: 'acme:main' },
    });
    expect(opened).toEqual([{ number: 1, head: 'release/v1.4.0', base: 'main', headSha: BRANCH_SHA }]);
  });

  it.each([
    [
      'a head branch GitHub does not have',
      { head: 'release/v9', base: 'main' },
      [{ resource: 'PullRequest', code: 'invalid', field: 'head' }],
    ],
    [
      'a head in another owner’s fork',
      { head: 'mallory:release/v1.4.0', base: 'main' },
      [{ resource: 'PullRequest', code: 'invalid', field: 'head' }],
    ],
    [
      'a base branch GitHub does not have',
      { head: 'release/v1.4.0', base: 'develop' },
      [{ resource: 'PullRequest', code: 'invalid', field: 'base' }],
    ],
    [
      'the head equal to the base',
      { head: 'main', base: 'main' },
      [{ resource: 'PullRequest', code: 'custom', message: 'No commits between main and main' }],
    ],
    [
      'a head with nothing new',
      { head: 'stale', base: 'main' },
      [{ resource: 'PullRequest', code: 'custom', message: 'No commits between main and stale' }],
    ],
    [
      'no title',
      { title: ' ', head: 'release/v1.4.0', base: 'main' },
      [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
    ],
  ])('refuses %s with 422 Validation Failed', async (_case, fields, errors) => {
    const sim = await startSim();
    pushReleaseBranch(sim);
    sim.onPush({ ref: 'refs/heads/stale', sha: SHAS.fix, before: ZERO });
    const opened: unknown[] = [];
    sim.on('pull-request-opened', (event) => opened.push(event));
    const refused = await open(sim, { title: 'Release 1.4.0', ...fields });
    expect([refused.status, (refused.body as Body).message, (refused.body as Body).errors]).toEqual([
      422,
      'Validation Failed',
      errors,
    ]);
    expect([opened, sim.pullRequests()]).toEqual([[], []]);
  });

  it('refuses a second open pull request for the same head and base, naming it', async () => {
    const sim = await startSim();
    pushReleaseBranch(sim);
    expect((await open(sim, { title: 'Release 1.4.0', head: 'release/v1.4.0', base: 'main' })).status).toBe(201);
    const again = await open(sim, { title: 'Release 1.4.0 again', head: 'acme:release/v1.4.0', base: 'main' });
    expect([again.status, (again.body as Body).errors]).toEqual([
      422,
      [{ resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for acme:release/v1.4.0.' }],
    ]);
    expect((await call(sim, 'POST', repoPath('/pulls'), { body: { title: 'x', base: 'main' } })).body).toMatchObject({
      message: `Invalid request.\n\n"head" wasn't supplied.`,
    });
  });

  it('gets one by number (404 when unknown), following pushes to its head while open', async () => {
    const sim = await startSim();
    pushReleaseBranch(sim);
    await open(sim, { title: 'Release 1.4.0', head: 'release/v1.4.0', base: 'main', draft: true });
    const fixup = sha('fixup');
    sim.addCommits([
      {
        sha: fixup,
        message: 'Fix the changelog',
        author: { name: 'Maintainer', email: 'maintainer@example.invalid' },
        date: '2026-11-21T08:30:00Z',
        parents: [BRANCH_SHA],
      },
    ]);
    sim.onPush({ ref: 'refs/heads/release/v1.4.0', sha: fixup, before: BRANCH_SHA });
    const got = (await call(sim, 'GET', repoPath('/pulls/1'))).body as Body & { head: Body };
    expect([got.draft, got.head.sha, got.commits, got.mergeable, got.mergeable_state]).toEqual([
      true,
      fixup,
      2,
      true,
      'clean',
    ]);
    expect((await call(sim, 'GET', repoPath('/pulls/2'))).status).toBe(404);
  });

  it('records a merge: closed, merged by the merge commit, head and base frozen', async () => {
    const sim = await startSim();
    pushReleaseBranch(sim);
    await open(sim, { title: 'Release 1.4.0', head: 'release/v1.4.0', base: 'main' });
    const merge = sha('merge');
    sim.addCommits([
      {
        sha: merge,
        message: 'Merge pull request #1 from acme/release/v1.4.0',
        author: { name: 'Maintainer', email: 'maintainer@example.invalid' },
        date: '2026-11-21T09:00:00Z',
        parents: [SHAS.release, BRANCH_SHA],
      },
    ]);
    sim.onPush({ ref: 'refs/heads/main', sha: merge, before: SHAS.release });
    expect(sim.mergePullRequest(1, merge)).toMatchObject({
      state: 'closed',
      merged: true,
      mergeCommitSha: merge,
      mergedBy: 'acme',
    });
    const got = (await call(sim, 'GET', repoPath('/pulls/1'))).body as Body & {
      head: Body;
      base: Body;
      merged_by: Body;
    };
    expect([
      got.state,
      got.merged,
      got.merged_at,
      got.merge_commit_sha,
      got.merged_by.login,
      got.head.sha,
      got.base.sha,
      got.mergeable,
    ]).toEqual(['closed', true, '2026-11-21T09:00:00Z', merge, 'acme', BRANCH_SHA, SHAS.release, null]);
    expect(() => sim.mergePullRequest(1, merge)).toThrow('Simulated pull request #1 is merged already');
  });

  it('lists by state, by owner:branch head (a bare branch is ignored, as on GitHub) and by base, newest first', async () => {
    const sim = await startSim();
    pushReleaseBranch(sim);
    sim.onPush({ ref: 'refs/heads/docs', sha: BRANCH_SHA, before: ZERO });
    sim.addPullRequest({
      number: 1,
      title: 'Add the frobnicate command',
      head: 'frobnicate',
      base: 'main',
      merged: { sha: SHAS.feature, at: '2026-10-05T10:00:00Z' },
    });
    sim.addPullRequest({
      number: 2,
      title: 'Fix crash on empty input',
      head: 'fix-empty',
      base: 'main',
      merged: { sha: SHAS.fix, at: '2026-10-07T10:00:00Z' },
    });
    await open(sim, { title: 'Release 1.4.0', head: 'release/v1.4.0', base: 'main' });
    await open(sim, { title: 'Docs', head: 'docs', base: 'main' });
    expect(await numbers(sim, '')).toEqual([4, 3]);
    expect(await numbers(sim, '?state=closed')).toEqual([2, 1]);
    expect(await numbers(sim, '?state=all')).toEqual([4, 3, 2, 1]);
    expect(await numbers(sim, '?state=all&direction=asc')).toEqual([1, 2, 3, 4]);
    expect(await numbers(sim, `?head=${encodeURIComponent('acme:release/v1.4.0')}`)).toEqual([3]);
    expect(await numbers(sim, `?head=${encodeURIComponent('ACME:release/v1.4.0')}&state=all`)).toEqual([3]);
    expect(await numbers(sim, '?head=release/v1.4.0')).toEqual([4, 3]);
    expect(await numbers(sim, `?head=${encodeURIComponent('acme:fix-empty')}&state=all`)).toEqual([2]);
    expect(await numbers(sim, '?base=develop&state=all')).toEqual([]);
    expect((await call(sim, 'GET', repoPath('/pulls?state=merged'))).status).toBe(422);
  });

  it('pages the list like every other (link header, /repositories/{id} form)', async () => {
    const sim = await startSim();
    for (const number of [1, 2, 3])
      sim.addPullRequest({
        number,
        title: `Change ${number}`,
        head: `change-${number}`,
        base: 'main',
        merged: { sha: SHAS.fix, at: `2026-10-0${number}T10:00:00Z` },
      });
    const first = await call(sim, 'GET', repoPath('/pulls?state=all&per_page=2'));
    expect((first.body as Body[]).map((pr) => pr.number)).toEqual([3, 2]);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1] ?? '';
    expect(next).toMatch(/\/repositories\/\d+\/pulls\?state=all&per_page=2&page=2$/);
    expect(((await call(sim, 'GET', next)).body as Body[]).map((pr) => pr.number)).toEqual([1]);
  });

  it('shows a pull request as an issue: its labels, and the pull_request key (404 for an unknown number)', async () => {
    const sim = await startSim();
    sim.addPullRequest({
      number: 3,
      title: 'Fix crash on empty input',
      head: 'fix-empty',
      base: 'main',
      user: 'bob',
      labels: ['bug', 'needs: triage'],
      merged: { sha: SHAS.fix, at: '2026-10-07T10:00:00Z' },
    });
    const issue = (await call(sim, 'GET', repoPath('/issues/3'))).body as Body & {
      labels: Body[];
      pull_request: Body;
      user: Body;
    };
    expect([
      issue.number,
      issue.state,
      issue.user.login,
      issue.author_association,
      issue.pull_request.merged_at,
      issue.pull_request.url,
    ]).toEqual([3, 'closed', 'bob', 'CONTRIBUTOR', '2026-10-07T10:00:00Z', `${sim.url}/repos/acme/acme-tool/pulls/3`]);
    expect(issue.labels.map((label) => [label.name, label.color, label.description, label.default])).toEqual([
      ['bug', 'd73a4a', "Something isn't working", true],
      ['needs: triage', expect.stringMatching(/^[0-9a-f]{6}$/), null, false],
    ]);
    expect((await call(sim, 'GET', repoPath('/issues/2'))).status).toBe(404);
  });
});
