import type { ConfigError } from './config-error';
import { ConfigReader, isTable, valueOf, type Table } from './config-reader';
import { CREDENTIALS_HINT, looksLikeCredentialValue } from './credentials';
import { DEFAULT_CONFIG } from './default-config';
import { isCredentialVariable } from '../untrusted-env';
import { nonEmpty, readBoolean, readDuration, readString, readStringList, relativePath } from './read-fields';
import { readIndexUrls } from './read-index-urls';
import { readRollback } from './read-rollback';
import { readSmoke, readSmokeCommands } from './read-smoke';
import { refNameProblem } from './ref-name';
import { PACKAGE_INDEXES, type PackageIndex, type ReleaseConfig } from './release-config';
import { scanTomlKeyLines, type KeySegment } from './toml-key-lines';

/** The keys of `[tool.pyrelease]`, kebab-case as Python tools spell them. */
export const CONFIG_KEYS = [
  'branch',
  'tag-format',
  'workflows',
  'environments',
  'required-checks',
  'checklist',
  'support-matrix',
  'smoke',
  'smoke-commands',
  'smoke-env',
  'performance-paths',
  'rollback',
  'index',
  'sign-tags',
  'next-dev-version',
  'ci-timeout',
  'index-timeout',
] as const;

const ROOT: readonly KeySegment[] = ['tool', 'pyrelease'];

/** A `smoke-env` entry: a variable name, and never a credential (code from an index runs there). */
function passableVariable(name: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'an environment variable name';
  // Code from an index runs in the smoke venvs: a token named here would be handed to it.
  if (isCredentialVariable(name)) return 'a variable that holds no credential (tokens never reach the smoke tests)';
  return undefined;
}
/** A day: longer waits are a typo for seconds, or a release nobody is watching. */
const MAX_WAIT_MINUTES = 1440;

export interface ConfigValidation {
  /** Fully defaulted; a key with a problem keeps its default so read-only commands can go on. */
  readonly config: ReleaseConfig;
  /** Every problem, in file order. Empty when the table is sound. */
  readonly problems: readonly ConfigError[];
}

/**
 * Reads `[tool.pyrelease]` from a parsed pyproject (smol-toml's plain object) and its text (for
 * line numbers). Never throws: `loadConfig` is the throwing variant.
 */
export function validateConfig(pyproject: unknown, text: string, options: { file?: string } = {}): ConfigValidation {
  const reader = new ConfigReader(scanTomlKeyLines(text), options.file ?? 'pyproject.toml');
  const tool = isTable(pyproject) ? valueOf(pyproject, 'tool') : undefined;
  if (tool !== undefined && !isTable(tool)) {
    reader.wrongType(['tool'], 'a table', tool, 'Make [tool] a table: pyproject.toml reserves it for tools (PEP 518).');
    return { config: DEFAULT_CONFIG, problems: reader.problems };
  }
  const raw = reader.table(
    tool === undefined ? undefined : valueOf(tool, 'pyrelease'),
    ROOT,
    '[tool.pyrelease] with branch = "main"',
  );
  reportCredentialValues(reader, raw, ROOT);
  // Reported above; from here on the value is gone, so no message can echo it.
  const root = withoutCredentialValues(raw) as Table;
  reader.onlyKnownKeys(root, ROOT, CONFIG_KEYS);
  const d = DEFAULT_CONFIG;

  const config: ReleaseConfig = Object.freeze({
    branch:
      readString(reader, root, ROOT, 'branch', { fallback: d.branch, example: 'main', check: refNameProblem }) ??
      d.branch,
    tagFormat:
      readString(reader, root, ROOT, 'tag-format', {
        fallback: d.tagFormat,
        example: 'v{version}',
        check: tagFormatProblem,
      }) ?? d.tagFormat,
    workflows: readPerIndex(reader, root, 'workflows', d.workflows, workflowFileProblem),
    environments: readPerIndex(reader, root, 'environments', d.environments, nonEmpty),
    requiredChecks:
      readStringList(reader, root, ROOT, 'required-checks', {
        fallback: d.requiredChecks,
        example: ['lint', 'tests'],
        checkItem: nonEmpty,
      }) ?? d.requiredChecks,
    checklist:
      readString(reader, root, ROOT, 'checklist', {
        fallback: d.checklist,
        example: d.checklist,
        check: relativePath,
      }) ?? d.checklist,
    supportMatrix:
      readString(reader, root, ROOT, 'support-matrix', {
        fallback: d.supportMatrix,
        example: d.supportMatrix,
        check: relativePath,
      }) ?? d.supportMatrix,
    smoke: readSmoke(reader, valueOf(root, 'smoke'), [...ROOT, 'smoke'], consoleScripts(pyproject)),
    smokeCommands: Object.freeze(
      readSmokeCommands(reader, valueOf(root, 'smoke-commands'), [...ROOT, 'smoke-commands']),
    ),
    smokeEnv:
      readStringList(reader, root, ROOT, 'smoke-env', {
        fallback: d.smokeEnv,
        example: ['HTTPS_PROXY', 'SSL_CERT_FILE'],
        checkItem: passableVariable,
      }) ?? d.smokeEnv,
    performancePaths:
      readStringList(reader, root, ROOT, 'performance-paths', {
        fallback: d.performancePaths,
        example: ['src/acme/trainer/**'],
        checkItem: nonEmpty,
      }) ?? d.performancePaths,
    rollback: Object.freeze(readRollback(reader, valueOf(root, 'rollback'), [...ROOT, 'rollback'])),
    index: Object.freeze(readIndexUrls(reader, valueOf(root, 'index'), [...ROOT, 'index'])),
    signTags: readBoolean(reader, root, ROOT, 'sign-tags', { fallback: d.signTags, example: true }) ?? d.signTags,
    nextDevVersion:
      readBoolean(reader, root, ROOT, 'next-dev-version', { fallback: d.nextDevVersion, example: true }) ??
      d.nextDevVersion,
    ciTimeout:
      readDuration(reader, root, ROOT, 'ci-timeout', {
        fallback: d.ciTimeout,
        example: 90,
        unit: 'minutes',
        max: MAX_WAIT_MINUTES,
      }) ?? d.ciTimeout,
    indexTimeout:
      readDuration(reader, root, ROOT, 'index-timeout', {
        fallback: d.indexTimeout,
        example: 45,
        unit: 'minutes',
        max: MAX_WAIT_MINUTES,
      }) ?? d.indexTimeout,
  });
  return { config, problems: inFileOrder(reader.problems) };
}

