/*
 * PythonEnvironments over the ProcessRunner port: `python -m venv` in a private temporary
 * directory, pip with the user's index configuration ignored, and programs run as if the venv
 * were activated. Every command is an argument array.
 *
 * Layout of one venv's directory (mkdtemp, mode 0700):
 *   venv/                 the virtual environment itself
 *   pip.conf              empty: PIP_CONFIG_FILE points here, so the user's pip.conf is not read
 *   reports/install-N.json  pip's `--report` of each install (where each file came from)
 *   work/                 empty working directory for smoke runs
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PyreleaseError, isPyreleaseError } from '../domain/errors';
import { normalizeProjectName } from '../domain/pyproject/normalize-project-name';
import { isProcessAlive } from './process-alive';
import type { ProcessRunner } from '../ports/process';
import type {
  InstallRequest,
  InstallResult,
  PipIndexSetting,
  PipIo,
  PythonEnvironments,
  Venv,
  VenvRunOptions,
  VenvRunResult,
} from '../ports/python';

export interface PythonVenvOptions {
  /** Interpreter for new venvs and for reading the user's pip configuration. Default `python3`. */
  python?: string;
  /** Where the private directories are made. Default: the OS temporary directory. */
  tempRoot?: string;
  /** Platform, for the venv layout (`Scripts\python.exe` on Windows). Default: this process's. */
  platform?: NodeJS.Platform;
  /** Whether a process runs (for `sweep`); tests script it. */
  isAlive?: (pid: number) => boolean;
}

const DIR_PREFIX = 'pyrelease-venv-';
/** The pid of the session that made the venv. */
const OWNER = 'owner.pid';
/** Present when the venv was kept for the user after a failure. */
const KEPT = 'KEPT';

/** What `mkdtemp(DIR_PREFIX)` makes: the prefix and six random characters. */
const MADE_DIR = /^pyrelease-venv-[A-Za-z0-9]{6}$/;
const INDEX_KEYS = ['index-url', 'extra-index-url', 'find-links', 'no-index'];
/** `--report` appeared in pip 22.2 (its format is stable, version "1", since 23.0). */
const REPORT_SINCE: readonly [number, number] = [22, 2];

export class PythonVenvEnvironments implements PythonEnvironments {
  private readonly python: string;
  private readonly windows: boolean;
  /** pip's version per venv, to know whether it understands `--report`; cleared by upgradePip. */
  private readonly pipVersions = new Map<string, readonly number[]>();
  /** Per venv, the user's variables its processes may see (`smoke-env`). */
  private readonly passEnv = new Map<string, readonly string[]>();

  constructor(
    private readonly runner: ProcessRunner,
    private readonly options: PythonVenvOptions = {},
  ) {
    this.python = options.python ?? 'python3';
    this.windows = (options.platform ?? process.platform) === 'win32';
  }

  async create(options: { python?: string; passEnv?: readonly string[] } = {}): Promise<Venv> {
    const dir = await mkdtemp(join(this.options.tempRoot ?? tmpdir(), DIR_PREFIX));
    // mkdtemp already makes it 0700 on POSIX; say so explicitly, the install report lives here.
    await chmod(dir, 0o700);
    const venv = this.venvAt(dir);
    this.passEnv.set(dir, options.passEnv ?? []);
    try {
      await writeFile(join(dir, 'pip.conf'), '', { mode: 0o600 });
      // Whose it is: a later session removes it once this process is gone, unless it was kept.
      await writeFile(join(dir, OWNER), `${process.pid}\n`, { mode: 0o600 });
      await mkdir(join(dir, 'reports'));
      await mkdir(join(dir, 'work'));
      await this.runner.run(options.python ?? this.python, ['-m', 'venv', join(dir, 'venv')], {
        cwd: dir,
        env: isolatedPython(),
        untrusted: this.untrusted(venv),
      });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      if (isPyreleaseError(error) && error.kind === 'cancelled') throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new PyreleaseError(
        'python.venv',
        `Could not create a virtual environment with ${options.python ?? this.python}: ${reason}`,
        {
          hint:
            'Check that this Python has the venv module (Debian/Ubuntu: `apt install ' +
            'python3-venv`), then `pyrelease --resume`.',
          cause: error,
        },
      );
    }
    return venv;
  }

