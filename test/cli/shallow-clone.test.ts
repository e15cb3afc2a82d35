import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/domain/readiness/doctor-report';
import { runCli } from '../helpers/cli';
import { copyFixture, writeFiles } from '../helpers/fixture-copy';
import { git, shallowClone } from '../helpers/git-repo';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const SHALLOW_PROBLEM = {
  severity: 'error',
  code: 'git.shallow',
  message:
    'This is a shallow clone: older commits and their tags are missing, so the latest release tag ' +
    '(and a version read from tags) may be wrong.',
  hint: 'Fetch the rest with `git fetch --unshallow --tags`.',
};

/**
 * The static fixture project released once (v1.4.0 on its first commit) with one commit since, in a bare
 * origin; and a `git clone --depth 1` of it, which has the second commit only and no tag.
 */
function shallowCheckout(): { clone: string; origin: string } {
  const parent = tempDir();
  const work = copyFixture('static', parent, { tags: ['v1.4.0'] });
  writeFiles(work, { 'CHANGES.md': '# Changes\n' });
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', 'Second commit');
  const origin = join(parent, 'origin.git');
  git(parent, 'clone', '-q', '--bare', work, origin);
  return { clone: shallowClone(origin, join(parent, 'clone')), origin };
}

describe('a shallow clone', () => {
  it('doctor --json: git.shallow is true, an error with the exact command; false once it has run', async () => {
    const { clone } = shallowCheckout();
    const shallow = await runCli(['doctor', '--json'], { cwd: clone });
    expect(shallow.stderr).toBe('');
    const report = JSON.parse(shallow.stdout) as DoctorReport;
    expect(report.git).toMatchObject({ repository: true, shallow: true, latestTag: null });
    expect(report.problems[0]).toEqual(SHALLOW_PROBLEM);
    expect(shallow.exitCode).toBe(1);

    git(clone, 'fetch', '--unshallow', '--tags');
    const full = JSON.parse((await runCli(['doctor', '--json'], { cwd: clone })).stdout) as DoctorReport;
    expect(full.git).toMatchObject({ shallow: false, latestTag: 'v1.4.0' });
    expect(full.problems.map((problem) => problem.code)).not.toContain('git.shallow');
  });

  it('doctor (text): says the history is shallow, and what to run', async () => {
    const { clone } = shallowCheckout();
    const run = await runCli(['doctor'], { cwd: clone });
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  ✗ history shallow: older commits and their tags are missing');
    const at = lines.indexOf(`  ✗ ${SHALLOW_PROBLEM.message}`);
    expect(at).toBeGreaterThan(lines.indexOf('To do'));
    expect(lines[at + 1]).toBe(`    → ${SHALLOW_PROBLEM.hint}`);
    expect(run.exitCode).toBe(1);
  });

  it('doctor (text) in a full clone: the history is complete', async () => {
    const dir = copyFixture('static', tempDir(), { git: true });
    const run = await runCli(['doctor'], { cwd: dir });
    expect(run.stdout.split('\n')).toContain('  ✓ history complete (not a shallow clone)');
    expect(run.stdout).not.toContain('shallow clone:');
  });

  it('the release stops in preflight, before the tags are read, with the command; no raw git error', async () => {
    const { clone } = shallowCheckout();
    const run = await runCli(['--dry-run'], { cwd: clone });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines).toContain(
      '✗ A full clone, with every tag — This is a shallow clone: older commits and their tags are missing, so ' +
        'the latest release, the version and the release notes cannot be read from its history.',
    );
    expect(lines).toContain('  → Fetch the rest with `git fetch --unshallow --tags`, then run pyrelease again.');
    // Nothing after it ran: the project (and its tags) were not read.
    expect(run.stdout).not.toContain('pyproject.toml and the version source');
  });
});
