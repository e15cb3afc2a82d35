import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import type { Sandbox } from '../../src/sandbox/sandbox';
import { parseChecklist } from '../../src/domain/checklist';
import { sandboxGit } from '../../src/sandbox/sample-project/sandbox-git';
import { expectReleased, leftoverVenvs, releaseState } from '../helpers/release-state';
import { fastSandbox, runInSandbox } from '../helpers/sandbox-cli';

// Each test has a world of its own, so they run side by side: most of a release is waiting.
const concurrently = { concurrent: true } as const;

type Finished = TestContext['onTestFinished'];

/** A sandbox for this test alone, stopped when the test ends (the test's own hook: tests run side by side). */
async function sandboxFor(onTestFinished: Finished, ...args: Parameters<typeof fastSandbox>): Promise<Sandbox> {
  const box = await fastSandbox(...args);
  onTestFinished(() => box.stop());
  return box;
}

/** A private TMPDIR for this test, so the venvs a run leaves behind can be counted. */
function privateTmp(onTestFinished: Finished): { tmp: string; env: Record<string, string> } {
  const tmp = mkdtempSync(join(tmpdir(), 'pyrelease-release-test-'));
  onTestFinished(() => rmSync(tmp, { recursive: true, force: true }));
  return { tmp, env: { TMPDIR: tmp } };
}

/** Changes the sample project's files and pushes the change, as a maintainer would before releasing. */
async function commitToSample(
  box: Sandbox,
  message: string,
  change: (read: (path: string) => string, write: (path: string, text: string) => void) => void,
): Promise<void> {
  const dir = box.project.projectDir;
  change(
    (path) => readFileSync(join(dir, path), 'utf8'),
    (path, text) => writeFileSync(join(dir, path), text),
  );
  await sandboxGit(dir, ['commit', '-qam', message]);
  await sandboxGit(dir, ['push', '-q', 'origin', 'main']);
}

