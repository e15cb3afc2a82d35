import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releasePlan } from '../../src/engine/flows/release-flow';
import type { Sandbox } from '../../src/sandbox/sandbox';
import { sandboxGit } from '../../src/sandbox/sample-project/sandbox-git';
import { expectReleased, releaseState } from '../helpers/release-state';
import { fastSandbox, runInSandbox, startInSandbox } from '../helpers/sandbox-cli';

/** Starts a release and kills it (SIGKILL: no cleanup at all) as soon as `seen` matches its output. */
async function killWhen(sandbox: Sandbox, args: string[], seen: (output: string) => boolean): Promise<string> {
  const child = startInSandbox(sandbox, args);
  child.stdout?.setEncoding('utf8');
  let output = '';
  await new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      if (seen(output)) resolve();
    });
    void child.then(() => resolve());
  });
  child.kill('SIGKILL');
  await child;
  return output;
}

/** Started (›), or found done already: either way, the step has been reached. */
const reached = (title: string) => (output: string) =>
  output.includes(`› ${title}\n`) || output.includes(`✓ ${title} — already done`);

describe('the TestPyPI dry run, killed and resumed', () => {
  it.concurrent.each([
    ['while the run is watched', (output: string) => /Watching Publish to TestPyPI run \d+/.test(output)],
    ['while the candidate is installed', (output: string) => output.includes('Collecting quillnote==0.1.1rc1')],
  ])('killed %s, --resume finishes without a second dispatch', { timeout: 300_000 }, async (_when, seen) => {
    const sandbox = await fastSandbox();
    try {
      const output = await killWhen(sandbox, ['--stop-after', 'testpypi', '--yes'], seen);
      expect(output).not.toContain('Paused after');
      const resumed = await runInSandbox(sandbox, ['--resume', '--stop-after', 'testpypi', '--yes']);
      expect(resumed.stderr).toBe('');
      expect(resumed.exitCode).toBe(0);
      expect(resumed.stdout).toContain('Paused after TestPyPI dry run, as asked.');
      const state = await releaseState(sandbox);
      expect(state.counts.dispatch).toBe(1);
      expect(state.testpypi('0.1.1rc1')).toEqual(['bdist_wheel', 'sdist']);
      expect(resumed.stdout).toContain('✓ Install the candidate from TestPyPI and smoke-test it — 4 of 4 passed');
    } finally {
      await sandbox.stop();
    }
  });
});

const later = releasePlan()
  .stages.filter((stage) => ['tag', 'publish', 'smoke', 'finalize'].includes(stage.id))
  .flatMap((stage) => stage.steps);

describe('stages 3–6, killed at every step in turn and resumed', () => {
  // One release killed at each step of stages 3–6, one after the other: every session after the
  // first is a resume that starts with probes, so each step's probe meets the state its own
  // interruption left, and the end must look like an uninterrupted release.
  it(
    'ends as an uninterrupted release does: one tag, one publish run, one release, one milestone, one next development version',
    { timeout: 300_000 },
    async () => {
      const sandbox = await fastSandbox();
      try {
        // With the next development version on, the branch moves past the release commit before the
        // last sessions: resuming must not take that for a release still to prepare.
        const pyproject = join(sandbox.project.projectDir, 'pyproject.toml');
        writeFileSync(
          pyproject,
          readFileSync(pyproject, 'utf8').replace('next-dev-version = false', 'next-dev-version = true'),
        );
        await sandboxGit(sandbox.project.projectDir, [
          'commit',
          '-qam',
          'chore: start development versions after releases',
        ]);
        await sandboxGit(sandbox.project.projectDir, ['push', '-q', 'origin', 'main']);
        for (const [index, step] of later.entries()) {
          const args = index === 0 ? ['--yes'] : ['--resume', '--yes'];
          const output = await killWhen(sandbox, args, reached(step.title));
          expect(output, `the session killed at ${step.id}`).toContain(step.title);
          expect(output).not.toContain('Release record saved');
        }
        const resumed = await runInSandbox(sandbox, ['--resume', '--yes']);
        expect(resumed.stderr).toBe('');
        expect(resumed.exitCode).toBe(0);
        expect(resumed.stdout).toContain('quillnote 0.1.1 is on PyPI, installed and smoke-tested from there.');
        await expectReleased(sandbox);
        // One publish run for the tag: every resumed session re-attached, none started another.
        expect(sandbox.github.runs().filter((run) => run.event === 'push' && run.headBranch === 'v0.1.1')).toHaveLength(
          1,
        );
        const history = join(sandbox.project.projectDir, '.git', 'pyrelease', 'history');
        const [record] = readdirSync(history);
        const data = JSON.parse(readFileSync(join(history, record!), 'utf8')) as {
          state: string;
          steps: Record<string, { state: string }>;
        };
        expect(data.state).toBe('done');
        expect(later.map((step) => data.steps[step.id]?.state)).toEqual(later.map(() => 'done'));
        const subjects = (await sandboxGit(sandbox.project.remoteDir, ['log', '--format=%s', 'main'])).split('\n');
        expect(subjects.slice(0, 3)).toEqual([
          'Start 0.1.2.dev0',
          'Release 0.1.1',
          'chore: start development versions after releases',
        ]);
        expect(await sandboxGit(sandbox.project.remoteDir, ['show', 'main:pyproject.toml'])).toContain(
          'version = "0.1.2.dev0"',
        );
      } finally {
        await sandbox.stop();
      }
    },
  );
});
