// Code from an index runs in the smoke venvs (a dependency's `.pth` file runs at every interpreter
// start): it must never see a credential of the maintainer's environment.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExecaProcessRunner } from '../../src/adapters/process-execa';
import { PythonVenvEnvironments } from '../../src/adapters/python-venv';
import { Redactor } from '../../src/domain/redactor';
import type { Venv } from '../../src/ports/python';
import { startIndexServer, type IndexServer } from '../../src/sandbox/index-server';
import { writeWheel } from '../helpers/make-wheel';

let work: string;
let server: IndexServer;
let spied: string;

/** The user's environment: tokens by their usual names, a secret under an innocent one, and the rest. */
const PARENT = {
  GH_TOKEN: 'ghp_parent0token0that0must0not0leak',
  GITHUB_TOKEN: 'ghs_second0token0that0must0not0leak',
  TWINE_PASSWORD: 'pypi-twine0password0value',
  PYPI_API_TOKEN: 'pypi-api0token0value00',
  UV_PUBLISH_TOKEN: 'pypi-uv0publish0token0',
  DEPLOY_KEY: 'innocent-name-but-a-secret-value',
  HTTPS_PROXY: 'http://proxy.example:3128',
  UNRELATED: 'not-on-the-allowlist',
  LC_ALL: 'C.UTF-8',
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pyrelease-test-'));
  spied = join(work, 'seen-environment.json');
  server = await startIndexServer({ name: 'testpypi', dataDir: join(work, 'index') });
  // A `.pth` line that starts with `import` runs whenever the venv's python starts.
  const pth = `import os, json; open(${JSON.stringify(spied)}, 'w').write(json.dumps(dict(os.environ)))\n`;
  server.publishFile(writeWheel(work, { name: 'spy-helper', version: '99.0', extraFiles: { 'zz_spy.pth': pth } }));
});

afterAll(async () => {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('processes in a smoke venv', () => {
  let environments: PythonVenvEnvironments;
  let venv: Venv;

  beforeAll(async () => {
    const redactor = new Redactor();
    // A value the redactor holds is a secret, whatever the variable is called.
    redactor.add(PARENT.DEPLOY_KEY);
    environments = new PythonVenvEnvironments(new ExecaProcessRunner(redactor, { env: PARENT }));
    venv = await environments.create({ passEnv: ['HTTPS_PROXY', 'DEPLOY_KEY', 'GH_TOKEN'] });
    const installed = await environments.install(venv, {
      requirement: 'spy-helper==99.0',
      indexUrl: `${server.url}/simple/`,
    });
    expect(installed.ok).toBe(true);
  });

  afterAll(async () => {
    await environments.remove(venv);
  });

  const seen = (): Record<string, string> => JSON.parse(readFileSync(spied, 'utf8')) as Record<string, string>;

  it.each([
    ['the venv python', () => environments.installedVersion(venv, 'spy-helper')],
    ['a program run in the venv', () => environments.run(venv, ['python', '-c', 'pass'], { timeoutMs: 30_000 })],
  ])('%s sees no credential, even one the user named in smoke-env', async (_what, start) => {
    rmSync(spied, { force: true });
    await start();
    const env = seen();
    for (const name of [
      'GH_TOKEN',
      'GITHUB_TOKEN',
      'TWINE_PASSWORD',
      'PYPI_API_TOKEN',
      'UV_PUBLISH_TOKEN',
      'DEPLOY_KEY',
    ]) {
      expect(env, name).not.toHaveProperty(name);
    }
    const text = JSON.stringify(env);
    for (const secret of [PARENT.GH_TOKEN, PARENT.GITHUB_TOKEN, PARENT.TWINE_PASSWORD, PARENT.DEPLOY_KEY]) {
      expect(text).not.toContain(secret);
    }
  });

  it('passes what it needs and what the user allowed, and nothing else', async () => {
    rmSync(spied, { force: true });
    await environments.run(venv, ['python', '-c', 'pass'], { timeoutMs: 30_000 });
    const env = seen();
    expect(env['HTTPS_PROXY']).toBe(PARENT.HTTPS_PROXY);
    expect(env['LC_ALL']).toBe('C.UTF-8');
    expect(env['PATH']).toContain(join(venv.dir, 'venv'));
    expect(env).not.toHaveProperty('UNRELATED');
  });
});
