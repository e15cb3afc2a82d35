import { describe, expect, it } from 'vitest';
import { OctokitGitHub } from '../../src/adapters/github-octokit';
import type { GitHubSim } from '../../src/sandbox/github-sim';
import { schemaProblems } from '../sandbox/github-sim/schema-problems';
import { OWNER, REPO, sha, SHAS, TOKEN, useSim } from '../sandbox/github-sim/sim-fixture';

const BRANCH_SHA = sha('release-branch');

function github(sim: GitHubSim): OctokitGitHub {
  return new OctokitGitHub({ owner: OWNER, repo: REPO, token: TOKEN, baseUrl: sim.url, secondMs: 1 });
}

/** The release branch pushed, and a merged, labelled pull request #2 in the history. */
function seed(sim: GitHubSim): void {
  sim.addCommits([
    {
      sha: BRANCH_SHA,
      message: 'Release 1.4.0',
      author: { name: 'Maintainer', email: 'maintainer@example.invalid' },
      date: '2026-11-21T08:00:00Z',
      parents: [SHAS.release],
    },
  ]);
  sim.onPush({ ref: 'refs/heads/release/v1.4.0', sha: BRANCH_SHA, before: '0'.repeat(40) });
  sim.addPullRequest({
    number: 2,
    title: 'Fix crash on empty input',
    head: 'fix-empty',
    base: 'main',
    user: 'bob',
    labels: ['bug', 'needs: triage'],
    merged: { sha: SHAS.fix, at: '2026-10-07T10:00:00Z' },
  });
}

const requests = (sim: GitHubSim) =>
  sim.requestLog
    .entries()
    .map(
      (entry) =>
        `${entry.method} ${decodeURIComponent(entry.url)} → ${entry.status}${entry.ifNoneMatch ? ' (conditional)' : ''}`,
    );

