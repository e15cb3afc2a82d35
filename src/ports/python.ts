/*
 * Throwaway Python virtual environments for the TestPyPI dry run and the PyPI smoke test
 * (PRODUCT stages 2 and 5): create one in a private temporary directory, install the release from
 * an index with the user's own pip index configuration ignored, run what it installed, and
 * remove it (or keep it, when something failed, for the user to look into).
 */

/** A virtual environment created by `PythonEnvironments.create`. */
export interface Venv {
  /** The private temporary directory (mode 0700) holding the venv; removing it removes everything. */
  readonly dir: string;
  /** The venv's interpreter (`<venv>/bin/python`). */
  readonly python: string;
  /** Where a program installed into the venv lives (`<venv>/bin/<name>`), whether or not it exists. */
  bin(name: string): string;
}

export interface InstallRequest {
  /** A PEP 508 requirement; pin releases exactly (`quillnote==0.1.1rc1`, TECH-FACTS §3.7). */
  requirement: string;
  /** The primary index's simple URL (`https://test.pypi.org/simple/`). */
  indexUrl: string;
  /** A second simple URL, for dependencies (PyPI when installing from TestPyPI). */
  extraIndexUrl?: string;
  /** `--pre`: only needed when the requirement is not an exact pin of a pre-release. */
  pre?: boolean;
}

export interface PipIo {
  /** Every line of pip's output as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface InstallResult {
  /** pip exited 0. */
  ok: boolean;
  /** pip's output, stdout and stderr in arrival order. */
  output: string;
}

export interface VenvRunOptions {
  /** Killed after this long; the result then says `timedOut`. */
  timeoutMs: number;
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  signal?: AbortSignal;
}

export interface VenvRunResult {
  /** null when the program did not exit by itself (timed out) or could not be started. */
  exitCode: number | null;
  /** stdout and stderr in arrival order (or why it could not be started). */
  output: string;
  timedOut: boolean;
}

/** One index-related setting from the user's own pip configuration. */
export interface PipIndexSetting {
  /** `index-url`, `extra-index-url`, `find-links` or `no-index`. */
  key: string;
  /** One URL (or path, for find-links) per entry. */
  value: string;
  /** Where pip found it: an environment variable (`PIP_EXTRA_INDEX_URL`) or `<section>.<key>` of a pip.conf. */
  source: string;
}

export interface PythonEnvironments {
  /**
   * Creates a NEW private temporary directory (mode 0700) and a venv in it with `python -m venv`.
   * `python` defaults to the adapter's interpreter (`python3`).
   */
  /**
   * `passEnv`: the names of the user's environment variables every process in this venv may see
   * (`smoke-env`), besides the few every process gets. Processes in a venv run code from an index:
   * they never see a credential.
   */
  create(options: { python?: string; passEnv?: readonly string[] }): Promise<Venv>;

  /** Deletes the venv's whole directory. Only directories this port created are removed. */
  remove(venv: Venv): Promise<void>;

  /** Marks the venv as kept for the user to look into (a failed smoke test): `sweep` leaves it. */
  keep(venv: Venv): Promise<void>;

  /**
   * Removes the venvs a session that no longer runs left behind (killed mid-smoke-test), and
   * lists the ones kept for the user after a failure. Venvs of a live session are left alone.
   */
  sweep(): Promise<{ removed: string[]; kept: string[] }>;

  /**
   * `<venv python> -m pip install --no-cache-dir --disable-pip-version-check --index-url …
   * [--extra-index-url …] <requirement>`, with the user's pip index configuration ignored
   * (their pip.conf, PIP_INDEX_URL, PIP_EXTRA_INDEX_URL, PIP_FIND_LINKS) and no prompts.
   * A failed install is `{ok: false}`, not an error.
   */
  install(venv: Venv, request: InstallRequest, io?: PipIo): Promise<InstallResult>;

  /** `pip install --upgrade pip` from the given index, under the same isolation as `install`. */
  upgradePip(venv: Venv, index: { indexUrl: string; extraIndexUrl?: string }, io?: PipIo): Promise<InstallResult>;

  /** The installed version of a distribution (`importlib.metadata.version`), undefined when not installed. */
  installedVersion(venv: Venv, distribution: string): Promise<string | undefined>;

  /** The URL pip downloaded the distribution from in this venv's last install of it, when known. */
  installedFrom(venv: Venv, distribution: string): Promise<string | undefined>;

  /**
   * Runs a program as if the venv were activated: a bare first word found in the venv's bin is run
   * from there, the venv's bin leads PATH, and the working directory is an empty one of the venv's
   * (so a project checkout in the current directory cannot shadow what was installed).
   */
  run(venv: Venv, argv: readonly string[], options: VenvRunOptions): Promise<VenvRunResult>;

  /**
   * The index settings the user's own pip configuration would add (`pip config list`: their
   * pip.conf files and PIP_* variables in `env`), so a stage can say they were ignored.
   */
  userIndexConfig(env: Readonly<Record<string, string | undefined>>): Promise<PipIndexSetting[]>;
}