function readPerIndex(
  reader: ConfigReader,
  root: Table,
  key: 'workflows' | 'environments',
  fallback: Readonly<Record<PackageIndex, string>>,
  check: (value: string) => string | undefined,
): Readonly<Record<PackageIndex, string>> {
  const path = [...ROOT, key];
  const table = reader.table(valueOf(root, key), path, `[tool.pyrelease.${key}] with pypi = "${fallback.pypi}"`);
  reader.onlyKnownKeys(table, path, PACKAGE_INDEXES);
  const read = (index: PackageIndex): string =>
    readString(reader, table, path, index, { fallback: fallback[index], example: fallback[index], check }) ??
    fallback[index];
  return Object.freeze({ pypi: read('pypi'), testpypi: read('testpypi') });
}

function tagFormatProblem(format: string): string | undefined {
  const placeholders = format.match(/\{[^}]*\}/g) ?? [];
  if (placeholders.length !== 1 || placeholders[0] !== '{version}')
    return 'a tag name containing `{version}` exactly once, and no other `{…}`';
  return refNameProblem(format.replace('{version}', '1.0.0rc1'));
}

/** The trusted publisher's "workflow name" is the bare file name under `.github/workflows/` (TECH-FACTS §4.1). */
function workflowFileProblem(file: string): string | undefined {
  if (file.includes('/') || file.includes('\\'))
    return 'a file name under .github/workflows/ without any directory, such as "publish-pypi.yml"';
  return /^[^.].*\.ya?ml$/.test(file) ? undefined : 'a workflow file name ending in .yml or .yaml';
}

/** A copy of the table without the values that look like tokens: they fall back to the defaults. */
function withoutCredentialValues(value: unknown): unknown {
  if (typeof value === 'string') return looksLikeCredentialValue(value) ? undefined : value;
  if (Array.isArray(value)) return value.map(withoutCredentialValues).filter((item) => item !== undefined);
  if (isTable(value)) {
    return Object.fromEntries(
      Object.entries(value).flatMap(([key, item]) => {
        const kept = withoutCredentialValues(item);
        return kept === undefined ? [] : [[key, kept]];
      }),
    );
  }
  return value;
}

/** Tokens pasted anywhere in the table are reported at their key, never echoed. */
function reportCredentialValues(reader: ConfigReader, value: unknown, path: readonly KeySegment[]): void {
  if (typeof value === 'string' && looksLikeCredentialValue(value)) {
    reader.report(
      'config.credential',
      path,
      '{key} holds what looks like a token, and credentials never live in configuration.',
      CREDENTIALS_HINT,
    );
  } else if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => reportCredentialValues(reader, item, [...path, index]));
  } else if (isTable(value)) {
    for (const key of Object.keys(value)) reportCredentialValues(reader, valueOf(value, key), [...path, key]);
  }
}

/**
 * The project's console scripts when they are statically known: `[project.scripts]` and
 * `gui-scripts` (unless declared dynamic), Poetry's `[tool.poetry.scripts]`. `undefined` when
 * they cannot be known from pyproject.toml alone (setup.py, setup.cfg, dynamic).
 */
function consoleScripts(pyproject: unknown): string[] | undefined {
  if (!isTable(pyproject)) return undefined;
  const project = valueOf(pyproject, 'project');
  const tool = valueOf(pyproject, 'tool');
  const poetry = isTable(tool) ? valueOf(tool, 'poetry') : undefined;
  const dynamic = isTable(project) ? valueOf(project, 'dynamic') : undefined;
  if (Array.isArray(dynamic) && (dynamic.includes('scripts') || dynamic.includes('gui-scripts'))) return undefined;
  if (!isTable(project) && !isTable(poetry)) return undefined;
  const keysOf = (table: unknown, key: string): string[] => {
    const value = isTable(table) ? valueOf(table, key) : undefined;
    return isTable(value) ? Object.keys(value) : [];
  };
  return [...new Set([...keysOf(project, 'scripts'), ...keysOf(project, 'gui-scripts'), ...keysOf(poetry, 'scripts')])];
}

function inFileOrder(problems: readonly ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${problem.code} ${problem.keyPath}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Stable sort: problems on one line keep the order they were found in.
  return unique.sort(
    (a, b) => (a.location?.line ?? Number.MAX_SAFE_INTEGER) - (b.location?.line ?? Number.MAX_SAFE_INTEGER),
  );
}
