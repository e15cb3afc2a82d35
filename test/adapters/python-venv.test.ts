import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExecaProcessRunner } from '../../src/adapters/process-execa';
import { PythonVenvEnvironments, parsePipConfigList, urlInReport } from '../../src/adapters/python-venv';
import { Redactor } from '../../src/domain/redactor';
import type { Venv } from '../../src/ports/python';
import { startIndexServer, type IndexServer } from '../../src/sandbox/index-server';
import { greeting, writeWheel } from '../helpers/make-wheel';

const NAME = 'quillnote';
/** An extra console script, injected after the wheel's `__init__.py` header (makeWheel's marker is a comment line). */
const BEHAVIOURS = [
  'behaviours',
  'import sys, time',
  'def hang():',
  '    print("hanging", flush=True)',
  '    time.sleep(60)',
].join('\n');

let work: string;
let server: IndexServer;
let environments: PythonVenvEnvironments;
let venv: Venv;
let simple: string;

// One venv for the whole file: creating one costs seconds.
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pyrelease-test-'));
  server = await startIndexServer({ name: 'pypi', dataDir: join(work, 'index') });
  simple = `${server.url}/simple/`;
  for (const version of ['0.1.0', '0.1.1rc1']) {
    server.publishFile(
      writeWheel(work, {
        name: NAME,
        version,
        marker: BEHAVIOURS,
        scripts: { quill: 'quillnote:main', 'quill-hang': 'quillnote:hang' },
      }),
    );
  }
  environments = new PythonVenvEnvironments(new ExecaProcessRunner(new Redactor()));
  venv = await environments.create({});
});

afterAll(async () => {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
  if (existsSync(venv.dir)) await environments.remove(venv);
});

/** A runner whose "parent environment" carries the user's own pip index settings. */
function withUserPipConfig(): { environments: PythonVenvEnvironments; env: Record<string, string> } {
  const conf = join(work, 'user-pip.conf');
  writeFileSync(conf, '[global]\nextra-index-url = http://127.0.0.1:9/simple\n');
  const env = {
    PIP_CONFIG_FILE: conf,
    PIP_INDEX_URL: 'http://127.0.0.1:9/primary',
    PIP_EXTRA_INDEX_URL: 'http://127.0.0.1:9/env',
  };
  return { environments: new PythonVenvEnvironments(new ExecaProcessRunner(new Redactor(), { env })), env };
}

