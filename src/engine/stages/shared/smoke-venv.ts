/*
 * The smoke test shared by the TestPyPI dry run (stage 2) and the PyPI smoke (stage 5): a fresh
 * venv in a private directory, `project==version` installed from the index with the user's pip
 * index configuration ignored, the installed version checked, then the import package, every
 * console script and every extra smoke command run in parallel. A table of results is printed;
 * the venv is removed on success and kept (and named) on failure.
 */
import { smokeSettingsFor, type ReleaseConfig } from '../../../domain/config';
import { PyreleaseError } from '../../../domain/errors';
import { canonicalizeVersion } from '../../../domain/version';
import type { PythonEnvironments, Venv } from '../../../ports/python';
import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { MAX_POLL_INTERVAL_MS } from './wait-for-index';
import { renderSmokeTable, type SmokeRow } from './smoke-table';

export type { SmokeRow } from './smoke-table';

export interface SmokeDeps {
  python: PythonEnvironments;
}

export interface SmokeOptions {
  project: string;
  version: string;
  /** Simple URL of the index to install from (`https://test.pypi.org/simple/`). */
  indexUrl: string;
  /** Simple URL for dependencies (PyPI, in the TestPyPI dry run). */
  extraIndexUrl?: string;
  /** `target` (`pkg.cli:main`) tells the import package when `importPackage` is not given. */
  entrypoints: readonly { name: string; kind: 'console' | 'gui'; target?: string }[];
  config: ReleaseConfig;
  /** The import package to check with `python -c "import <it>"`; skipped when unknown. */
  importPackage?: string;
  /** Interpreter for the venv; the port's default otherwise. */
  python?: string;
  /** The user's environment, to report the pip index settings that were ignored. */
  userEnv?: Readonly<Record<string, string | undefined>>;
  /**
   * The release's files as the index listed them (waitForIndex): when given, the file pip installed
   * must be one of them, not a same-named project from the extra index (TECH-FACTS §3.7).
   */
  expectedFiles?: readonly { url: string }[];
  /** pip install attempts while the index may still lag (TECH-FACTS §3.6). Default 3. */
  installAttempts?: number;
}

export interface SmokeOutcome {
  results: SmokeRow[];
  venvRemoved: boolean;
  venvDir: string;
  /** Where pip downloaded the project from, when it said. */
  installedFrom: string | undefined;
}

const IMPORT_TIMEOUT_S = 60;
const TAIL_LINES = 5;

function topModule(target: string | undefined): string | undefined {
  const module = target?.split(':')[0]?.split('.')[0]?.trim();
  return module && /^[A-Za-z_]\w*$/.test(module) ? module : undefined;
}

function failed(name: string, kind: SmokeRow['kind'], note: string, output: string[] = []): SmokeRow {
  return { name, kind, status: 'failed', exitCode: null, expectedExit: 0, timedOut: false, seconds: 0, output, note };
}

function skipped(name: string, kind: SmokeRow['kind'], note: string): SmokeRow {
  return {
    name,
    kind,
    status: 'skipped',
    exitCode: null,
    expectedExit: 0,
    timedOut: false,
    seconds: 0,
    output: [],
    note,
  };
}

/** What ran, exit code against expected, and the tail of its output, for the error message. */
function describeFailure(row: SmokeRow): string {
  const what =
    row.kind === 'script'
      ? `console script ${row.name}`
      : row.kind === 'command'
        ? `smoke command \`${row.name}\``
        : row.name;
  const why =
    row.note ?? (row.timedOut ? 'timed out' : `exited with code ${row.exitCode ?? '?'}, expected ${row.expectedExit}`);
  const tail = row.output.slice(-TAIL_LINES).map((line) => `    ${line}`);
  return [`  ✗ ${what}: ${why}`, ...tail].join('\n');
}

interface Planned {
  name: string;
  kind: SmokeRow['kind'];
  argv: readonly string[];
  timeout: number;
  expectExit: number;
}

/**
 * Installs `project==version` into a fresh venv and runs what it installed; returns the rows of
 * the result table. Throws `smoke.failed` (venv kept) when anything failed.
 */
