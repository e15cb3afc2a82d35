import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guardFetchToLoopback } from '../../src/cli/loopback-guard';
import { execa } from 'execa';
import { BIN, runCli } from '../helpers/cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const kept: string[] = [];
afterEach(() => {
  for (const dir of kept.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('pyrelease demo', () => {
  it('builds a sandbox, runs the release unattended, and with --keep leaves the previous and the new release on the sandbox PyPI', async () => {
    const run = await runCli(['demo', '--yes', '--plain', '--keep'], { cwd: tempDir() });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Sandbox ready: quillnote 0.1.0 is on the sandbox PyPI (http://127.0.0.1:');
    expect(run.stdout).toContain('✓ Working tree is clean');
    const workspace = /The sandbox is kept in (\S+):/.exec(run.stdout)?.[1];
    expect(workspace).toBeDefined();
    kept.push(workspace!);
    expect(readdirSync(join(workspace!, 'indexes', 'pypi', 'files', 'quillnote')).sort()).toEqual([
      'quillnote-0.1.0-py3-none-any.whl',
      'quillnote-0.1.0.tar.gz',
      'quillnote-0.1.1-py3-none-any.whl',
      'quillnote-0.1.1.tar.gz',
    ]);
    // The dry run went first: the candidate the TestPyPI workflow built from the release commit.
    expect(readdirSync(join(workspace!, 'indexes', 'testpypi', 'files', 'quillnote')).sort()).toEqual([
      'quillnote-0.1.1rc1-py3-none-any.whl',
      'quillnote-0.1.1rc1.tar.gz',
    ]);
    expect(existsSync(join(workspace!, 'project', 'pyproject.toml'))).toBe(true);
    expect(existsSync(join(workspace!, 'remote.git', 'hooks', 'post-receive'))).toBe(true);
  });

  it('removes the sandbox afterwards unless told to keep it', async () => {
    const run = await runCli(['demo', '--yes', '--plain', '--stop-after', 'prepare'], { cwd: tempDir() });
    expect(run.exitCode).toBe(0);
    const project = /Releasing from (\S+)\/project/.exec(run.stdout)?.[1];
    expect(project).toBeDefined();
    expect(existsSync(project!)).toBe(false);
    expect(run.stdout).toContain('The sandbox was removed (keep it with --keep).');
  });

  it('checks its prerequisites first and says exactly what is missing', async () => {
    const run = await runCli(['demo', '--yes', '--plain'], {
      cwd: tempDir(),
      env: { PYRELEASE_SANDBOX_PYTHON: '/bin/false' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('pyrelease demo needs what it cannot find here:');
    expect(run.stderr).toContain('python3 with venv (Debian: apt-get install python3-venv)');
    expect(run.stderr).toContain('apt-get install python3-build python3-setuptools python3-wheel');
    expect(run.stdout).not.toContain('Building the sandbox');
  });

  it('on Ctrl-C while building, stops its servers and leaves no files behind (exit 130)', async () => {
    // The child's temporary directory is a fresh one, so whatever it leaves there shows.
    const tmp = tempDir();
    const child = execa(process.execPath, [BIN, 'demo', '--yes', '--plain'], {
      cwd: tmp,
      env: { CI: 'true', NO_COLOR: '1', TMPDIR: tmp },
      reject: false,
      stdin: 'ignore',
    });
    child.stdout?.setEncoding('utf8');
    await new Promise<void>((resolve) =>
      child.stdout?.on('data', (chunk: string) => chunk.includes('Building the sandbox') && resolve()),
    );
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(String(result.stdout)).toContain('The sandbox was removed');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('names the scenarios when given an unknown one', async () => {
    const run = await runCli(['demo', '--scenario', 'nope'], { cwd: tempDir() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('There is no demo scenario "nope".');
    expect(run.stderr).toContain('approval');
    expect(run.stderr).toContain('protected-branch');
  });
});

describe('the loopback guard', () => {
  it('refuses any request that would leave the machine, and lets loopback through', async () => {
    const guard = guardFetchToLoopback();
    try {
      await expect(fetch('https://api.github.com/rate_limit')).rejects.toMatchObject({ code: 'demo.network' });
      await expect(fetch('https://pypi.org/simple/')).rejects.toMatchObject({ code: 'demo.network' });
      expect(guard.refused).toEqual(['https://api.github.com', 'https://pypi.org']);
      // Not the network: a data: URL passes untouched.
      expect(await (await fetch('data:text/plain,local')).text()).toBe('local');
      // A closed loopback port: the guard lets it through, and the connection itself fails.
      await expect(fetch('http://127.0.0.1:9/')).rejects.toThrow(/fetch failed/);
    } finally {
      guard.restore();
    }
  });
});
