import type { ParsedPyproject } from './parsed-pyproject.js';
import type { ProjectFiles } from './project-files.js';
import type { DetectContext } from './sources/detect-context.js';
import { flitSource } from './sources/flit-source.js';
import { hatchSource } from './sources/hatch-source.js';
import { pdmSource } from './sources/pdm-source.js';
import { poetrySource } from './sources/poetry-source.js';
import { setupCfgSource } from './sources/setup-cfg-source.js';
import { setuptoolsSource, usesSetuptoolsScm } from './sources/setuptools-source.js';
import { staticSource } from './sources/static-source.js';
import { tableAt, valueAt } from './toml-access.js';
import { versionSourceError } from './version-source-error.js';
import type { VersionSource } from './version-source.js';

export interface DetectVersionSourceOptions {
  /** The latest release tag (`v1.4.0`); for SCM sources it is reported as the current version. */
  readonly latestTag?: string;
}

type Provider = (context: DetectContext) => VersionSource | undefined;

/**
 * Where the project's version lives (TECH-FACTS §2 decision order): a static `[project]
 * version`; else, when `version` is in `[project].dynamic`, the provider of the build backend
 * (or, with no known backend, the first tool table that declares one); Poetry 1's
 * `[tool.poetry] version`; legacy setup.cfg. Reads module and version files through `files`.
 * Throws a PyreleaseError (`version-source.*`) naming what was found when it cannot tell.
 */
export function detectVersionSource(
  project: ParsedPyproject,
  files: ProjectFiles,
  options: DetectVersionSourceOptions = {},
): VersionSource {
  const context: DetectContext = { project, files, latestTag: options.latestTag };
  if (project.metadataSource === 'setup-cfg') {
    // A setup.py/setup.cfg project may still take its version from git via setuptools-scm.
    return (
      setupCfgSource(context) ?? setuptoolsSource(context) ?? missing(project, 'setup.cfg [metadata] has no version')
    );
  }
  if (project.metadataSource === 'poetry') return poetrySource(context);
  const hasStatic = valueAt(tableAt(project.data, 'project'), 'version') !== undefined;
  const isDynamic = project.dynamic.includes('version');
  if (hasStatic && isDynamic) {
    // PEP 621: a field listed in dynamic must not also be given statically; backends refuse to build.
    throw versionSourceError(
      'version-source.both-static-and-dynamic',
      '[project] sets version and also lists "version" in dynamic',
      'Keep one: delete version from [project] to let the build backend ' +
        'compute it, or remove "version" from dynamic to keep the static one, ' +
        'then run pyrelease again.',
      { file: project.file },
    );
  }
  if (hasStatic) return staticSource(context);
  if (!isDynamic) return missing(project, '[project] has no version and does not list "version" in dynamic');
  return dynamicSource(context);
}

function dynamicSource(context: DetectContext): VersionSource {
  const { project } = context;
  const family = backendFamily(project.buildBackend);
  const providers = family === undefined ? PROBE_ORDER : [PROVIDERS[family]];
  for (const provider of providers) {
    const source = provider(context);
    if (source !== undefined) return source;
  }
  throw noProvider(project, family);
}

const PROVIDERS = {
  setuptools: (context) => setuptoolsSource(context) ?? setupCfgSource(context),
  hatch: (context) => (tableAt(context.project.data, 'tool', 'hatch', 'version') ? hatchSource(context) : undefined),
  flit: flitSource,
  pdm: (context) => (tableAt(context.project.data, 'tool', 'pdm', 'version') ? pdmSource(context) : undefined),
  poetry: (context) => {
    const data = context.project.data;
    const declared =
      valueAt(tableAt(data, 'tool', 'poetry'), 'version') !== undefined ||
      tableAt(data, 'tool', 'poetry-dynamic-versioning') !== undefined;
    return declared ? poetrySource(context) : undefined;
  },
} satisfies Record<string, Provider>;

type BackendFamily = keyof typeof PROVIDERS;

/** No (known) backend: try tool tables in order; flit needs its own table to be recognised. */
const PROBE_ORDER: Provider[] = [
  (context) => {
    const { data, buildRequires } = context.project;
    const declared =
      tableAt(data, 'tool', 'setuptools', 'dynamic') !== undefined || usesSetuptoolsScm(data, buildRequires);
    return declared ? setuptoolsSource(context) : undefined;
  },
  PROVIDERS.hatch,
  PROVIDERS.pdm,
  PROVIDERS.poetry,
  (context) => (tableAt(context.project.data, 'tool', 'flit') ? flitSource(context) : undefined),
  setupCfgSource,
];

function backendFamily(backend: string | undefined): BackendFamily | undefined {
  switch (backend?.trim()) {
    case 'hatchling.build':
      return 'hatch';
    case 'setuptools.build_meta':
    case 'setuptools.build_meta:__legacy__':
      return 'setuptools';
    case 'flit_core.buildapi':
    case 'flit.buildapi':
      return 'flit';
    case 'pdm.backend':
    case 'pdm.pep517.api':
      return 'pdm';
    case 'poetry.core.masonry.api':
    case 'poetry.masonry.api':
      return 'poetry';
    default:
      return undefined;
  }
}

const WHAT_TO_ADD: Record<BackendFamily | 'unknown', string> = {
  setuptools:
    'Add [tool.setuptools.dynamic] version = {attr = ' +
    '"your_package.__version__"} (or {file = "VERSION"}), or a ' +
    '[tool.setuptools_scm] table to take it from git tags',
  hatch: 'Add [tool.hatch.version] with path = "src/your_package/__about__.py" (or source = "vcs" with hatch-vcs)',
  flit: 'Put __version__ = "0.1.0" in your package\'s __init__.py',
  pdm: 'Add [tool.pdm.version] with source = "file" and path = "src/your_package/__init__.py" (or source = "scm")',
  poetry: 'Add version = "0.1.0" to [tool.poetry], or set a static version in [project]',
  unknown:
    'Set a static version = "0.1.0" in [project], or declare a provider ' +
    'pyrelease knows (hatch, setuptools, setuptools-scm, flit, pdm, poetry)',
};

function noProvider(project: ParsedPyproject, family: BackendFamily | undefined) {
  const backend =
    project.buildBackend === undefined ? 'no build backend declared' : `build backend "${project.buildBackend}"`;
  const tool = tableAt(project.data, 'tool');
  const tables = tool === undefined ? [] : Object.keys(tool).map((name) => `[tool.${name}]`);
  const found = `${backend}; tool tables: ${tables.length === 0 ? 'none' : tables.join(', ')}`;
  return versionSourceError(
    'version-source.no-provider',
    `[project] lists "version" in dynamic, but no version provider was found (${found})`,
    `${WHAT_TO_ADD[family ?? 'unknown']}, then run pyrelease again.`,
    { file: project.file },
  );
}

function missing(project: ParsedPyproject, what: string): never {
  const where = project.metadataSource === 'setup-cfg' ? 'setup.cfg' : project.file;
  throw versionSourceError(
    'version-source.missing',
    what,
    project.metadataSource === 'setup-cfg'
      ? 'Add version = 0.1.0 to [metadata] in setup.cfg (or better, move the ' +
          'metadata to pyproject.toml [project]), then run pyrelease again.'
      : 'Add version = "0.1.0" to [project], or list "version" in dynamic and ' +
          'configure your build backend to provide it, then run pyrelease again.',
    { file: where },
  );
}