describe('the whole release, in the sandbox', concurrently, () => {
  it(
    'goes from ready to on PyPI, verified: rc on TestPyPI, tag, publish run, smoke, release, milestone, summary',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished);
      const { tmp, env } = privateTmp(onTestFinished);
      // Every answer given by flag, none by --yes: the ids a maintainer would script the release with.
      const checklist = parseChecklist(
        readFileSync(join(sandbox.project.projectDir, 'docs', 'LAUNCH_CHECKLIST.md'), 'utf8'),
      );
      const answers = [
        'version.choice=patch',
        'push.confirm=yes',
        ...checklist.map((item) => `${item.id}=yes`),
        'testpypi.trigger=yes',
        'tag.confirm=yes',
      ];
      const run = await runInSandbox(
        sandbox,
        answers.flatMap((answer) => ['--answer', answer]),
        env,
      );
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('? Dispatch publish-testpypi.yml on main with version=0.1.1rc1?: yes (given)');
      expect(run.stdout).toMatch(/✓ Set the version to rehearse/);
      expect(run.stdout).toContain(
        '✓ Install the candidate from TestPyPI and smoke-test it — 4 of 4 passed; the venv was removed',
      );
      expect(run.stdout).toContain('? Create v0.1.1 at');
      // The generated workflow has the action print the hashes; PyPI serves exactly those files.
      expect(run.stdout).toMatch(/sha256 of quillnote-0\.1\.1\.tar\.gz matches what run \d+ uploaded/);
      expect(run.stdout).toMatch(/sha256 of quillnote-0\.1\.1-py3-none-any\.whl matches what run \d+ uploaded/);
      expect(run.stdout).toMatch(/sha256 of quillnote-0\.1\.1rc1\.tar\.gz matches what run \d+ uploaded/);
      expect(run.stdout).toContain(
        '✓ Install the release from PyPI and smoke-test it — 4 of 4 passed; the venv was removed',
      );
      expect(run.stdout).toContain('quillnote 0.1.1 is on PyPI, installed and smoke-tested from there.');
      expect(run.stdout).toMatch(
        / {2}GitHub Release {4}http:\/\/127\.0\.0\.1:\d+\/_web\/pyrelease-sandbox\/quillnote\/releases\/tag\/v0\.1\.1/,
      );
      expect(run.stdout).toMatch(
        /Time per stage: Prepare [\d.]+s · TestPyPI dry run [\d.]+s · Tag [\d.]+s · Publish to PyPI [\d.]+s · Smoke-test from PyPI [\d.]+s · Finalize/,
      );
      await expectReleased(sandbox);
      expect(leftoverVenvs(tmp)).toEqual([]);
      // The tag is annotated and sits on the commit CI approved (the release commit).
      const released = await sandboxGit(sandbox.project.remoteDir, ['rev-parse', 'v0.1.1^{commit}']);
      expect(await sandboxGit(sandbox.project.remoteDir, ['cat-file', '-t', 'v0.1.1'])).toBe('tag');
      expect(await sandboxGit(sandbox.project.remoteDir, ['log', '-1', '--format=%s', released])).toBe('Release 0.1.1');
    },
  );

  it(
    'rehearses as the next rc when TestPyPI already has rc1, and says what it found',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished);
      const { writeWheel } = await import('../helpers/make-wheel');
      sandbox.testpypi.publishFile(writeWheel(sandbox.workspace, { name: 'quillnote', version: '0.1.1rc1' }));
      const run = await runInSandbox(sandbox, ['--stop-after', 'testpypi', '--yes']);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(
        '? TestPyPI already has 0.1.1rc1 of quillnote. Rehearse as 0.1.1rc2?: yes (default)',
      );
      expect(run.stdout).toContain('version=0.1.1rc2');
      expect((await releaseState(sandbox)).testpypi('0.1.1rc2')).toEqual(['bdist_wheel', 'sdist']);
      expect(run.stdout).toContain('Paused after TestPyPI dry run, as asked.');
    },
  );

  it(
    're-runs a failed TestPyPI run when told to, and goes on from the new attempt',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished, 'default', (scenario) =>
        scenario.actions.failures.push({
          workflow: 'publish-testpypi.yml',
          step: 'pypa/gh-action-pypi-publish',
          times: 1,
          reason: 'HTTPError: 503 Service Unavailable',
        }),
      );
      const run = await runInSandbox(sandbox, [
        '--stop-after',
        'testpypi',
        '--yes',
        '--answer',
        'testpypi.watch.on-failure=rerun',
      ]);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('HTTPError: 503 Service Unavailable');
      expect(run.stdout).toContain(
        '? Publish to TestPyPI, step "Run pypa/gh-action-pypi-publish@release/v1", failed (attempt 1). What now?: Re-run the failed jobs (given)',
      );
      expect(run.stdout).toMatch(/✓ Publish the release candidate to TestPyPI — 0\.1\.1rc1 by run \d+/);
      const state = await releaseState(sandbox);
      expect(state.counts).toMatchObject({ dispatch: 1, rerun: 1 });
      expect(state.testpypi('0.1.1rc1')).toEqual(['bdist_wheel', 'sdist']);
    },
  );

  it(
    'tries the next rc after a failed run when asked, without a second upload of the first',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished, 'default', (scenario) =>
        scenario.actions.failures.push({
          workflow: 'publish-testpypi.yml',
          step: 'Build the sdist',
          times: 1,
          reason: 'build backend crashed',
        }),
      );
      const run = await runInSandbox(sandbox, [
        '--stop-after',
        'testpypi',
        '--yes',
        '--answer',
        'testpypi.watch.on-failure=next-rc',
      ]);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('Trying again as 0.1.1rc2');
      const state = await releaseState(sandbox);
      expect(state.counts.dispatch).toBe(2);
      expect(state.testpypi('0.1.1rc1')).toEqual([]);
      expect(state.testpypi('0.1.1rc2')).toEqual(['bdist_wheel', 'sdist']);
    },
  );

  it(
    'surfaces the approval the testpypi environment waits for, and approves it when answered so',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished, 'default', (scenario) =>
        scenario.actions.reviewers.push('testpypi'),
      );
      const run = await runInSandbox(sandbox, [
        '--stop-after',
        'testpypi',
        '--yes',
        '--answer',
        'testpypi.watch.approve=yes',
      ]);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/⚠ Run \d+ waits for approval of the testpypi environment: http/);
      expect(run.stdout).toContain('Approved the testpypi deployment.');
    },
  );

  it(
    'waits while the TestPyPI simple page lags behind its JSON API, then installs',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished, 'index-lag', (scenario) => (scenario.indexLagMs = 4000));
      const run = await runInSandbox(sandbox, ['--stop-after', 'testpypi', '--yes']);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(
        /TestPyPI's simple index \(what pip reads\) lists quillnote 0\.1\.1rc1: wheel …, sdist … \(waiting/,
      );
      expect(run.stdout).toContain('✓ Install the candidate from TestPyPI and smoke-test it — 4 of 4 passed');
    },
  );

  it(
    'ignores a pip configuration with an extra index, and says so',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished);
      const { tmp, env } = privateTmp(onTestFinished);
      const pipConf = join(tmp, 'pip.conf');
      writeFileSync(pipConf, '[global]\nextra-index-url = http://127.0.0.1:9/simple/\n');
      const run = await runInSandbox(sandbox, ['--stop-after', 'testpypi', '--yes'], {
        ...env,
        PIP_CONFIG_FILE: pipConf,
      });
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('extra-index-url http://127.0.0.1:9/simple/');
      expect(run.stdout).toContain('this smoke test ignores');
      expect(run.stdout).not.toContain('127.0.0.1:9/simple/quillnote');
    },
  );

  it(
    'fails the stage when a console script exits non-zero, and keeps the venv for a look',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished);
      const { tmp, env } = privateTmp(onTestFinished);
      await commitToSample(sandbox, 'chore: smoke the server with a port', (read, write) =>
        write(
          'pyproject.toml',
          `${read('pyproject.toml')}\n[tool.pyrelease.smoke.quillnote-server]\nargs = ["--port", "not-a-number"]\n`,
        ),
      );
      const run = await runInSandbox(sandbox, ['--stop-after', 'testpypi', '--yes'], env);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/quillnote-server +│ ✗ +│ 2 /);
      expect(run.stdout).toContain('✗ console script quillnote-server: exited with code 2, expected 0');
      const kept = leftoverVenvs(tmp);
      expect(kept).toHaveLength(1);
      expect(run.stdout).toContain(`The virtual environment is kept at ${join(tmp, kept[0]!)}`);
    },
  );
});

