import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites } from '../../src/sandbox/prerequisites';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { scenarioNamed } from '../../src/sandbox/scenarios';

// Asynchronous on purpose: the remote's hook calls back into this process (the push relay),
// so a synchronous git would block the very event loop that has to answer it.
async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('git', args, { cwd, encoding: 'utf8' });
  return stdout.trim();
}

async function api(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.github.url}/repos/${sandbox.github.owner}/${sandbox.github.repo}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${sandbox.env.GH_TOKEN}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** As GitHub answers it: a redirect to a signed blob URL, which must be fetched without the token. */
async function jobLog(sandbox: Sandbox, jobId: number): Promise<string> {
  const redirect = await fetch(
    `${sandbox.github.url}/repos/${sandbox.github.owner}/${sandbox.github.repo}/actions/jobs/${jobId}/logs`,
    {
      headers: { authorization: `Bearer ${sandbox.env.GH_TOKEN}` },
      redirect: 'manual',
    },
  );
  expect(redirect.status).toBe(302);
  return (await fetch(redirect.headers.get('location')!)).text();
}

/** The TestPyPI rehearsal builds a release candidate from a release commit whose files say 0.1.1. */
describe.each([
  ['default', 'static', 'pyproject.toml'],
  ['setuptools-scm', 'scm', 'git tags'],
] as const)('the %s sandbox rehearses a candidate on TestPyPI', (scenarioName, shape, versionHome) => {
  let sandbox: Sandbox;
  let releaseSha: string;

  beforeAll(async () => {
    const prerequisites = await checkPrerequisites(shape);
    expect(prerequisites.missing).toEqual([]);
    const scenario = scenarioNamed(scenarioName)!;
    expect(scenario.shape).toBe(shape);
    scenario.actions.stepDelayMs = 0;
    scenario.actions.checkDelayMs = 0;
    scenario.indexLagMs = 0;
    sandbox = await createSandbox({ scenario, python: prerequisites.buildPython! });

    // The release commit: its files say 0.1.1 where the project keeps a version in a file.
    const { projectDir, module } = sandbox.project;
    if (shape === 'static') {
      const pyproject = join(projectDir, 'pyproject.toml');
      writeFileSync(pyproject, readFileSync(pyproject, 'utf8').replace('version = "0.1.0"', 'version = "0.1.1"'));
    }
    writeFileSync(join(projectDir, 'CHANGELOG.md'), '# 0.1.1\n\n- search notebooks by tag\n');
    await git(projectDir, 'add', '-A');
    await git(projectDir, 'commit', '-q', '-m', 'Release 0.1.1');
    await git(projectDir, 'push', '-q', 'origin', 'main');
    await sandbox.actions.idle();
    releaseSha = await git(projectDir, 'rev-parse', 'HEAD');
    if (shape === 'static') expect(await git(projectDir, 'show', 'HEAD:pyproject.toml')).toContain('version = "0.1.1"');
    expect(module).toBe('quillnote');
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  const candidateFiles = (version: string) =>
    sandbox.testpypi
      .files('quillnote')
      .filter((file) => file.version === version)
      .map((file) => file.filename)
      .sort();

  it(`builds and uploads 0.1.1rc1 when dispatched with version 0.1.1rc1 (version in ${versionHome})`, async () => {
    const dispatched = await api(sandbox, 'POST', '/actions/workflows/publish-testpypi.yml/dispatches', {
      ref: 'main',
      inputs: { version: '0.1.1rc1' },
      return_run_details: true,
    });
    expect(dispatched.status).toBe(200);
    const runId = (dispatched.body as { workflow_run_id: number }).workflow_run_id;
    await sandbox.actions.idle();

    expect(sandbox.github.run(runId)).toMatchObject({
      event: 'workflow_dispatch',
      headSha: releaseSha,
      status: 'completed',
      conclusion: 'success',
    });
    expect(candidateFiles('0.1.1rc1')).toEqual(['quillnote-0.1.1rc1-py3-none-any.whl', 'quillnote-0.1.1rc1.tar.gz']);
    const [build] = sandbox.github.jobs(runId);
    expect(build?.steps.map((step) => [step.name, step.conclusion])).toContainEqual([
      'Set the version to rehearse',
      'success',
    ]);
    const log = await jobLog(sandbox, build!.id);
    expect(log).toContain('npx --yes pyrelease@0 bump --set 0.1.1rc1');
    expect(log).toContain(
      shape === 'static'
        ? 'quillnote 0.1.1 → 0.1.1rc1 (set): wrote pyproject.toml.'
        : 'quillnote takes its version from git tags (setuptools-scm): building 0.1.1rc1 with SETUPTOOLS_SCM_PRETEND_VERSION and PDM_BUILD_SCM_VERSION set.',
    );
    expect(log).toContain('refs/heads/main matches the built version 0.1.1rc1');
    // The runner's edit stays on the runner: the release commit is untouched.
    expect(await git(sandbox.project.remoteDir, 'rev-parse', 'refs/heads/main')).toBe(releaseSha);
  });

  it('creates the tag of a published pre-release in the remote, and its release run uploads that version', async () => {
    expect(await git(sandbox.project.remoteDir, 'tag', '--list', 'v0.1.1rc2')).toBe('');
    const created = await api(sandbox, 'POST', '/releases', {
      tag_name: 'v0.1.1rc2',
      target_commitish: releaseSha,
      name: '0.1.1rc2 (TestPyPI dry run)',
      body: 'Release candidate 0.1.1rc2.',
      draft: false,
      prerelease: true,
      make_latest: 'false',
    });
    expect(created.status).toBe(201);
    await sandbox.actions.idle();

    // GitHub created the tag at target_commitish, so a fetch finds it there.
    expect(await git(sandbox.project.remoteDir, 'rev-parse', 'refs/tags/v0.1.1rc2^{commit}')).toBe(releaseSha);
    await git(sandbox.project.projectDir, 'fetch', '-q', '--tags', 'origin');
    expect(await git(sandbox.project.projectDir, 'rev-parse', 'v0.1.1rc2^{commit}')).toBe(releaseSha);

    const run = sandbox.github.runs().find((entry) => entry.event === 'release' && entry.headBranch === 'v0.1.1rc2');
    expect(run).toMatchObject({ headSha: releaseSha, status: 'completed', conclusion: 'success' });
    expect(sandbox.github.jobs(run!.id).map((job) => [job.name, job.conclusion])).toEqual([
      ['Build distributions', 'success'],
      ['Publish to TestPyPI', 'success'],
    ]);
    expect(candidateFiles('0.1.1rc2')).toEqual(['quillnote-0.1.1rc2-py3-none-any.whl', 'quillnote-0.1.1rc2.tar.gz']);
  });
});