export async function smokeInVenv(
  ctx: StepContext<ReleasePorts>,
  deps: SmokeDeps,
  options: SmokeOptions,
): Promise<SmokeOutcome> {
  const { python } = deps;
  const { project, version } = options;
  const pipLine = (line: string, stream: 'stdout' | 'stderr') => ctx.log(`pip: ${line}`, stream);

  const [venv, ignored] = await Promise.all([
    // Code from the index runs in this venv: it sees only the variables the user passed on, no token.
    python.create({ ...(options.python ? { python: options.python } : {}), passEnv: options.config.smokeEnv }),
    python.userIndexConfig(options.userEnv ?? {}),
  ]);
  if (ignored.length > 0) {
    const list = ignored.map((setting) => `${setting.key} ${setting.value} (${setting.source})`).join('; ');
    const sources = options.extraIndexUrl ? `${options.indexUrl} and ${options.extraIndexUrl}` : options.indexUrl;
    ctx.warn(
      `Your pip configuration adds package sources that this smoke test ` +
        `ignores, so it installs only from ${sources}: ${list}.`,
    );
  }
  ctx.log(`Created a fresh virtual environment in ${venv.dir}`);
  try {
    const index = {
      indexUrl: options.indexUrl,
      ...(options.extraIndexUrl ? { extraIndexUrl: options.extraIndexUrl } : {}),
    };
    const upgraded = await python.upgradePip(venv, index, { onLine: pipLine, signal: ctx.signal });
    // An index without pip (a mirror, the sandbox) is no reason to stop: the venv's own pip installs too.
    if (!upgraded.ok)
      ctx.log(`Could not upgrade pip from ${options.indexUrl}; continuing with the pip the venv came with.`);

    const installFailure = await installWithRetries(ctx, python, venv, options, pipLine);
    if (installFailure) return await finish(ctx, python, venv, [installFailure], undefined);

    const rows: SmokeRow[] = [];
    const installedFrom = await python.installedFrom(venv, project);
    if (installedFrom) ctx.log(`Installed ${project} from ${installedFrom}`);
    const withoutFragment = (url: string) => url.replace(/#.*$/, '');
    if (
      options.expectedFiles &&
      !options.expectedFiles.some(
        (file) => installedFrom !== undefined && withoutFragment(file.url) === withoutFragment(installedFrom),
      )
    ) {
      rows.push(
        failed(
          'installed from',
          'install',
          `${installedFrom ?? 'an unknown source'} is not a file of ${project} ${version} ` +
            `on ${options.indexUrl} (dependency confusion?)`,
        ),
      );
    }
    const installed = await python.installedVersion(venv, project);
    // PEP 440 normalization: 0.1.1-rc.1 installed as 0.1.1rc1 is the same version.
    if (installed === undefined || canonicalizeVersion(installed) !== canonicalizeVersion(version)) {
      rows.push(
        failed(
          'installed version',
          'version',
          installed === undefined ? `${project} is not installed` : `installed ${installed}, expected ${version}`,
        ),
      );
    } else {
      rows.push({
        name: 'installed version',
        kind: 'version',
        status: 'passed',
        exitCode: null,
        expectedExit: 0,
        timedOut: false,
        seconds: 0,
        output: [installed],
      });
    }

    const planned: Planned[] = [];
    const importPackage =
      options.importPackage ?? options.entrypoints.map((entry) => topModule(entry.target)).find(Boolean);
    if (importPackage) {
      planned.push({
        name: `import ${importPackage}`,
        kind: 'import',
        argv: [venv.python, '-c', `import ${importPackage}`],
        timeout: IMPORT_TIMEOUT_S,
        expectExit: 0,
      });
    } else {
      rows.push(skipped('import', 'import', 'import package unknown'));
    }
    for (const entry of options.entrypoints) {
      const settings = smokeSettingsFor(options.config, entry.name);
      if (entry.kind === 'gui') rows.push(skipped(entry.name, 'script', 'GUI script: not run'));
      else if (settings.skip)
        rows.push(skipped(entry.name, 'script', `skip = true in [tool.pyrelease.smoke.${entry.name}]`));
      else
        planned.push({
          name: entry.name,
          kind: 'script',
          argv: [venv.bin(entry.name), ...settings.args],
          timeout: settings.timeout,
          expectExit: settings.expectExit,
        });
    }
    for (const command of options.config.smokeCommands) {
      planned.push({
        name: command.argv.join(' '),
        kind: 'command',
        argv: command.argv,
        timeout: command.timeout,
        expectExit: command.expectExit,
      });
    }
    rows.push(...(await Promise.all(planned.map((item) => runOne(ctx, python, venv, item)))));
    return await finish(ctx, python, venv, rows, installedFrom);
  } catch (error) {
    // Stopped on request: nothing to look into; the next session's sweep removes the venv.
    const cancelled = ctx.signal.aborted || (error instanceof PyreleaseError && error.kind === 'cancelled');
    if (!cancelled && !(error instanceof PyreleaseError && error.code === 'smoke.failed')) {
      await python.keep(venv);
      ctx.log(`The virtual environment is kept at ${venv.dir}`);
    }
    throw error;
  }
}

async function installWithRetries(
  ctx: StepContext<ReleasePorts>,
  python: PythonEnvironments,
  venv: Venv,
  options: SmokeOptions,
  pipLine: (line: string, stream: 'stdout' | 'stderr') => void,
): Promise<SmokeRow | undefined> {
  const requirement = `${options.project}==${options.version}`;
  const attempts = Math.max(1, options.installAttempts ?? 3);
  let delay = Math.max(1, ctx.reads.pacing.pollIntervalMs);
  const started = ctx.reads.clock.now();
  let output = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const result = await python.install(
      venv,
      {
        requirement,
        indexUrl: options.indexUrl,
        ...(options.extraIndexUrl ? { extraIndexUrl: options.extraIndexUrl } : {}),
      },
      { onLine: pipLine, signal: ctx.signal },
    );
    if (result.ok) return undefined;
    output = result.output;
    if (attempt < attempts) {
      // A first failure right after the upload is often the CDN still serving the old page (warehouse#9572).
      ctx.log(
        `pip could not install ${requirement} (attempt ${attempt} of ${attempts}); the index may still be ` +
          `catching up. Trying again in ${(delay / 1000).toFixed(1)} s.`,
      );
      await ctx.reads.clock.sleep(delay, ctx.signal);
      delay = Math.min(delay * 2, MAX_POLL_INTERVAL_MS);
    }
  }
  const row = failed(`pip install ${requirement}`, 'install', `pip failed ${attempts} time(s)`, output.split('\n'));
  return { ...row, exitCode: 1, seconds: (ctx.reads.clock.now() - started) / 1000 };
}

