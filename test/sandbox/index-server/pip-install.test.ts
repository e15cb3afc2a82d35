/*
 * The sandbox is only worth something if real pip believes it. One real venv for the whole file
 * (creating one costs seconds), one server, one project per test.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIndexServer, type IndexServer } from '../../../src/sandbox/index-server';
import { FixedClock } from '../../helpers/fixed-clock';
import { greeting, makeWheel } from '../../helpers/make-wheel';
import { upload } from './harness';

const run = promisify(execFile);

let root = '';
let venv = '';
let server: IndexServer;
const clock = new FixedClock();

/** pip with the user's configuration shut out (TECH-FACTS §3.7: ignore their index settings). */
const pipEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PIP_'))),
  PIP_CONFIG_FILE: '/dev/null',
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  PIP_NO_INPUT: '1',
});

async function pipInstall(requirement: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ['-m', 'pip', 'install', '--no-cache-dir', '--index-url', `${server.url}/simple/`, requirement];
  try {
    const { stdout, stderr } = await run(join(venv, 'bin', 'python'), args, { env: pipEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function script(name: string): Promise<string> {
  return (await run(join(venv, 'bin', name), [], { env: pipEnv() })).stdout.trim();
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pyrelease-pip-'));
  venv = join(root, 'venv');
  const [created, started] = await Promise.all([
    run('python3', ['-m', 'venv', venv]),
    startIndexServer({ name: 'testpypi', dataDir: join(root, 'index'), clock }),
  ]);
  expect(created.stderr).toBe('');
  server = started;
});

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('real pip against the sandbox index', () => {
  it('installs an uploaded wheel and its console script runs', async () => {
    const wheel = makeWheel({ name: 'acme-tool', version: '1.0.0', requiresPython: '>=3.8' });
    expect((await upload(server, wheel, { requires_python: '>=3.8' })).status).toBe(200);

    const result = await pipInstall('acme-tool==1.0.0');
    expect(result.stdout).toContain('Successfully installed acme-tool-1.0.0');
    expect(await script('acme-tool')).toBe(greeting(wheel));
    // pip read the simple page and downloaded the file from /files/.
    expect(server.requests()).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/simple/acme-tool/', status: 200 },
        { method: 'GET', path: '/files/acme-tool/acme_tool-1.0.0-py3-none-any.whl', status: 200 },
      ]),
    );
  });

  it('skips a yanked release unless it is pinned exactly, and warns when it installs one (PEP 592)', async () => {
    for (const version of ['1.0.0', '1.1.0']) await upload(server, makeWheel({ name: 'yank-demo', version }));
    server.yank('yank-demo', '1.1.0', 'Broken entry point');

    const unpinned = await pipInstall('yank-demo');
    expect(unpinned.stdout).toContain('Successfully installed yank-demo-1.0.0');

    const pinned = await pipInstall('yank-demo==1.1.0');
    expect(pinned.stdout).toContain('Successfully installed yank-demo-1.1.0');
    expect(pinned.stderr).toContain('The candidate selected for download or install is a yanked version');
    expect(pinned.stderr).toContain('Reason for being yanked: Broken entry point');
    expect(await script('yank-demo')).toBe(greeting({ name: 'yank-demo', version: '1.1.0' }));
  });

  it('cannot install a new release until the simple page catches up with the lag', async () => {
    server.setLag(60_000);
    await upload(server, makeWheel({ name: 'lag-demo', version: '2.0.0' }));

    const early = await pipInstall('lag-demo==2.0.0');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('No matching distribution found for lag-demo==2.0.0');

    clock.time += 60_000;
    expect((await pipInstall('lag-demo==2.0.0')).stdout).toContain('Successfully installed lag-demo-2.0.0');
    server.setLag(0);
  });
});
