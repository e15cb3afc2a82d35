import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites } from '../../src/sandbox/prerequisites';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { scenarioNamed } from '../../src/sandbox/scenarios';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

// Asynchronous on purpose: the remote's hook calls back into this process (the push relay),
// so a synchronous git would block the very event loop that has to answer it.
async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('git', args, { cwd, encoding: 'utf8' });
  return stdout.trim();
}

describe('a running sandbox', () => {
  let sandbox: Sandbox;
  let venvPython: string;

  beforeAll(async () => {
    const prerequisites = await checkPrerequisites('static');
    expect(prerequisites.missing).toEqual([]);
    venvPython = prerequisites.venvPython!;
    const scenario = scenarioNamed('default')!;
    scenario.actions.stepDelayMs = 0;
    scenario.actions.checkDelayMs = 0;
    scenario.indexLagMs = 0;
    sandbox = await createSandbox({ scenario, python: prerequisites.buildPython! });
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  it('starts with the previous release published by its own publish run', () => {
    const files = sandbox.pypi.files('quillnote');
    expect(files.map((file) => file.filename).sort()).toEqual([
      'quillnote-0.1.0-py3-none-any.whl',
      'quillnote-0.1.0.tar.gz',
    ]);
    for (const file of files) expect(existsSync(file.path)).toBe(true);
    expect(sandbox.github.runs().map((run) => [run.event, run.headBranch, run.conclusion])).toEqual([
      ['push', 'v0.1.0', 'success'],
      ['release', 'v0.1.0', 'skipped'],
    ]);
    expect(sandbox.github.releases().map((release) => [release.tagName, release.draft])).toEqual([['v0.1.0', false]]);
    expect(sandbox.env.GITHUB_API_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('turns a plain git push of a tag into a publish run whose files pip installs and runs', async () => {
    const { projectDir } = sandbox.project;
    const pyproject = join(projectDir, 'pyproject.toml');
    writeFileSync(pyproject, readFileSync(pyproject, 'utf8').replace('version = "0.1.0"', 'version = "0.2.0"'));
    writeFileSync(
      join(projectDir, 'src', 'quillnote', '__init__.py'),
      '"""quillnote: plain-text notebooks."""\n\n__version__ = "0.2.0"\n',
    );
    await git(projectDir, 'commit', '-q', '-am', 'Release 0.2.0');
    await git(projectDir, 'push', '-q', 'origin', 'main');
    await git(projectDir, 'tag', '-a', 'v0.2.0', '-m', 'Release 0.2.0');
    await git(projectDir, 'push', '-q', 'origin', 'v0.2.0');
    await sandbox.actions.idle();

    const sha = await git(projectDir, 'rev-parse', 'HEAD');
    const publishRun = sandbox.github.runs().find((entry) => entry.headBranch === 'v0.2.0');
    expect(publishRun).toMatchObject({ event: 'push', headSha: sha, status: 'completed', conclusion: 'success' });
    expect(sandbox.github.jobs(publishRun!.id).map((job) => [job.name, job.conclusion])).toEqual([
      ['Build distributions', 'success'],
      ['Publish to PyPI', 'success'],
    ]);
    expect(sandbox.pypi.files('quillnote').filter((file) => file.version === '0.2.0')).toHaveLength(2);
    expect(sandbox.testpypi.files('quillnote')).toEqual([]);

    const venv = join(tempDir(), 'venv');
    const run = promisify(execFile);
    await run(venvPython, ['-m', 'venv', venv]);
    const env = { ...process.env, PIP_CONFIG_FILE: '/dev/null', PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' };
    // pip talks to the index served by this very process: it must not block the event loop.
    await run(
      join(venv, 'bin', 'python'),
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--no-cache-dir',
        '--index-url',
        `${sandbox.pypi.url}/simple/`,
        'quillnote==0.2.0',
      ],
      { env },
    );
    expect((await run(join(venv, 'bin', 'quillnote'), ['--version'], { encoding: 'utf8' })).stdout.trim()).toBe(
      '0.2.0',
    );
    expect((await run(join(venv, 'bin', 'quillnote-server'), ['--help'], { encoding: 'utf8' })).stdout).toContain(
      'usage: quillnote-server',
    );
  });

  it('gives the pushed release commit its required checks, all green, through the API', async () => {
    const sha = await git(sandbox.project.projectDir, 'rev-parse', 'HEAD');
    const response = await fetch(
      `${sandbox.github.url}/repos/pyrelease-sandbox/quillnote/commits/${sha}/check-runs?per_page=100`,
      {
        headers: { authorization: `Bearer ${sandbox.env.GH_TOKEN}`, accept: 'application/vnd.github+json' },
      },
    );
    const body = (await response.json()) as { check_runs: { name: string; status: string; conclusion: string }[] };
    const checks = body.check_runs.filter(
      (check) => !check.name.startsWith('Build') && !check.name.startsWith('Publish'),
    );
    expect(checks.map((check) => `${check.name}:${check.status}:${check.conclusion}`).sort()).toEqual(
      ['build-validation', 'docs-validation', 'lint', 'package-build', 'release-label', 'tests', 'typecheck'].map(
        (name) => `${name}:completed:success`,
      ),
    );
  });
});
