import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OctokitGitHub } from '../../src/adapters/github-octokit';
import { checkPrerequisites } from '../../src/sandbox/prerequisites';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { scenarioNamed } from '../../src/sandbox/scenarios';

// Asynchronous on purpose: the remote's hooks call back into this process (the push relay),
// so a synchronous git would block the very event loop that has to answer them.
async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('git', args, { cwd, encoding: 'utf8' });
  return stdout.trim();
}

describe('a sandbox whose main is protected', () => {
  let sandbox: Sandbox;
  let github: OctokitGitHub;

  beforeAll(async () => {
    const prerequisites = await checkPrerequisites('static');
    expect(prerequisites.missing).toEqual([]);
    const scenario = scenarioNamed('protected-branch')!;
    scenario.actions.stepDelayMs = 0;
    scenario.actions.checkDelayMs = 0;
    scenario.indexLagMs = 0;
    sandbox = await createSandbox({ scenario, python: prerequisites.buildPython! });
    github = new OctokitGitHub({
      owner: sandbox.github.owner,
      repo: sandbox.github.repo,
      token: sandbox.env.GH_TOKEN!,
      baseUrl: sandbox.github.url,
      secondMs: 1,
    });
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  it("knows the sample history's merged pull requests, labelled for the release notes", async () => {
    const subjects = new Map(
      (await git(sandbox.project.remoteDir, 'log', '--format=%s%x1f%H', 'main'))
        .split('\n')
        .map((line) => line.split('\u001f') as [string, string]),
    );
    expect(await Promise.all([1, 2, 3, 4, 5].map((number) => github.issueLabels(number)))).toEqual([
      ['enhancement'],
      [],
      ['enhancement'],
      ['bug'],
      ['documentation'],
    ]);
    expect(await github.pullRequest(4)).toEqual({
      number: 4,
      title: 'fix: keep empty notebooks readable',
      state: 'closed',
      merged: true,
      mergeCommitSha: subjects.get('fix: keep empty notebooks readable (#4)'),
      headRef: 'empty-notebooks',
      headSha: subjects.get('fix: keep empty notebooks readable (#4)'),
      baseRef: 'main',
      htmlUrl: `${sandbox.github.htmlUrl}/pyrelease-sandbox/quillnote/pull/4`,
      labels: ['bug'],
    });
    expect(
      (await github.pullRequestsForHead('search-by-tag', 'all')).map((pr) => [pr.number, pr.mergeCommitSha]),
    ).toEqual([[3, subjects.get('feat: search notebooks by tag (#3)')]]);
  });

  it('refuses a plain push to main (GH006); a release branch merged through a pull request lands on main with green checks', async () => {
    const { projectDir, remoteDir } = sandbox.project;
    const pyproject = join(projectDir, 'pyproject.toml');
    writeFileSync(pyproject, readFileSync(pyproject, 'utf8').replace('version = "0.1.0"', 'version = "0.2.0"'));
    await git(projectDir, 'commit', '-q', '-am', 'Release 0.2.0');
    const release = await git(projectDir, 'rev-parse', 'HEAD');
    const oldMain = await git(remoteDir, 'rev-parse', 'refs/heads/main');
    await expect(git(projectDir, 'push', 'origin', 'main')).rejects.toMatchObject({
      stderr: expect.stringContaining('error: GH006: Protected branch update failed for refs/heads/main.'),
    });
    expect(await git(remoteDir, 'rev-parse', 'refs/heads/main')).toBe(oldMain);

    await git(projectDir, 'push', '-q', 'origin', 'HEAD:refs/heads/release/v0.2.0');
    const opened = await github.createPullRequest({
      title: 'Release 0.2.0',
      head: 'release/v0.2.0',
      base: 'main',
      body: 'The release commit of 0.2.0.',
    });
    expect([opened.number, opened.state, opened.headSha]).toEqual([6, 'open', release]);
    await sandbox.actions.idle();

    const merged = await github.pullRequest(6);
    expect([merged?.state, merged?.merged]).toEqual(['closed', true]);
    const mergeSha = merged?.mergeCommitSha ?? '';
    expect(await git(remoteDir, 'rev-parse', 'refs/heads/main')).toBe(mergeSha);
    expect(sandbox.github.ref('refs/heads/main')).toBe(mergeSha);
    expect((await git(remoteDir, 'rev-list', '--parents', '-n', '1', mergeSha)).split(' ')).toEqual([
      mergeSha,
      oldMain,
      release,
    ]);
    expect(await git(remoteDir, 'log', '-1', '--format=%s%n%b%cn', mergeSha)).toBe(
      'Merge pull request #6 from pyrelease-sandbox/release/v0.2.0\nRelease 0.2.0\nGitHub',
    );
    const green = [
      'build-validation',
      'docs-validation',
      'lint',
      'package-build',
      'release-label',
      'tests',
      'typecheck',
    ].map((name) => `${name}:completed:success`);
    for (const sha of [release, mergeSha]) {
      expect(
        (await github.checkRunsForRef(sha)).map((check) => `${check.name}:${check.status}:${check.conclusion}`).sort(),
      ).toEqual(green);
    }
    expect(readFileSync(sandbox.logPath, 'utf8')).toContain(
      `merge bot: merged pull request #6 (release/v0.2.0 into main) as ${mergeSha.slice(0, 7)}`,
    );
    expect(sandbox.github.crashes).toEqual([]);
    expect(sandbox.github.listenerErrors).toEqual([]);
  });
});

describe('a sandbox whose required check "tests" fails', () => {
  let sandbox: Sandbox;
  let github: OctokitGitHub;

  beforeAll(async () => {
    const prerequisites = await checkPrerequisites('static');
    const scenario = scenarioNamed('failing-check')!;
    scenario.actions.stepDelayMs = 0;
    scenario.actions.checkDelayMs = 0;
    scenario.indexLagMs = 0;
    sandbox = await createSandbox({ scenario, python: prerequisites.buildPython! });
    github = new OctokitGitHub({
      owner: sandbox.github.owner,
      repo: sandbox.github.repo,
      token: sandbox.env.GH_TOKEN!,
      baseUrl: sandbox.github.url,
      secondMs: 1,
    });
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  it('leaves the pull request open, main untouched, and logs which check failed', async () => {
    const { projectDir, remoteDir } = sandbox.project;
    await git(projectDir, 'commit', '-q', '--allow-empty', '-m', 'Release 0.2.0');
    const release = await git(projectDir, 'rev-parse', 'HEAD');
    const oldMain = await git(remoteDir, 'rev-parse', 'refs/heads/main');
    await git(projectDir, 'push', '-q', 'origin', 'HEAD:refs/heads/release/v0.2.0');
    await github.createPullRequest({ title: 'Release 0.2.0', head: 'release/v0.2.0', base: 'main' });
    await sandbox.actions.idle();

    expect(await github.pullRequest(6)).toMatchObject({
      state: 'open',
      merged: false,
      mergeCommitSha: null,
      headSha: release,
    });
    expect(await git(remoteDir, 'rev-parse', 'refs/heads/main')).toBe(oldMain);
    expect(
      (await github.checkRunsForRef(release, { checkName: 'tests' })).map((check) => [check.status, check.conclusion]),
    ).toEqual([['completed', 'failure']]);
    expect(readFileSync(sandbox.logPath, 'utf8')).toContain(
      `merge bot: pull request #6 stays open: required checks failed on ${release.slice(0, 7)}: tests`,
    );
  });
});
