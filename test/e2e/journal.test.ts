import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalDataV1 } from '../../src/ports/journal-store';
import type { Sandbox } from '../../src/sandbox/sandbox';
import { sandboxGit } from '../../src/sandbox/sample-project/sandbox-git';
import { fastSandbox, runInSandbox } from '../helpers/sandbox-cli';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

const state = (box: Sandbox, ...parts: string[]) => join(box.project.projectDir, '.git', 'pyrelease', ...parts);

describe('the journal of a real release, in the sandbox', () => {
  it('keeps the working tree clean and leaves a record, a log, and no lock', async () => {
    sandbox = await fastSandbox();
    const run = await runInSandbox(sandbox, ['--yes']);
    expect(run.exitCode).toBe(0);
    expect(await sandboxGit(sandbox.project.projectDir, ['status', '--porcelain'])).toBe('');
    expect(readdirSync(state(sandbox, 'history'))).toHaveLength(1);
    expect(existsSync(state(sandbox, 'journal.json'))).toBe(false);
    expect(existsSync(state(sandbox, 'lock'))).toBe(false);
    const [log] = readdirSync(state(sandbox, 'logs'));
    expect(readFileSync(state(sandbox, 'logs', log!), 'utf8')).toContain('+version = "0.1.1"');
  });

  it('stops on a dirty tree, keeps its place, asks what to do on the next start, and resumes', async () => {
    sandbox = await fastSandbox();
    const notes = join(sandbox.project.projectDir, 'notes.txt');
    writeFileSync(notes, 'draft\n');
    const failed = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes']);
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toContain('✗ Working tree is clean — The working tree has uncommitted changes:');
    expect(failed.stdout).toContain('→ Commit or stash them');

    const status = await runInSandbox(sandbox, ['status']);
    expect(status.stdout).toContain('Release in progress: quillnote');
    expect(status.stdout).toContain('✗ Working tree is clean');

    const again = await runInSandbox(sandbox, []);
    expect(again.exitCode).toBe(1);
    expect(again.stdout + again.stderr).toContain('--answer journal.existing=resume|show|abandon');

    const shown = await runInSandbox(sandbox, ['--answer', 'journal.existing=show']);
    expect(shown.exitCode).toBe(0);
    expect(shown.stdout).toContain('Continue with `pyrelease --resume`.');

    await sandboxGit(sandbox.project.projectDir, ['stash', '-u', '-q']);
    const resumed = await runInSandbox(sandbox, ['--resume', '--stop-after', 'prepare', '--yes']);
    expect(resumed.exitCode).toBe(0);
    expect(resumed.stdout).toContain('(release, resumed)');
    expect(resumed.stdout).toContain('Paused after Prepare, as asked.');
    expect((await runInSandbox(sandbox, ['status'])).stdout).toContain('(release, paused)');
  });

  it('abandons a release in progress when told to', async () => {
    sandbox = await fastSandbox();
    writeFileSync(join(sandbox.project.projectDir, 'notes.txt'), 'draft\n');
    await runInSandbox(sandbox, ['--stop-after', 'prepare', '--yes']);
    const run = await runInSandbox(sandbox, ['--stop-after', 'prepare', '--answer', 'journal.existing=abandon']);
    expect(run.stdout).toContain('The previous release was abandoned');
    const [record] = readdirSync(state(sandbox, 'history'));
    expect(JSON.parse(readFileSync(state(sandbox, 'history', record!), 'utf8')).state).toBe('abandoned');
  });

  it('resumes a release whose journal pyrelease 0.1 wrote (schema 1), keeping what it had decided', async () => {
    sandbox = await fastSandbox();
    // A journal 0.1 wrote in another sandbox, cut back to the moment after the version choice, which
    // is made a minor one: only the journal can say 0.2.0, since the default choice is a patch.
    const fixture = new URL('../fixtures/journals/v1-paused-after-testpypi.json', import.meta.url);
    const v1 = JSON.parse(readFileSync(fixture, 'utf8')) as JournalDataV1;
    const kept = Object.keys(v1.steps).slice(0, Object.keys(v1.steps).indexOf('prepare.version') + 1);
    v1.steps = Object.fromEntries(kept.map((id) => [id, v1.steps[id]!]));
    v1.steps['prepare.version']!.outputs = {
      version: '0.2.0',
      tag: 'v0.2.0',
      bumpClass: 'minor',
      file: 'pyproject.toml',
    };
    v1.answers = {};
    v1.state = 'cancelled';
    v1.release = { project: 'quillnote', from: '0.1.0', to: '0.2.0' };
    mkdirSync(state(sandbox), { recursive: true });
    writeFileSync(state(sandbox, 'journal.json'), JSON.stringify(v1, null, 2));

    const status = await runInSandbox(sandbox, ['status']);
    expect(status.stdout).toContain('Release in progress: quillnote 0.1.0 → 0.2.0 (release, cancelled)');
    const run = await runInSandbox(sandbox, ['--resume', '--stop-after', 'prepare', '--yes']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('✓ Choose the version — already done: 0.2.0, chosen earlier');
    expect((await sandboxGit(sandbox.project.remoteDir, ['log', '--format=%s', '-1', 'main'])).trim()).toBe(
      'Release 0.2.0',
    );
    const journal = JSON.parse(readFileSync(state(sandbox, 'journal.json'), 'utf8'));
    expect(journal).toMatchObject({ schema: 2, flow: 'release', params: {}, releaseId: v1.releaseId });
    expect(journal.facts['chosen-version']).toMatchObject({ version: '0.2.0', tag: 'v0.2.0' });
    expect(journal.facts['release-commit']).toBeDefined();
  });

  it('in a dry run leaves the release in progress as it is, even when told to abandon it', async () => {
    sandbox = await fastSandbox();
    const fixture = new URL('../fixtures/journals/v1-paused-after-testpypi.json', import.meta.url);
    mkdirSync(state(sandbox), { recursive: true });
    writeFileSync(state(sandbox, 'journal.json'), readFileSync(fixture));
    const run = await runInSandbox(sandbox, [
      '--dry-run',
      '--yes',
      '--stop-after',
      'prepare',
      '--answer',
      'journal.existing=abandon',
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Dry run: the release in progress stays as it is');
    expect(readFileSync(state(sandbox, 'journal.json'))).toEqual(readFileSync(fixture));
    expect(existsSync(state(sandbox, 'history'))).toBe(false);
  });

  it('in a dry run writes nothing, not even its journal', async () => {
    sandbox = await fastSandbox();
    const run = await runInSandbox(sandbox, ['--yes', '--dry-run']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Dry run finished: nothing was changed.');
    expect(existsSync(state(sandbox))).toBe(false);
  });

  it('never shows the GitHub token, on screen, in the log or in the journal', async () => {
    sandbox = await fastSandbox();
    const token = sandbox.env.GH_TOKEN!;
    // A checklist item that quotes the token: it is printed, answered and recorded, so without
    // redaction it would reach the screen, the log and the journal.
    const checklist = join(sandbox.project.projectDir, 'docs', 'LAUNCH_CHECKLIST.md');
    writeFileSync(checklist, `${readFileSync(checklist, 'utf8')}- [ ] Revoke the old token ${token}\n`);
    await sandboxGit(sandbox.project.projectDir, ['commit', '-qam', 'docs: one more checklist item']);
    await sandboxGit(sandbox.project.projectDir, ['push', '-q', 'origin', 'main']);
    const run = await runInSandbox(sandbox, ['--yes']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Revoke the old token ***');
    expect(run.stdout + run.stderr).not.toContain(token);
    const files = [
      ...readdirSync(state(sandbox, 'logs')).map((name) => state(sandbox!, 'logs', name)),
      ...readdirSync(state(sandbox, 'history')).map((name) => state(sandbox!, 'history', name)),
    ];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(token);
  });
});
