import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExecaProcessRunner } from '../../src/adapters/process-execa';
import { PythonVenvEnvironments } from '../../src/adapters/python-venv';
import { systemClock } from '../../src/adapters/system-clock';
import { DEFAULT_CONFIG, type ReleaseConfig } from '../../src/domain/config';
import { PyreleaseError } from '../../src/domain/errors';
import { Redactor } from '../../src/domain/redactor';
import { smokeInVenv, type SmokeOptions, type SmokeOutcome } from '../../src/engine/stages/shared/smoke-venv';
import { renderSmokeTable } from '../../src/engine/stages/shared/smoke-table';
import { startIndexServer, type IndexServer } from '../../src/sandbox/index-server';
import { greeting, writeWheel } from '../helpers/make-wheel';
import { fakeStepContext } from '../helpers/step-context';

const PROJECT = 'quillnote';
const VERSION = '0.1.1rc1';
/** Console scripts that misbehave on purpose, injected after the wheel's `__init__.py` header (makeWheel's marker is a comment line). */
const BEHAVIOURS = [
  'behaviours',
  'import sys, time',
  'def fail():',
  '    print("quillnote is broken", flush=True)',
  '    sys.exit(3)',
  'def usage():',
  '    print("usage: quill-usage FILE", flush=True)',
  '    sys.exit(2)',
  'def hang():',
  '    print("hanging", flush=True)',
  '    time.sleep(60)',
].join('\n');
const SCRIPTS = {
  quill: 'quillnote:main',
  'quill-notes': 'quillnote:main',
  'quill-fail': 'quillnote:fail',
  'quill-usage': 'quillnote:usage',
  'quill-hang': 'quillnote:hang',
};

let work: string;
let server: IndexServer;
const keptVenvs: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pyrelease-test-'));
  server = await startIndexServer({ name: 'testpypi', dataDir: join(work, 'index') });
  server.publishFile(writeWheel(work, { name: PROJECT, version: VERSION, marker: BEHAVIOURS, scripts: SCRIPTS }));
});

afterAll(async () => {
  await server.stop();
  for (const dir of [work, ...keptVenvs]) rmSync(dir, { recursive: true, force: true });
});

/**
 * A step context with real time at 25 ms pacing (the smoke test reaches the index through pip, not
 * through a port), output collected, and the python port on venvs of its own.
 */
function harness(parentEnv: Record<string, string> = {}) {
  const fake = fakeStepContext({ reads: { clock: systemClock, pacing: { pollIntervalMs: 25 } } });
  // Passed through, only to tell the order of lines and reports apart.
  const log = vi.spyOn(fake.ctx, 'log');
  const report = vi.spyOn(fake.ctx, 'report');
  // `parentEnv` plays the user's shell environment: the runner hands it to every child.
  const python = new PythonVenvEnvironments(new ExecaProcessRunner(new Redactor(), { env: parentEnv }));
  return { ...fake, python, log, report };
}

function options(entrypoints: SmokeOptions['entrypoints'], config: Partial<ReleaseConfig> = {}): SmokeOptions {
  return {
    project: PROJECT,
    version: VERSION,
    indexUrl: `${server.url}/simple/`,
    entrypoints,
    config: { ...DEFAULT_CONFIG, ...config },
  };
}

const script = (name: string) => ({ name, kind: 'console' as const, target: 'quillnote:main' });