  async remove(venv: Venv): Promise<void> {
    // Never delete a directory this port did not make, whatever a journal or a caller says.
    const made =
      MADE_DIR.test(basename(venv.dir)) &&
      (await stat(join(venv.dir, 'venv', 'pyvenv.cfg')).then(
        () => true,
        () => false,
      ));
    if (!made) {
      throw new PyreleaseError('python.venv-remove', `Refusing to remove ${venv.dir}: pyrelease did not create it.`, {
        hint: 'Remove it yourself if you no longer need it.',
      });
    }
    this.pipVersions.delete(venv.dir);
    this.passEnv.delete(venv.dir);
    await rm(venv.dir, { recursive: true, force: true });
  }

  async keep(venv: Venv): Promise<void> {
    await writeFile(join(venv.dir, KEPT), 'kept for the user after a failed smoke test\n', { mode: 0o600 });
  }

  async sweep(): Promise<{ removed: string[]; kept: string[] }> {
    const root = this.options.tempRoot ?? tmpdir();
    const names = (await readdir(root).catch(() => [] as string[])).filter((name) => MADE_DIR.test(name));
    const removed: string[] = [];
    const kept: string[] = [];
    for (const name of names) {
      const dir = join(root, name);
      if (
        await stat(join(dir, KEPT)).then(
          () => true,
          () => false,
        )
      ) {
        kept.push(dir);
        continue;
      }
      const owner = Number((await readFile(join(dir, OWNER), 'utf8').catch(() => '')).trim());
      // Only ours (an owner file), and only once its session is gone: another may be smoke-testing now.
      if (!Number.isInteger(owner) || owner <= 0 || (this.options.isAlive ?? isProcessAlive)(owner)) continue;
      await rm(dir, { recursive: true, force: true });
      removed.push(dir);
    }
    return { removed, kept };
  }

  async install(venv: Venv, request: InstallRequest, io: PipIo = {}): Promise<InstallResult> {
    const reports = join(venv.dir, 'reports');
    const report = join(reports, `install-${(await readdir(reports)).length + 1}.json`);
    const withReport = atLeast(await this.pipVersion(venv, io.signal), REPORT_SINCE);
    return this.pip(
      venv,
      [
        ...indexArgs(request),
        ...(request.pre ? ['--pre'] : []),
        ...(withReport ? ['--report', report] : []),
        request.requirement,
      ],
      io,
    );
  }

  async upgradePip(
    venv: Venv,
    index: { indexUrl: string; extraIndexUrl?: string },
    io: PipIo = {},
  ): Promise<InstallResult> {
    this.pipVersions.delete(venv.dir);
    return this.pip(venv, [...indexArgs(index), '--upgrade', 'pip'], io);
  }

  async installedVersion(venv: Venv, distribution: string): Promise<string | undefined> {
    const script =
      'import importlib.metadata as m, sys\ntry:\n    ' +
      'print(m.version(sys.argv[1]))\nexcept m.PackageNotFoundError:\n    ' +
      'sys.exit(3)';
    const result = await this.runner.run(venv.python, ['-I', '-c', script, distribution], {
      cwd: join(venv.dir, 'work'),
      env: isolatedPython(),
      untrusted: this.untrusted(venv),
      reject: false,
    });
    return result.exitCode === 0 ? result.stdout.trim() || undefined : undefined;
  }

  /*
   * Where the installed files came from. An install from an index leaves no direct_url.json
   * (PEP 610 records only direct URL installs), and `pip inspect` reports only that file, so
   * neither can answer. pip's log ("Downloading <url>") is prose that changes between versions.
   * pip's installation report (`--report`, pip >= 22.2, format stable since 23.0) is JSON made for
   * this: every item it installed with `metadata.name` and `download_info.url`. `install` writes
   * one per call into the venv's directory; the newest one naming the distribution answers.
   */
  async installedFrom(venv: Venv, distribution: string): Promise<string | undefined> {
    const reports = join(venv.dir, 'reports');
    const files = (await readdir(reports).catch(() => [] as string[]))
      .map((name) => ({ name, n: Number(/^install-(\d+)\.json$/.exec(name)?.[1] ?? NaN) }))
      .filter((entry) => Number.isFinite(entry.n))
      .sort((a, b) => b.n - a.n);
    const wanted = normalizeProjectName(distribution);
    for (const file of files) {
      const url = urlInReport(await readFile(join(reports, file.name), 'utf8').catch(() => ''), wanted);
      if (url !== undefined) return url;
    }
    return undefined;
  }