describe('a TestPyPI workflow that runs on published pre-releases', concurrently, () => {
  const releaseOnly = (read: (path: string) => string, write: (path: string, text: string) => void) =>
    write(
      '.github/workflows/publish-testpypi.yml',
      read('.github/workflows/publish-testpypi.yml').replace(/ {2}workflow_dispatch:\n(?: {4}.*\n)*/, ''),
    );

  it(
    'refuses the pre-release when its tag would start the PyPI workflow too',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished);
      await commitToSample(sandbox, 'ci: rehearse on pre-releases only', releaseOnly);
      const run = await runInSandbox(sandbox, ['--stop-after', 'testpypi', '--yes']);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain('publish-testpypi.yml on release');
      expect(run.stdout).toContain(
        'The dry run would create the tag v0.1.1rc1, and publish-pypi.yml runs on that tag too',
      );
      expect(sandbox.github.releases().filter((release) => release.prerelease)).toEqual([]);
      expect((await releaseState(sandbox)).counts).toMatchObject({ dispatch: 0, release: 0 });
    },
  );

  it(
    'publishes a GitHub pre-release for the candidate when the PyPI workflow ignores rc tags',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished);
      await commitToSample(sandbox, 'ci: rehearse on pre-releases only', (read, write) => {
        releaseOnly(read, write);
        write(
          '.github/workflows/publish-pypi.yml',
          read('.github/workflows/publish-pypi.yml').replace(
            /( {4}tags:\n {6}- .*\n)/,
            '$1    tags-ignore:\n      - "v*rc*"\n',
          ),
        );
      });
      const run = await runInSandbox(sandbox, ['--stop-after', 'testpypi', '--yes']);
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(
        '? Publish a GitHub pre-release v0.1.1rc1 (GitHub creates the tag), which starts publish-testpypi.yml?: yes (default)',
      );
      const state = await releaseState(sandbox);
      expect(state.testpypi('0.1.1rc1')).toEqual(['bdist_wheel', 'sdist']);
      expect(state.pypi('0.1.1rc1')).toEqual([]);
      expect(state.releases.filter((release) => release.tag === 'v0.1.1rc1')).toEqual([
        { tag: 'v0.1.1rc1', draft: false, prerelease: true },
      ]);
    },
  );
});