describe('smokeInVenv', () => {
  it('installs, checks the version, runs the import, both console scripts and a smoke command, then removes the venv', async () => {
    const { ctx, python, lines, reports, log, report } = harness();
    const wheelUrl = `${server.url}/files/${PROJECT}/${PROJECT}-${VERSION}-py3-none-any.whl`;
    const outcome = await smokeInVenv(
      ctx,
      { python },
      {
        ...options([script('quill'), script('quill-notes'), { name: 'quill-gui', kind: 'gui' }], {
          smoke: { 'quill-notes': { args: ['--version'], timeout: 30, expectExit: 0, skip: false } },
          smokeCommands: [
            { argv: ['python', '-c', 'import quillnote; print(quillnote.__version__)'], timeout: 30, expectExit: 0 },
          ],
        }),
        // As waitForIndex returns them: the installed wheel must be one of the release's files.
        expectedFiles: [{ url: `${wheelUrl}#sha256=0` }],
      },
    );

    expect(outcome.venvRemoved).toBe(true);
    expect(existsSync(outcome.venvDir)).toBe(false);
    expect(outcome.installedFrom).toBe(wheelUrl);
    expect(outcome.results.map((row) => [row.name, row.status, row.exitCode, row.output[0] ?? row.note])).toEqual([
      ['installed version', 'passed', null, VERSION],
      ['quill-gui', 'skipped', null, 'GUI script: not run'],
      ['import quillnote', 'passed', 0, undefined],
      ['quill', 'passed', 0, greeting({ name: PROJECT, version: VERSION })],
      ['quill-notes', 'passed', 0, greeting({ name: PROJECT, version: VERSION })],
      ['python -c import quillnote; print(quillnote.__version__)', 'passed', 0, VERSION],
    ]);
    // Each script's output is prefixed with its name; the table closes the log.
    expect(lines).toContain(`quill: ${greeting({ name: PROJECT, version: VERSION })}`);
    expect(lines).toContain(`quill-notes: ${greeting({ name: PROJECT, version: VERSION })}`);
    expect(reports).toEqual([renderSmokeTable(outcome.results)]);
    expect(report.mock.invocationCallOrder).toHaveLength(1);
    expect(Math.max(...log.mock.invocationCallOrder)).toBeLessThan(report.mock.invocationCallOrder[0]!);
  });

  describe('with failing, expected-exit and hanging scripts', () => {
    let error: PyreleaseError;
    let lines: string[];
    /** The result table's rows, as reported. */
    let table: string[];

    beforeAll(async () => {
      const run = harness();
      lines = run.lines;
      const caught = await smokeInVenv(
        run.ctx,
        { python: run.python },
        options([script('quill-fail'), script('quill-usage'), script('quill-hang'), script('quill-skipped')], {
          smoke: {
            'quill-usage': { args: [], timeout: 30, expectExit: 2, skip: false },
            'quill-hang': { args: [], timeout: 1, expectExit: 0, skip: false },
            'quill-skipped': { args: [], timeout: 30, expectExit: 0, skip: true },
          },
        }),
      ).then(
        (outcome: SmokeOutcome) => outcome,
        (thrown: unknown) => thrown,
      );
      expect(caught).toBeInstanceOf(PyreleaseError);
      error = caught as PyreleaseError;
      table = run.reports.flat();
      const kept = /The venv is kept at (\S+):/.exec(error.hint ?? '')?.[1];
      if (kept) keptVenvs.push(kept);
    });

    it('fails on a non-zero exit, with what ran, exit code against expected and the output tail', () => {
      expect(error.code).toBe('smoke.failed');
      expect(error.message).toContain('The smoke test failed (2 of 6):');
      expect(error.message).toContain(
        '  ✗ console script quill-fail: exited with code 3, expected 0\n    quillnote is broken',
      );
    });

    it('passes a script whose configured expected exit code (2) it returned', () => {
      expect(error.message).not.toContain('quill-usage');
      expect(table.find((line) => line.startsWith('quill-usage '))).toMatch(
        /^quill-usage +│ ✓ +│ 2 +│ [\d.]+ +│ usage: quill-usage FILE$/,
      );
    });

    it('fails a script that outlives its timeout, and reports skipped ones as skipped', () => {
      expect(error.message).toContain('  ✗ console script quill-hang: did not finish within 1 s\n    hanging');
      expect(table.find((line) => line.startsWith('quill-hang '))).toMatch(/^quill-hang +│ ✗ +│ timeout +│/);
      expect(table.find((line) => line.startsWith('quill-skipped '))).toMatch(
        /^quill-skipped +│ - +│ - +│ - +│ skip = true in \[tool\.pyrelease\.smoke\.quill-skipped\]$/,
      );
    });

    it('keeps the venv and names it', () => {
      const kept = keptVenvs.at(-1) ?? '';
      expect(existsSync(join(kept, 'venv', 'pyvenv.cfg'))).toBe(true);
      expect(lines).toContain(`The virtual environment is kept at ${kept}`);
      expect(error.hint).toContain(`The venv is kept at ${kept}`);
    });
  });

  it("ignores the user's pip configuration with an extra index, and says so", async () => {
    const conf = join(work, 'user-pip.conf');
    writeFileSync(conf, '[global]\nextra-index-url = http://127.0.0.1:9/simple\n');
    const { ctx, python, lines, stderr, reports, warnings } = harness({ PIP_CONFIG_FILE: conf });
    const outcome = await smokeInVenv(ctx, { python }, options([script('quill')]));
    expect(outcome.venvRemoved).toBe(true);
    expect(lines).toContain(`pip: Looking in indexes: ${server.url}/simple/`);
    expect([...lines, ...stderr, ...reports.flat()].join('\n')).not.toContain('127.0.0.1:9/');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      'extra-index-url http://127.0.0.1:9/simple (global.extra-index-url (pip configuration file))',
    );
  });
});
