import { parse, TomlError } from 'smol-toml';
import { PyreleaseError } from '../errors.js';
import { normalizeProjectName } from './normalize-project-name.js';
import type { MetadataSource, ParsedPyproject } from './parsed-pyproject.js';
import { readEntrypoints } from './read-entrypoints.js';
import { readSetupCfg, setupCfgList, setupCfgValue, type SetupCfg } from './read-setup-cfg.js';
import { isTable, stringAt, stringsAt, tableAt, valueAt, type TomlTable } from './toml-access.js';

export interface ReadPyprojectOptions {
  /** Relative path used in messages; `pyproject.toml` unless told otherwise. */
  readonly file?: string;
  /** Text of `setup.cfg` when the project has one: legacy metadata and setuptools' dynamic fields. */
  readonly setupCfgText?: string;
}

/**
 * Reads what a release needs from pyproject.toml: name (and its PyPI form), entrypoints,
 * `requires-python`, dependencies, classifiers, dynamic fields and the build backend.
 * Metadata comes from PEP 621 `[project]`; else Poetry 1's `[tool.poetry]`; else (legacy
 * setuptools) setup.cfg `[metadata]`. Spec: packaging.python.org "pyproject.toml specification".
 * A leading byte order mark is skipped; `text` keeps it, so offsets into it are offsets into the
 * file and a rewrite keeps it too.
 */
export function readPyproject(text: string, options: ReadPyprojectOptions = {}): ParsedPyproject {
  const file = options.file ?? 'pyproject.toml';
  const data = parseToml(text, file);
  const setupCfg = options.setupCfgText === undefined ? undefined : readSetupCfg(options.setupCfgText);
  const project = tableAt(data, 'project');
  const poetry = tableAt(data, 'tool', 'poetry');
  const metadataSource = chooseMetadataSource(data, file, setupCfg);
  const name = readName(metadataSource, data, file, setupCfg);
  const buildSystem = tableAt(data, 'build-system');
  return {
    file,
    text,
    data,
    metadataSource,
    name,
    normalizedName: normalizeProjectName(name),
    requiresPython:
      metadataSource === 'setup-cfg'
        ? setupCfgValue(setupCfg, 'options', 'python_requires')?.value
        : (stringAt(project, 'requires-python') ?? stringAt(tableAt(poetry ?? {}, 'dependencies'), 'python')),
    dependencies:
      metadataSource === 'setup-cfg'
        ? setupCfgList(setupCfg, 'options', 'install_requires')
        : project !== undefined && Object.hasOwn(project, 'dependencies')
          ? stringsAt(project, 'dependencies')
          : poetryDependencies(poetry),
    classifiers:
      metadataSource === 'setup-cfg'
        ? setupCfgList(setupCfg, 'metadata', 'classifiers')
        : project !== undefined && Object.hasOwn(project, 'classifiers')
          ? stringsAt(project, 'classifiers')
          : stringsAt(poetry, 'classifiers'),
    entrypoints: readEntrypoints(data, metadataSource === 'setup-cfg' ? setupCfg : undefined),
    dynamic: stringsAt(project, 'dynamic'),
    buildBackend: stringAt(buildSystem, 'build-backend'),
    buildRequires: stringsAt(buildSystem, 'requires'),
    setupCfg,
  };
}

/** `text` without its byte order mark, so a syntax error's column is the one an editor shows. */
function parseToml(text: string, file: string): TomlTable {
  try {
    return parse(text.replace(/^\uFEFF/, ''), { integersAsBigInt: false });
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // smol-toml's message is "Invalid TOML document: <reason>\n\n<code excerpt>"; the location
    // already says where, so keep the reason only.
    const reason = (error.message.split('\n')[0] ?? error.message).replace(/^Invalid TOML document:\s*/, '');
    throw new PyreleaseError('pyproject.toml-syntax', `invalid TOML: ${reason}`, {
      location: { file, line: error.line, column: error.column },
      hint: `Fix ${file} at that line and column (TOML syntax: https://toml.io/en/v1.0.0), then run pyrelease again.`,
      cause: error,
    });
  }
}

function chooseMetadataSource(data: TomlTable, file: string, setupCfg: SetupCfg | undefined): MetadataSource {
  const project = valueAt(data, 'project');
  if (project !== undefined && !isTable(project)) {
    throw new PyreleaseError('pyproject.invalid-field', '[project] must be a table', {
      location: { file },
      hint:
        `Write the metadata as a [project] table in ${file} ` +
        `(https://packaging.python.org/en/latest/specifications/pyproject-toml/).`,
    });
  }
  if (project !== undefined) return 'project';
  if (tableAt(data, 'tool', 'poetry') !== undefined) return 'poetry';
  if (setupCfgValue(setupCfg, 'metadata', 'name') !== undefined) return 'setup-cfg';
  const oldFlit = tableAt(data, 'tool', 'flit', 'metadata') !== undefined;
  throw new PyreleaseError('pyproject.missing-project', `${file} has no [project] table (and no [tool.poetry] table)`, {
    location: { file },
    hint: oldFlit
      ? 'This is the pre-2021 flit format ([tool.flit.metadata]): move the ' +
        'metadata to a PEP 621 [project] table (flit ≥ 3.2 reads it), then run ' +
        'pyrelease again.'
      : `Add a [project] table with at least name and version to ${file} ` +
        `(https://packaging.python.org/en/latest/guides/writing-pyproject-toml/), ` +
        `then run pyrelease again.`,
  });
}

function readName(source: MetadataSource, data: TomlTable, file: string, setupCfg: SetupCfg | undefined): string {
  if (source === 'setup-cfg') return setupCfgValue(setupCfg, 'metadata', 'name')?.value ?? '';
  const table = source === 'project' ? tableAt(data, 'project') : tableAt(data, 'tool', 'poetry');
  const header = source === 'project' ? '[project]' : '[tool.poetry]';
  const name = valueAt(table, 'name');
  if (typeof name === 'string' && name.trim() !== '') return name;
  // PEP 621: "name" is required and must be static; a backend may not compute it.
  const dynamic = stringsAt(table, 'dynamic').includes('name');
  throw new PyreleaseError(
    'pyproject.missing-name',
    dynamic
      ? `${header} lists "name" in dynamic, but the name must be static`
      : name === undefined
        ? `${header} has no name`
        : `${header} name must be a non-empty string`,
    {
      location: { file },
      hint: `Set name = "your-project" in ${header} of ${file} (the name users pip install), then run pyrelease again.`,
    },
  );
}

/** Poetry 1 `[tool.poetry.dependencies]` as `name (constraint)`, without the `python` entry. */
function poetryDependencies(poetry: TomlTable | undefined): string[] {
  const table = tableAt(poetry ?? {}, 'dependencies');
  if (table === undefined) return [];
  return Object.entries(table)
    .filter(([name]) => name.toLowerCase() !== 'python')
    .map(([name, spec]) => {
      const constraint = typeof spec === 'string' ? spec : isTable(spec) ? stringAt(spec, 'version') : undefined;
      return constraint === undefined ? name : `${name} (${constraint})`;
    });
}