describe('PythonVenvEnvironments', () => {
  it('creates a venv in a new private directory', () => {
    expect(statSync(venv.dir).mode & 0o777).toBe(0o700);
    expect(venv.dir.startsWith(join(tmpdir(), 'pyrelease-venv-'))).toBe(true);
    expect(existsSync(venv.python)).toBe(true);
    // Its owner, so a later session can remove it once this one is gone.
    expect(readFileSync(join(venv.dir, 'owner.pid'), 'utf8').trim()).toBe(String(process.pid));
    expect(venv.bin('quill')).toBe(join(venv.dir, 'venv', 'bin', 'quill'));
  });

  it('installs a pinned release from the index only, and says which version and file it installed', async () => {
    const lines: string[] = [];
    const result = await environments.install(
      venv,
      { requirement: `${NAME}==0.1.1rc1`, indexUrl: simple },
      { onLine: (line) => lines.push(line) },
    );
    expect(result.ok).toBe(true);
    expect(lines).toContain(`Looking in indexes: ${simple}`);
    expect(result.output).toContain(`Successfully installed ${NAME}-0.1.1rc1`);
    expect(await environments.installedVersion(venv, NAME)).toBe('0.1.1rc1');
    expect(await environments.installedVersion(venv, 'not-installed-here')).toBeUndefined();
    expect(await environments.installedFrom(venv, 'QuillNote')).toBe(
      `${server.url}/files/${NAME}/${NAME}-0.1.1rc1-py3-none-any.whl`,
    );
  });

  it("ignores the user's pip.conf and PIP_*INDEX_URL variables: only the given indexes are used", async () => {
    const user = withUserPipConfig();
    const result = await user.environments.install(venv, {
      requirement: `${NAME}==0.1.0`,
      indexUrl: simple,
      extraIndexUrl: `${server.url}/extra/`,
    });
    expect(result.ok).toBe(true);
    expect(result.output).toContain(`Looking in indexes: ${simple}, ${server.url}/extra/`);
    expect(result.output).not.toContain('127.0.0.1:9/');
    expect(await environments.installedVersion(venv, NAME)).toBe('0.1.0');
  });

  it("lists the index settings of the user's pip configuration", async () => {
    const user = withUserPipConfig();
    expect(await user.environments.userIndexConfig(user.env)).toEqual(
      expect.arrayContaining([
        {
          key: 'extra-index-url',
          value: 'http://127.0.0.1:9/simple',
          source: 'global.extra-index-url (pip configuration file)',
        },
        { key: 'extra-index-url', value: 'http://127.0.0.1:9/env', source: 'PIP_EXTRA_INDEX_URL' },
        { key: 'index-url', value: 'http://127.0.0.1:9/primary', source: 'PIP_INDEX_URL' },
      ]),
    );
  });

  it("reports a failed install as not ok, with pip's output", async () => {
    const result = await environments.install(venv, { requirement: `${NAME}==9.9.9`, indexUrl: simple });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('No matching distribution found');
  });

  it('keeps a working pip when the index has no pip to upgrade to', async () => {
    const result = await environments.upgradePip(venv, { indexUrl: simple });
    expect(typeof result.ok).toBe('boolean');
    expect(await environments.installedVersion(venv, 'pip')).toMatch(/^\d+\./);
  });

  it('runs console scripts and bare programs from the venv, in an empty working directory', async () => {
    const lines: string[] = [];
    const script = await environments.run(venv, ['quill', '--help'], {
      timeoutMs: 30_000,
      onLine: (line) => lines.push(line),
    });
    expect(script).toEqual({ exitCode: 0, output: greeting({ name: NAME, version: '0.1.0' }), timedOut: false });
    expect(lines).toEqual([greeting({ name: NAME, version: '0.1.0' })]);
    const where = await environments.run(
      venv,
      ['python', '-c', 'import os, sys; print(sys.prefix); print(os.getcwd())'],
      { timeoutMs: 30_000 },
    );
    expect(where.output.split('\n')).toEqual([join(venv.dir, 'venv'), join(venv.dir, 'work')]);
  });

  it('stops a program at its timeout and reports one that cannot start', async () => {
    const hung = await environments.run(venv, ['quill-hang'], { timeoutMs: 500 });
    expect(hung).toEqual({ exitCode: null, output: 'hanging', timedOut: true });
    const missing = await environments.run(venv, ['no-such-program-here'], { timeoutMs: 5_000 });
    expect(missing).toMatchObject({ exitCode: null, timedOut: false });
    expect(missing.output).toContain('no-such-program-here');
  });

  // Last: it removes the file's venv.
  it('removes only directories it created', async () => {
    await expect(environments.remove({ ...venv, dir: work })).rejects.toThrow(/did not create it/);
    expect(existsSync(work)).toBe(true);
    await environments.remove(venv);
    expect(existsSync(venv.dir)).toBe(false);
  });
});

describe('pip output parsing', () => {
  it('reads `pip config list`: index keys only, one entry per item, repr decoded', () => {
    const stdout = [
      ":env:.cert='/etc/ssl/certs/ca.crt'",
      ":env:.find-links='/opt/wheels'",
      "global.extra-index-url='http://a/simple\\nhttp://b/simple'",
      'install.index-url="https://mirror/it\'s"',
    ].join('\n');
    expect(parsePipConfigList(stdout)).toEqual([
      { key: 'find-links', value: '/opt/wheels', source: 'PIP_FIND_LINKS' },
      { key: 'extra-index-url', value: 'http://a/simple', source: 'global.extra-index-url (pip configuration file)' },
      { key: 'extra-index-url', value: 'http://b/simple', source: 'global.extra-index-url (pip configuration file)' },
      { key: 'index-url', value: "https://mirror/it's", source: 'install.index-url (pip configuration file)' },
    ]);
  });

  it('finds a distribution in an installation report by its normalized name', () => {
    const report = JSON.stringify({
      version: '1',
      install: [{ metadata: { name: 'Quill_Note', version: '1.0' }, download_info: { url: 'http://x/q.whl' } }],
    });
    expect(urlInReport(report, 'quill-note')).toBe('http://x/q.whl');
    expect(urlInReport(report, 'other')).toBeUndefined();
    expect(urlInReport('not json', 'quill-note')).toBeUndefined();
  });
});
