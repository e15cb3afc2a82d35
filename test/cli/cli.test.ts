import { execa } from 'execa';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli';
import { git, makeRepo } from '../helpers/git-repo';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('pyrelease, the command', () => {
  it('prints help with the commands and the exit codes', async () => {
    const run = await runCli(['--help'], { cwd: tempDir() });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('pyrelease status');
    expect(run.stdout).toContain('--answer ID=VALUE');
    expect(run.stdout).toMatch(/130\s+interrupted; continue with `pyrelease --resume`/);
  });

  it('prints its version', async () => {
    const run = await runCli(['--version'], { cwd: tempDir() });
    expect(run).toMatchObject({ exitCode: 0, stdout: pkg.version });
  });

  it('refuses Node.js older than 22 with a clear message', async () => {
    const run = await execa(process.execPath, ['-e', `Object.defineProperty(process.versions, 'node', { value: '20.1.0' }); await import(${JSON.stringify(BIN)})`], { reject: false, input: '' });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('pyrelease needs Node.js 22 or newer; this is Node.js 20.1.0.');
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'."],
    [['--resum'], 'Did you mean --resume?'],
    [['stauts'], 'Did you mean `pyrelease status`?'],
    [['status', '--yes'], '--yes does not apply to `pyrelease status`.'],
    [['--answer', 'novalue'], '--answer takes ID=VALUE'],
    [['--answers', 'missing.json'], 'Cannot read the answers file missing.json'],
  ])('treats %j as a usage error (exit 2) with a hint', async (args, message) => {
    const run = await runCli(args, { cwd: tempDir() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('→');
  });

  it('says when it is not inside a git repository', async () => {
    const run = await runCli(['status'], { cwd: tempDir() });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('is not inside a git repository');
    expect(run.stderr).toContain('--cwd DIR');
  });

  it('says no release is in progress in a fresh repository', async () => {
    const run = await runCli(['status'], { cwd: makeRepo(tempDir()) });
    expect(run).toMatchObject({ exitCode: 0, stdout: 'No release in progress.' });
  });

  it('runs the steps that exist in plain mode, keeping the working tree clean', async () => {
    const repo = makeRepo(tempDir());
    const run = await runCli([], { cwd: repo });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`✓ Inside a git repository — ${repo} on main`);
    expect(run.stdout).toContain('✓ Working tree is clean');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    const state = join(repo, '.git', 'pyrelease');
    expect(readdirSync(join(state, 'history'))).toHaveLength(1);
    expect(existsSync(join(state, 'journal.json'))).toBe(false);
    expect(existsSync(join(state, 'lock'))).toBe(false);
    const [log] = readdirSync(join(state, 'logs'));
    expect(readFileSync(join(state, 'logs', log!), 'utf8')).toContain('✓ Working tree is clean');
  });

  it('stops on a dirty tree, keeps its place, and asks what to do on the next start', async () => {
    const repo = makeRepo(tempDir());
    writeFileSync(join(repo, 'notes.txt'), 'draft\n');
    const failed = await runCli([], { cwd: repo });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toContain('✗ Working tree is clean — The working tree has uncommitted changes:');
    expect(failed.stdout).toContain('→ Commit or stash them');

    const status = await runCli(['status'], { cwd: repo });
    expect(status.stdout).toContain('Release in progress');
    expect(status.stdout).toContain('✗ Working tree is clean');

    const again = await runCli([], { cwd: repo });
    expect(again.exitCode).toBe(1);
    expect(again.stdout + again.stderr).toContain('--answer journal.existing=resume|show|abandon');

    const shown = await runCli(['--answer', 'journal.existing=show'], { cwd: repo });
    expect(shown.exitCode).toBe(0);
    expect(shown.stdout).toContain('Continue with `pyrelease --resume`.');

    git(repo, 'add', 'notes.txt');
    git(repo, 'commit', '-q', '-m', 'Add notes');
    const resumed = await runCli(['--resume'], { cwd: repo });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.stdout).toContain('(release, resumed)');
    expect((await runCli(['status'], { cwd: repo })).stdout).toBe('No release in progress.');
  });

  it('abandons a release in progress when told to', async () => {
    const repo = makeRepo(tempDir());
    writeFileSync(join(repo, 'notes.txt'), 'draft\n');
    await runCli([], { cwd: repo });
    const run = await runCli(['--answer', 'journal.existing=abandon'], { cwd: repo });
    expect(run.stdout).toContain('The previous release was abandoned');
    const history = readdirSync(join(repo, '.git', 'pyrelease', 'history'));
    expect(JSON.parse(readFileSync(join(repo, '.git', 'pyrelease', 'history', history[0]!), 'utf8')).state).toBe('abandoned');
  });

  it('with --resume and nothing in progress, says so', async () => {
    const run = await runCli(['--resume'], { cwd: makeRepo(tempDir()) });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('There is no release in progress to resume.');
  });

  it('in a dry run writes nothing, not even its journal', async () => {
    const repo = makeRepo(tempDir());
    const run = await runCli(['--dry-run'], { cwd: repo });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Dry run finished: nothing was changed.');
    expect(existsSync(join(repo, '.git', 'pyrelease'))).toBe(false);
  });

  it('never shows the GitHub token, on screen, in the log or in the journal', async () => {
    const token = 'ghp_TopSecretValue0123456789';
    const parent = tempDir();
    const repo = join(parent, `checkout-${token}`);
    mkdirSync(repo);
    makeRepo(repo);
    const run = await runCli([], { cwd: repo, env: { GH_TOKEN: token } });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('checkout-***');
    const state = join(repo, '.git', 'pyrelease');
    const files = [...readdirSync(join(state, 'logs')).map((name) => join(state, 'logs', name)), ...readdirSync(join(state, 'history')).map((name) => join(state, 'history', name))];
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(token);
    expect(run.stdout + run.stderr).not.toContain(token);
  });
});
