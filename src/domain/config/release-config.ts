/** The two package indexes a release goes through: the TestPyPI dry run, then PyPI. */
export type PackageIndex = 'pypi' | 'testpypi';

export const PACKAGE_INDEXES: readonly PackageIndex[] = ['pypi', 'testpypi'];

/** How one console script of `[project.scripts]` is smoke-tested after install. */
export interface SmokeScriptConfig {
  /** Arguments passed to the script (an argv tail, never a shell string). */
  readonly args: readonly string[];
  /** Seconds before the run is killed and counted as failed. */
  readonly timeout: number;
  /** The exit code that means success. */
  readonly expectExit: number;
  /** Leave this script out of the smoke test (e.g. a long-running server). */
  readonly skip: boolean;
}

/** An extra command run in the fresh venv after the console scripts. */
export interface SmokeCommand {
  /** Full argv: the program first. */
  readonly argv: readonly string[];
  readonly timeout: number;
  readonly expectExit: number;
}

/** A project-specific rollback action offered in the rollback menu. */
export interface RollbackAction {
  readonly name: string;
  readonly argv: readonly string[];
  readonly description: string | undefined;
}

/** `[tool.pyrelease]`, every key defaulted. Keys are the camelCase of the TOML kebab-case keys. */
export interface ReleaseConfig {
  /** `branch`: the branch releases are cut from. */
  readonly branch: string;
  /** `tag-format`: the tag name for a version; contains `{version}` exactly once. */
  readonly tagFormat: string;
  /** `workflows`: file names under `.github/workflows/` (the trusted publisher's "workflow name"). */
  readonly workflows: Readonly<Record<PackageIndex, string>>;
  /** `environments`: GitHub environment the publishing job runs in, per index. */
  readonly environments: Readonly<Record<PackageIndex, string>>;
  /** `required-checks`: check-run / status names that must be green on the release commit. */
  readonly requiredChecks: readonly string[];
  /** `checklist`: launch checklist path, relative to the repository root. */
  readonly checklist: string;
  /** `support-matrix`: support matrix path, relative to the repository root. */
  readonly supportMatrix: string;
  /** `smoke.<script>`: per console script overrides; scripts not listed use `DEFAULT_SMOKE_SCRIPT`. */
  readonly smoke: Readonly<Record<string, SmokeScriptConfig>>;
  /** `smoke-commands`: extra commands run after the console scripts. */
  readonly smokeCommands: readonly SmokeCommand[];
  /**
   * `smoke-env`: the user's environment variables the smoke venvs' processes may see (a proxy, a
   * CA bundle). They get PATH, HOME, TMPDIR, TERM, the locale and these; never a credential.
   */
  readonly smokeEnv: readonly string[];
  /** `performance-paths`: globs whose change makes the Performance impact section mandatory. */
  readonly performancePaths: readonly string[];
  /** `[[rollback]]`: project-specific rollback actions. */
  readonly rollback: readonly RollbackAction[];
  /** `index`: base URLs (no trailing slash) from which `/simple/`, `/pypi/<name>/json` derive. */
  readonly index: Readonly<Record<PackageIndex, string>>;
  /** `sign-tags`: create signed annotated tags (`git tag -s`). */
  readonly signTags: boolean;
  /** `next-dev-version`: offer to bump to the next development version after the release. */
  readonly nextDevVersion: boolean;
  /** `ci-timeout`: minutes to wait for the required checks. */
  readonly ciTimeout: number;
  /** `index-timeout`: minutes to wait for an index to serve uploaded files. */
  readonly indexTimeout: number;
}