  async run(venv: Venv, argv: readonly string[], options: VenvRunOptions): Promise<VenvRunResult> {
    const [program, ...args] = argv;
    if (program === undefined)
      return { exitCode: null, output: 'Nothing to run: the command is empty.', timedOut: false };
    const resolved = /[\\/]/.test(program) ? program : await this.inBin(venv, program);
    const lines: string[] = [];
    try {
      const result = await this.runner.run(resolved, args, {
        cwd: join(venv.dir, 'work'),
        env: this.activated(venv),
        untrusted: this.untrusted(venv),
        timeoutMs: options.timeoutMs,
        reject: false,
        ...(options.signal ? { signal: options.signal } : {}),
        onLine: (line, stream) => {
          lines.push(line);
          options.onLine?.(line, stream);
        },
      });
      return { exitCode: result.exitCode, output: lines.join('\n'), timedOut: false };
    } catch (error) {
      if (isPyreleaseError(error) && error.code === 'process.timeout')
        return { exitCode: null, output: lines.join('\n'), timedOut: true };
      if (isPyreleaseError(error) && error.code === 'process.spawn')
        return { exitCode: null, output: [...lines, error.message].join('\n'), timedOut: false };
      throw error;
    }
  }

  async userIndexConfig(env: Readonly<Record<string, string | undefined>>): Promise<PipIndexSetting[]> {
    const fromEnv = (): PipIndexSetting[] =>
      INDEX_KEYS.flatMap((key) => {
        const variable = envName(key);
        return splitList(env[variable] ?? '').map((value) => ({ key, value, source: variable }));
      });
    const passed = Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('PIP_')));
    const result = await this.runner
      .run(this.python, ['-m', 'pip', 'config', 'list'], {
        env: { ...passed, PIP_NO_INPUT: '1' },
        reject: false,
        timeoutMs: 30_000,
      })
      .catch((error: unknown) => {
        if (isPyreleaseError(error) && error.kind === 'cancelled') throw error;
        return undefined;
      });
    // No pip for that Python: the variables are all that can be read.
    if (result === undefined || result.exitCode !== 0) return fromEnv();
    return parsePipConfigList(result.stdout);
  }

  private venvAt(dir: string): Venv {
    const binDir = join(dir, 'venv', this.windows ? 'Scripts' : 'bin');
    const exe = this.windows ? '.exe' : '';
    return {
      dir,
      python: join(binDir, `python${exe}`),
      bin: (name) => join(binDir, this.windows && !/\.\w+$/.test(name) ? `${name}${exe}` : name),
    };
  }

  private async inBin(venv: Venv, program: string): Promise<string> {
    const candidate = venv.bin(program);
    const binDir = join(candidate, '..');
    const present = await readdir(binDir).catch(() => [] as string[]);
    return present.includes(basename(candidate)) ? candidate : program;
  }

  /** Every process in a venv may run code from an index: it gets the allowlisted environment only. */
  private untrusted(venv: Venv): { allow: readonly string[] } {
    return { allow: this.passEnv.get(venv.dir) ?? [] };
  }

  private activated(venv: Venv): Record<string, string | undefined> {
    const binDir = join(venv.bin('python'), '..');
    const pathSeparator = this.windows ? ';' : ':';
    return {
      ...isolatedPython(),
      VIRTUAL_ENV: join(venv.dir, 'venv'),
      PATH: [binDir, process.env['PATH'] ?? ''].filter(Boolean).join(pathSeparator),
    };
  }

  private async pipVersion(venv: Venv, signal: AbortSignal | undefined): Promise<readonly number[]> {
    const known = this.pipVersions.get(venv.dir);
    if (known) return known;
    const result = await this.runner.run(venv.python, ['-m', 'pip', '--version'], {
      env: pipEnv(venv),
      untrusted: this.untrusted(venv),
      reject: false,
      ...(signal ? { signal } : {}),
    });
    const version = (/^pip (\d+)\.(\d+)/.exec(result.stdout)?.slice(1) ?? []).map(Number);
    this.pipVersions.set(venv.dir, version);
    return version;
  }

  private async pip(venv: Venv, args: readonly string[], io: PipIo): Promise<InstallResult> {
    const lines: string[] = [];
    const common = ['-m', 'pip', 'install', '--no-cache-dir', '--disable-pip-version-check', '--progress-bar', 'off'];
    const result = await this.runner.run(venv.python, [...common, ...args], {
      cwd: join(venv.dir, 'work'),
      env: pipEnv(venv),
      untrusted: this.untrusted(venv),
      reject: false,
      ...(io.signal ? { signal: io.signal } : {}),
      ...(io.timeoutMs ? { timeoutMs: io.timeoutMs } : {}),
      onLine: (line, stream) => {
        lines.push(line);
        io.onLine?.(line, stream);
      },
    });
    return { ok: result.exitCode === 0, output: lines.join('\n') };
  }
}

