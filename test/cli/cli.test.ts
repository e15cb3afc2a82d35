import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli';
import { makeRepo } from '../helpers/git-repo';
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
    const run = await execa(
      process.execPath,
      [
        '-e',
        `Object.defineProperty(process.versions, 'node', { value: '20.1.0' }); await import(${JSON.stringify(BIN)})`,
      ],
      { reject: false, input: '' },
    );
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

  it('with --resume and nothing in progress, says so', async () => {
    const run = await runCli(['--resume'], { cwd: makeRepo(tempDir()) });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('There is no release in progress to resume.');
  });
});
