import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/sandbox';
import { sandboxGit } from '../../src/sandbox/sample-project/sandbox-git';
import { writeWheel } from '../helpers/make-wheel';
import { fastSandbox, runInSandbox } from '../helpers/sandbox-cli';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

const remoteLog = async (box: Sandbox) =>
  (await sandboxGit(box.project.remoteDir, ['log', '--format=%s', 'main'])).split('\n');

function releaseRecord(box: Sandbox): {
  facts: Record<string, unknown>;
  answers: Record<string, { value: unknown; source: string }>;
} {
  // Paused after Prepare: the record is the journal of the release in progress.
  return JSON.parse(readFileSync(join(box.project.projectDir, '.git', 'pyrelease', 'journal.json'), 'utf8'));
}

describe('Prepare, in the sandbox', () => {
  it('chooses, writes, commits and pushes the version, waits for green checks, drafts the notes and records the checklist', async () => {
    sandbox = await fastSandbox();
    const run = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('✓ Choose the version — 0.1.0 → 0.1.1 (patch)');
    expect(run.stdout).toContain('-version = "0.1.0"');
    expect(run.stdout).toContain('+version = "0.1.1"');
    expect(run.stdout).toContain('✓ tests (required): success');
    expect(await remoteLog(sandbox)).toEqual([
      'Release 0.1.1',
      'docs: explain the server options (#5)',
      'fix: keep empty notebooks readable (#4)',
      'feat: search notebooks by tag (#3)',
      'feat: notebooks from the command line (#1)',
      'Initial commit',
    ]);
    const drafts = sandbox.github.releases().filter((release) => release.tagName === 'v0.1.1');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ draft: true, prerelease: false });
    expect(drafts[0]!.body).toContain('## Features');
    expect(drafts[0]!.body).toContain('search notebooks by tag (#3');
    expect(drafts[0]!.body).toContain('## Fixes');
    expect(drafts[0]!.body).toContain('keep empty notebooks readable (#4');
    const record = releaseRecord(sandbox);
    const { items: confirmations } = record.facts['checklist'] as { items: { id: string; by: string }[] };
    expect(confirmations.map((item) => item.id)).toHaveLength(3);
    expect(Object.keys(record.answers).filter((id) => id.startsWith('checklist.'))).toHaveLength(3);
  });

  it('stops on a failing required check, with its link', async () => {
    sandbox = await fastSandbox('failing-check');
    const run = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /✗ CI green on the release commit — tests failed on the release commit [0-9a-f]{7}: http/,
    );
    expect(sandbox.github.releases().filter((release) => release.tagName === 'v0.1.1')).toEqual([]);
  });

  it('waits while a check is pending until it turns green', async () => {
    sandbox = await fastSandbox('slow-checks', (scenario) => (scenario.actions.checkDelayMs = 1200));
    const run = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes']);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    const pending = lines.findIndex((line) => line.includes('tests (required): pending'));
    const green = lines.findIndex((line) => line.includes('✓ tests (required): success'));
    expect(pending).toBeGreaterThan(-1);
    expect(green).toBeGreaterThan(pending);
  });

  it('on a protected branch, goes through a pull request and continues from its merge commit', async () => {
    sandbox = await fastSandbox('protected-branch');
    const run = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('merged in pull request #');
    const [merge, release] = await remoteLog(sandbox);
    expect(merge).toMatch(/^Merge pull request #\d+ from pyrelease-sandbox\/release\/v0\.1\.1$/);
    expect(release).toBe('Release 0.1.1');
    const mergeSha = await sandboxGit(sandbox.project.remoteDir, ['rev-parse', 'main']);
    expect(sandbox.github.releases().find((entry) => entry.tagName === 'v0.1.1')?.targetCommitish).toBe(mergeSha);
  });

  it('does not offer a version TestPyPI already has', async () => {
    sandbox = await fastSandbox();
    sandbox.testpypi.publishFile(writeWheel(sandbox.workspace, { name: 'quillnote', version: '0.1.1' }));
    const refused = await runInSandbox(sandbox, [
      '--stop-after',
      'prepare',
      '--yes',
      '--answer',
      'version.choice=patch',
    ]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toContain('patch 0.1.1 is not offered');
    expect(refused.stdout).toContain('TestPyPI');
    const run = await runInSandbox(sandbox, [
      '--stop-after',
      'prepare',
      '--yes',
      '--answer',
      'journal.existing=abandon',
      '--answer',
      'version.choice=custom',
      '--answer',
      'version.custom=0.1.2',
    ]);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('0.1.0 → 0.1.2 (patch)');
  });

  it('refuses a dirty tree and a checkout behind origin, saying what to do', async () => {
    sandbox = await fastSandbox();
    writeFileSync(join(sandbox.project.projectDir, 'notes.txt'), 'draft\n');
    const dirty = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes']);
    expect(dirty.exitCode).toBe(1);
    expect(dirty.stdout).toContain('✗ Working tree is clean — The working tree has uncommitted changes:');
    await sandboxGit(sandbox.project.projectDir, ['clean', '-fdq']);

    // Someone else pushed meanwhile.
    const other = join(sandbox.workspace, 'other');
    await sandboxGit(sandbox.workspace, ['clone', '-q', `file://${sandbox.project.remoteDir}`, other]);
    writeFileSync(join(other, 'CHANGES.md'), 'news\n');
    await sandboxGit(other, ['add', '.']);
    await sandboxGit(other, ['commit', '-qm', 'docs: news']);
    await sandboxGit(other, ['push', '-q', 'origin', 'main']);
    const behind = await runInSandbox(sandbox, [
      '--stop-after',
      'prepare',
      '--yes',
      '--answer',
      'journal.existing=abandon',
    ]);
    expect(behind.exitCode).toBe(1);
    expect(behind.stdout).toContain('origin/main has 1 commit(s) that are not here, e.g. "docs: news"');
    expect(behind.stdout).toContain('git pull --ff-only origin main');
  });

  it('requires a Performance impact section when a configured path changed', async () => {
    sandbox = await fastSandbox();
    const pyproject = join(sandbox.project.projectDir, 'pyproject.toml');
    writeFileSync(
      pyproject,
      readFileSync(pyproject, 'utf8').replace(
        'performance-paths = []',
        'performance-paths = ["src/quillnote/search.py"]',
      ),
    );
    await sandboxGit(sandbox.project.projectDir, ['commit', '-qam', 'chore: watch search performance']);
    await sandboxGit(sandbox.project.projectDir, ['push', '-q', 'origin', 'main']);
    const run = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('The "Performance impact" section is empty');
    expect(run.stdout).toContain('src/quillnote/search.py');
  });

  it('releases a setuptools-scm project without writing anything: the tag will be the version', async () => {
    sandbox = await fastSandbox('setuptools-scm');
    const before = await sandboxGit(sandbox.project.remoteDir, ['rev-parse', 'main']);
    const run = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      '✓ Write and commit the version — already done: the tag is the version: nothing to write',
    );
    expect(await sandboxGit(sandbox.project.remoteDir, ['rev-parse', 'main'])).toBe(before);
    expect(sandbox.github.releases().find((release) => release.tagName === 'v0.1.1')?.targetCommitish).toBe(before);
  });

  it('after a lowered requires-python floor, asks about the support matrix and offers no patch', async () => {
    sandbox = await fastSandbox();
    const pyproject = join(sandbox.project.projectDir, 'pyproject.toml');
    writeFileSync(
      pyproject,
      readFileSync(pyproject, 'utf8').replace('requires-python = ">=3.9"', 'requires-python = ">=3.8"'),
    );
    await sandboxGit(sandbox.project.projectDir, ['commit', '-qam', 'feat: support Python 3.8 (#6)']);
    await sandboxGit(sandbox.project.projectDir, ['push', '-q', 'origin', 'main']);
    const patch = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes', '--answer', 'version.choice=patch']);
    expect(patch.exitCode).toBe(1);
    expect(patch.stdout).toContain('patch 0.1.1 is not offered');
    const run = await runInSandbox(sandbox, [
      '--stop-after',
      'prepare',
      '--yes',
      '--answer',
      'journal.existing=abandon',
    ]);
    expect(run.stdout).toContain('0.1.0 → 0.2.0 (minor, migration notes required)');
    expect(run.stdout).toContain('These changes may need SUPPORT_MATRIX.md updated. Edit it now?: no (default)');
    expect(run.stdout).toContain('SUPPORT_MATRIX.md kept as it is');
    // 0.x minor: the notes need Migration notes, which nobody wrote without an editor.
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Migration notes');
  });

  it('in a dry run changes nothing: no commit, no push, no release', async () => {
    sandbox = await fastSandbox();
    const before = await sandboxGit(sandbox.project.projectDir, ['rev-parse', 'HEAD']);
    const run = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes', '--dry-run']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('○ Write and commit the version — dry run, would run:');
    expect(run.stdout).toContain('$ git commit -m "Release 0.1.1" -- pyproject.toml');
    expect(await sandboxGit(sandbox.project.projectDir, ['rev-parse', 'HEAD'])).toBe(before);
    expect(await sandboxGit(sandbox.project.projectDir, ['status', '--porcelain'])).toBe('');
    expect((await remoteLog(sandbox))[0]).toBe('docs: explain the server options (#5)');
    expect(sandbox.github.releases().map((release) => release.tagName)).toEqual(['v0.1.0']);
  });
});