function indexArgs(index: { indexUrl: string; extraIndexUrl?: string }): string[] {
  return ['--index-url', index.indexUrl, ...(index.extraIndexUrl ? ['--extra-index-url', index.extraIndexUrl] : [])];
}

/** The interpreter sees only the venv: no PYTHONPATH/PYTHONHOME leaking the user's packages in. */
function isolatedPython(): Record<string, string | undefined> {
  return { PYTHONPATH: undefined, PYTHONHOME: undefined };
}

/*
 * pip reads configuration from files (global /etc/pip.conf, the user's, the venv's site file)
 * and from PIP_* variables, which beat the files; the command line beats both, except for list
 * options such as --extra-index-url, which are *added* to what the configuration says.
 * - PIP_CONFIG_FILE → an empty file: pip then skips the user's pip.conf (pip's
 *   Configuration.iter_config_files), while the global file with proxy/cert settings still applies.
 * - PIP_EXTRA_INDEX_URL / PIP_FIND_LINKS → a blank: pip splits list options on whitespace, so
 *   this is an empty list that overrides those keys in every file (checked with pip 23.2); an
 *   unset or empty variable would let a file's value through.
 * - PIP_INDEX_URL, PIP_NO_INDEX, and options that move the install elsewhere are not inherited;
 *   --index-url on the command line is the only index.
 */
function pipEnv(venv: Venv): Record<string, string | undefined> {
  return {
    ...isolatedPython(),
    PIP_CONFIG_FILE: join(venv.dir, 'pip.conf'),
    PIP_NO_INPUT: '1',
    PIP_INDEX_URL: undefined,
    PIP_EXTRA_INDEX_URL: ' ',
    PIP_FIND_LINKS: ' ',
    PIP_NO_INDEX: undefined,
    PIP_USER: undefined,
    PIP_TARGET: undefined,
    PIP_PREFIX: undefined,
    PIP_ROOT: undefined,
    PIP_REQUIRE_HASHES: undefined,
    PIP_CONSTRAINT: undefined,
    VIRTUAL_ENV: join(venv.dir, 'venv'),
  };
}

function atLeast(version: readonly number[], minimum: readonly [number, number]): boolean {
  const [major = 0, minor = 0] = version;
  return major > minimum[0] || (major === minimum[0] && minor >= minimum[1]);
}

function envName(key: string): string {
  return `PIP_${key.toUpperCase().replace(/-/g, '_')}`;
}

function splitList(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

/** The URL of `wanted` (PEP 503 normalized) in one pip installation report, if it installed it. */
export function urlInReport(text: string, wanted: string): string | undefined {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    return undefined;
  }
  const items = isRecord(report) && Array.isArray(report['install']) ? (report['install'] as unknown[]) : [];
  for (const item of items) {
    if (!isRecord(item) || !isRecord(item['metadata']) || !isRecord(item['download_info'])) continue;
    const name = item['metadata']['name'];
    const url = item['download_info']['url'];
    if (typeof name === 'string' && typeof url === 'string' && normalizeProjectName(name) === wanted) return url;
  }
  return undefined;
}

/**
 * `pip config list` prints `<section>.<key>=<python repr of the value>`, one per line; values
 * from PIP_* variables appear under the section `:env:`. Only the index keys are kept, one entry
 * per whitespace-separated item.
 */
export function parsePipConfigList(stdout: string): PipIndexSetting[] {
  const settings: PipIndexSetting[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^(.+?)\.([a-z0-9-]+)=(.*)$/.exec(line.trim());
    if (!match) continue;
    const [, section = '', key = '', raw = ''] = match;
    if (!INDEX_KEYS.includes(key)) continue;
    const source = section === ':env:' ? envName(key) : `${section}.${key} (pip configuration file)`;
    for (const value of splitList(pythonString(raw))) settings.push({ key, value, source });
  }
  return settings;
}

/** Decodes the repr of a Python str (`'a\nb'`); anything else is taken as it is. */
function pythonString(repr: string): string {
  const quote = repr[0];
  if ((quote !== "'" && quote !== '"') || repr.at(-1) !== quote) return repr;
  return repr.slice(1, -1).replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|.)/gi, (_, code: string) => {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
    if (/^[xuU]/.test(code) && code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
    return simple[code] ?? code;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