describe('stages 3–6, in the sandbox', concurrently, () => {
  it(
    'publishes the draft release instead of pushing a tag when the PyPI workflow runs on published releases',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished);
      await commitToSample(sandbox, 'ci: publish on a published release', (read, write) =>
        write(
          '.github/workflows/publish-pypi.yml',
          read('.github/workflows/publish-pypi.yml').replace(
            /on:\n {2}push:\n {4}tags:\n {6}- .*\n/,
            'on:\n  release:\n    types: [published]\n',
          ),
        ),
      );
      const run = await runInSandbox(sandbox, ['--yes']);
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('publish-pypi.yml on release');
      expect(run.stdout).toMatch(
        /\? Publish the GitHub Release v0\.1\.1 at \w{7}\? This starts the PyPI publish\.: yes \(default\)/,
      );
      expect(run.stdout).toContain('✓ Publish the GitHub Release — already done: published:');
      await expectReleased(sandbox);
      expect(sandbox.github.releases().find((release) => release.tagName === 'v0.1.1')?.makeLatest).toBe('true');
    },
  );

  it(
    'waits for the pypi environment approval, and approves it when answered so',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished, 'approval');
      const run = await runInSandbox(sandbox, ['--yes', '--answer', 'publish.watch.approve=yes']);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/⚠ Run \d+ waits for approval of the pypi environment: http/);
      expect(run.stdout).toContain('? Approve the pypi deployment now?: yes (given)');
      await expectReleased(sandbox);
    },
  );

  it(
    'waits while nobody approves for you, until a colleague does',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(
        onTestFinished,
        'approval',
        (scenario) => (scenario.actions.colleagueApprovesAfterMs = 1500),
      );
      const run = await runInSandbox(sandbox, ['--yes']);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('? Approve the pypi deployment now?: no (default)');
      expect(run.stdout).toContain('Waiting for someone to approve the pypi deployment');
      expect(sandbox.github.deployments().map((deployment) => [deployment.environment, deployment.creator])).toEqual([
        ['pypi', 'maintainer'],
      ]);
      await expectReleased(sandbox);
    },
  );

  it(
    'shows the failed upload, re-runs the failed jobs when told to, and finishes',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished, 'publish-fails');
      const run = await runInSandbox(sandbox, ['--yes', '--answer', 'publish.watch.on-failure=rerun']);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('HTTPError: 503 Service Unavailable from the upload endpoint');
      expect(run.stdout).toMatch(/✓ Watch the PyPI publish run — run \d+ success \(attempt 2\)/);
      await expectReleased(sandbox);
      expect(sandbox.actions.counts().rerun).toBe(1);
    },
  );

  it(
    'stops on a failed publish run when nobody says to re-run, and names the way on',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished, 'publish-fails');
      const run = await runInSandbox(sandbox, ['--yes']);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(
        /✗ Watch the PyPI publish run — Publish to PyPI, step "Run pypa\/gh-action-pypi-publish@release\/v1", failed in run \d+ \(attempt 1\)/,
      );
      expect(run.stdout).toContain('`pyrelease --resume` re-attaches to the run');
      expect((await releaseState(sandbox)).pypi('0.1.1')).toEqual([]);
      // On resume the concluded run is shown again, with its choices; the rollback paths are told.
      const resumed = await runInSandbox(sandbox, [
        '--resume',
        '--yes',
        '--answer',
        'publish.watch.on-failure=rollback',
      ]);
      expect(resumed.exitCode).toBe(1);
      expect(resumed.stdout).toMatch(/Re-attaching to run \d+\./);
      expect(resumed.stdout).toContain('pyrelease has no rollback menu yet, so these are the paths by hand');
      expect(resumed.stdout).toContain('yank the release on its PyPI management page');
      expect(sandbox.actions.counts().rerun).toBe(0);
    },
  );

  it(
    'waits while PyPI lags behind its JSON API, saying what is still missing',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished, 'index-lag', (scenario) => (scenario.indexLagMs = 4000));
      const run = await runInSandbox(sandbox, ['--yes']);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(
        /PyPI's simple index \(what pip reads\) lists quillnote 0\.1\.1: wheel …, sdist … \(waiting/,
      );
      expect(run.stdout).toContain("PyPI's simple index (what pip reads) lists quillnote 0.1.1: wheel ✓, sdist ✓");
      await expectReleased(sandbox);
    },
  );

  it(
    'fails the PyPI smoke test when a smoke command fails on the final release, keeping the venv and the release',
    { timeout: 240_000 },
    async ({ onTestFinished }) => {
      const sandbox = await sandboxFor(onTestFinished);
      const { tmp, env } = privateTmp(onTestFinished);
      // A check that only a final version fails: the rc passes the dry run, the release does not.
      await commitToSample(sandbox, 'chore: a smoke command', (read, write) =>
        write(
          'pyproject.toml',
          read('pyproject.toml').replace(
            'smoke-commands = []',
            'smoke-commands = [["python", "-c", "import quillnote, sys; sys.exit(0 if \'rc\' in quillnote.__version__ else 3)"]]',
          ),
        ),
      );
      const run = await runInSandbox(sandbox, ['--yes'], env);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain('✓ Install the candidate from TestPyPI and smoke-test it — 5 of 5 passed');
      expect(run.stdout).toMatch(
        /✗ Install the release from PyPI and smoke-test it — The smoke test failed \(1 of 5\)/,
      );
      expect(leftoverVenvs(tmp)).toHaveLength(1);
      expect((await releaseState(sandbox)).pypi('0.1.1')).toEqual(['bdist_wheel', 'sdist']);
    },
  );
});