async function runOne(
  ctx: StepContext<ReleasePorts>,
  python: PythonEnvironments,
  venv: Venv,
  item: Planned,
): Promise<SmokeRow> {
  const started = ctx.reads.clock.now();
  const result = await python.run(venv, item.argv, {
    timeoutMs: item.timeout * 1000,
    signal: ctx.signal,
    onLine: (line, stream) => ctx.log(`${item.name}: ${line}`, stream),
  });
  const seconds = (ctx.reads.clock.now() - started) / 1000;
  const passed = !result.timedOut && result.exitCode === item.expectExit;
  const note = result.timedOut
    ? `did not finish within ${item.timeout} s`
    : result.exitCode === null
      ? 'could not be started'
      : undefined;
  return {
    name: item.name,
    kind: item.kind,
    status: passed ? 'passed' : 'failed',
    exitCode: result.exitCode,
    expectedExit: item.expectExit,
    timedOut: result.timedOut,
    seconds,
    output: result.output === '' ? [] : result.output.split('\n'),
    ...(note ? { note } : {}),
  };
}

/** Prints the table; removes the venv when everything passed, keeps it and throws otherwise. */
async function finish(
  ctx: StepContext<ReleasePorts>,
  python: PythonEnvironments,
  venv: Venv,
  rows: SmokeRow[],
  installedFrom: string | undefined,
): Promise<SmokeOutcome> {
  ctx.report(renderSmokeTable(rows));
  const failures = rows.filter((row) => row.status === 'failed');
  if (failures.length === 0) {
    await python.remove(venv);
    return { results: rows, venvRemoved: true, venvDir: venv.dir, installedFrom };
  }
  await python.keep(venv);
  ctx.log(`The virtual environment is kept at ${venv.dir}`);
  throw new PyreleaseError(
    'smoke.failed',
    `The smoke test failed (${failures.length} of ${rows.length}):\n${failures.map(describeFailure).join('\n')}`,
    {
      hint:
        `The venv is kept at ${venv.dir}: activate it with \`. ${venv.bin('activate')}\` to look into it, ` +
        `fix the package, and release a new version (the version on the index ` +
        `cannot be replaced).`,
    },
  );
}