describe('OctokitGitHub pull requests', () => {
  const startSim = useSim();

  it('opens a pull request and reads it back, the repeated read answered 304 from the cache', async () => {
    const sim = await startSim();
    seed(sim);
    const client = github(sim);
    const opened = await client.createPullRequest({
      title: 'Release 1.4.0',
      head: 'release/v1.4.0',
      base: 'main',
      body: 'Merge to release.',
    });
    const expected = {
      number: 3,
      title: 'Release 1.4.0',
      state: 'open',
      merged: false,
      mergeCommitSha: null,
      headRef: 'release/v1.4.0',
      headSha: BRANCH_SHA,
      baseRef: 'main',
      htmlUrl: `${sim.htmlUrl}/acme/acme-tool/pull/3`,
      labels: [],
    };
    expect(opened).toEqual(expected);
    expect(await client.pullRequest(3)).toEqual(expected);
    expect(await client.pullRequest(3)).toEqual(expected);
    expect(await client.pullRequest(99)).toBeUndefined();
    expect(requests(sim)).toEqual([
      'POST /repos/acme/acme-tool/pulls → 201',
      'GET /repos/acme/acme-tool/pulls/3 → 200',
      'GET /repos/acme/acme-tool/pulls/3 → 304 (conditional)',
      'GET /repos/acme/acme-tool/pulls/99 → 404',
    ]);
    expect(sim.requestLog.entries()[0]?.requestBody).toEqual({
      title: 'Release 1.4.0',
      head: 'release/v1.4.0',
      base: 'main',
      body: 'Merge to release.',
    });
    expect(schemaProblems(sim)).toEqual([]);
  });

  it('sees the merge on the next poll: merged, with the merge commit', async () => {
    const sim = await startSim();
    seed(sim);
    const client = github(sim);
    await client.createPullRequest({ title: 'Release 1.4.0', head: 'release/v1.4.0', base: 'main' });
    await client.pullRequest(3);
    const merge = sha('merge');
    sim.addCommits([
      {
        sha: merge,
        message: 'Merge pull request #3 from acme/release/v1.4.0',
        author: { name: 'Maintainer', email: 'maintainer@example.invalid' },
        date: '2026-11-21T09:00:00Z',
        parents: [SHAS.release, BRANCH_SHA],
      },
    ]);
    sim.onPush({ ref: 'refs/heads/main', sha: merge, before: SHAS.release });
    sim.mergePullRequest(3, merge);
    expect(await client.pullRequest(3)).toMatchObject({
      state: 'closed',
      merged: true,
      mergeCommitSha: merge,
      headSha: BRANCH_SHA,
    });
    expect(requests(sim).slice(-1)).toEqual(['GET /repos/acme/acme-tool/pulls/3 → 200 (conditional)']);
  });

  it('lists the pull requests of a head branch, sending the owner GitHub needs', async () => {
    const sim = await startSim();
    seed(sim);
    const client = github(sim);
    expect(await client.pullRequestsForHead('release/v1.4.0')).toEqual([]);
    await client.createPullRequest({ title: 'Release 1.4.0', head: 'release/v1.4.0', base: 'main' });
    expect((await client.pullRequestsForHead('release/v1.4.0')).map((pr) => [pr.number, pr.state, pr.merged])).toEqual([
      [3, 'open', false],
    ]);
    expect(await client.pullRequestsForHead('fix-empty')).toEqual([]);
    expect(await client.pullRequestsForHead('fix-empty', 'all')).toEqual([
      {
        number: 2,
        title: 'Fix crash on empty input',
        state: 'closed',
        merged: true,
        mergeCommitSha: SHAS.fix,
        headRef: 'fix-empty',
        headSha: SHAS.fix,
        baseRef: 'main',
        htmlUrl: `${sim.htmlUrl}/acme/acme-tool/pull/2`,
        labels: ['bug', 'needs: triage'],
      },
    ]);
    expect(requests(sim)[0]).toBe(
      'GET /repos/acme/acme-tool/pulls?head=acme:release/v1.4.0&state=open&per_page=100 → 200',
    );
    expect(schemaProblems(sim)).toEqual([]);
  });

  it('reads the labels of a pull request through its issue; none for an unknown number', async () => {
    const sim = await startSim();
    seed(sim);
    const client = github(sim);
    expect(await client.issueLabels(2)).toEqual(['bug', 'needs: triage']);
    expect(await client.issueLabels(1)).toEqual([]);
    expect(requests(sim)).toEqual([
      'GET /repos/acme/acme-tool/issues/2 → 200',
      'GET /repos/acme/acme-tool/issues/1 → 404',
    ]);
  });

  it.each([
    [
      'a branch GitHub does not have',
      { head: 'release/v9', base: 'main' },
      'GitHub rejected POST /repos/acme/acme-tool/pulls (422: Validation Failed ({"resource":"PullRequest","code":"invalid","field":"head"})).',
      'GitHub has no branch release/v9: push it first (`git push origin HEAD:refs/heads/release/v9`), then run `pyrelease --resume`.',
    ],
    [
      'a branch with nothing new',
      { head: 'main', base: 'main' },
      'GitHub rejected POST /repos/acme/acme-tool/pulls (422: Validation Failed ({"resource":"PullRequest","code":"custom","message":"No commits between main and main"})).',
      'main holds nothing main lacks: push the release commit to it (`git push origin HEAD:refs/heads/main`), then run `pyrelease --resume`.',
    ],
    [
      'a base GitHub does not have',
      { head: 'release/v1.4.0', base: 'trunk' },
      'GitHub rejected POST /repos/acme/acme-tool/pulls (422: Validation Failed ({"resource":"PullRequest","code":"invalid","field":"base"})).',
      'GitHub has no branch trunk: check the release branch in the pyrelease configuration, then run `pyrelease --resume`.',
    ],
  ])('explains a refused pull request (%s) and does not retry it', async (_case, refs, message, hint) => {
    const sim = await startSim();
    seed(sim);
    await expect(github(sim).createPullRequest({ title: 'Release 1.4.0', ...refs })).rejects.toMatchObject({
      code: 'github.rejected',
      message,
      hint,
    });
    expect(requests(sim)).toEqual(['POST /repos/acme/acme-tool/pulls → 422']);
  });

  it('names the pull request that is open already for the branch', async () => {
    const sim = await startSim();
    seed(sim);
    const client = github(sim);
    await client.createPullRequest({ title: 'Release 1.4.0', head: 'release/v1.4.0', base: 'main' });
    await expect(
      client.createPullRequest({ title: 'Release 1.4.0', head: 'release/v1.4.0', base: 'main' }),
    ).rejects.toMatchObject({
      code: 'github.rejected',
      hint: 'A pull request from release/v1.4.0 into main is open already: merge or close it on GitHub, then run `pyrelease --resume`.',
    });
  });
});
