import { describe, expect, it } from 'vitest';
import { describeError, PyreleaseError } from '../../../src/domain/errors.js';
import { loadProject, projectFilesFromRecord, writeVersion } from '../../../src/domain/pyproject/index.js';

function failureOf(files: Record<string, string>, latestTag?: string): PyreleaseError {
  try {
    loadProject(projectFilesFromRecord(files), latestTag === undefined ? {} : { latestTag });
  } catch (error) {
    if (error instanceof PyreleaseError) return error;
    throw error;
  }
  throw new Error('expected loadProject to fail');
}

const hatchling = '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n';
const setuptools = '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n';
const flit = '[build-system]\nrequires = ["flit_core>=3.2"]\nbuild-backend = "flit_core.buildapi"\n';
const pdm = '[build-system]\nrequires = ["pdm-backend"]\nbuild-backend = "pdm.backend"\n';
const dynamicProject = '[project]\nname = "acme"\ndynamic = ["version"]\n';

interface BadCase {
  name: string;
  files: Record<string, string>;
  code: string;
  /** describeError(): `file[:line[:col]]: message`. */
  described: string;
  hint?: string;
}

const cases: BadCase[] = [
  {
    name: 'broken TOML: bad value',
    files: { 'pyproject.toml': '[project]\nname = "acme"\nversion = 1.0.0\n' },
    code: 'pyproject.toml-syntax',
    described: 'pyproject.toml:3:14: invalid TOML: illegal character in numeric literal',
    hint: 'Fix pyproject.toml at that line and column (TOML syntax: https://toml.io/en/v1.0.0), then run pyrelease again.',
  },
  {
    name: 'broken TOML: unclosed header',
    files: { 'pyproject.toml': '# comment\n[project\nname = "acme"\n' },
    code: 'pyproject.toml-syntax',
    described: 'pyproject.toml:2:9: invalid TOML: illegal character in key',
  },
  {
    name: 'broken TOML: duplicate key',
    files: { 'pyproject.toml': '[project]\nname = "a"\nname = "b"\n' },
    code: 'pyproject.toml-syntax',
    described: 'pyproject.toml:3:1: invalid TOML: trying to redefine an already defined table or value',
  },
  {
    name: 'no [project] and no [tool.poetry]',
    files: { 'pyproject.toml': `${hatchling}\n[tool.ruff]\nline-length = 100\n` },
    code: 'pyproject.missing-project',
    described: 'pyproject.toml: pyproject.toml has no [project] table (and no [tool.poetry] table)',
    hint: 'Add a [project] table with at least name and version to pyproject.toml (https://packaging.python.org/en/latest/guides/writing-pyproject-toml/), then run pyrelease again.',
  },
  {
    name: 'pre-2021 flit metadata instead of [project]',
    files: { 'pyproject.toml': `${flit}[tool.flit.metadata]\nmodule = "acme"\n` },
    code: 'pyproject.missing-project',
    described: 'pyproject.toml: pyproject.toml has no [project] table (and no [tool.poetry] table)',
    hint: 'This is the pre-2021 flit format ([tool.flit.metadata]): move the metadata to a PEP 621 [project] table (flit ≥ 3.2 reads it), then run pyrelease again.',
  },
  {
    name: 'no name in [project]',
    files: { 'pyproject.toml': '[project]\nversion = "1.0"\n' },
    code: 'pyproject.missing-name',
    described: 'pyproject.toml: [project] has no name',
    hint: 'Set name = "your-project" in [project] of pyproject.toml (the name users pip install), then run pyrelease again.',
  },
  {
    name: 'name listed in dynamic',
    files: { 'pyproject.toml': '[project]\ndynamic = ["name", "version"]\n' },
    code: 'pyproject.missing-name',
    described: 'pyproject.toml: [project] lists "name" in dynamic, but the name must be static',
  },
  {
    name: 'no name in Poetry 1 [tool.poetry]',
    files: { 'pyproject.toml': '[tool.poetry]\nversion = "1.0"\n' },
    code: 'pyproject.missing-name',
    described: 'pyproject.toml: [tool.poetry] has no name',
  },
  {
    name: 'scripts that are not strings',
    files: { 'pyproject.toml': '[project]\nname = "acme"\nversion = "1.0"\n[project.scripts]\nacme = 3\n' },
    code: 'pyproject.invalid-field',
    described:
      'pyproject.toml: [project.scripts] "acme" must be a string like "package.module:function", found a number',
  },
  {
    name: 'console_scripts declared as an entry-point group',
    files: {
      'pyproject.toml':
        '[project]\nname = "acme"\nversion = "1.0"\n[project.entry-points.console_scripts]\nacme = "acme:main"\n',
    },
    code: 'pyproject.invalid-field',
    described:
      'pyproject.toml: [project.entry-points.console_scripts] is not allowed; declare these commands in [project.scripts]',
  },
  {
    name: 'version both static and dynamic',
    files: { 'pyproject.toml': `${hatchling}[project]\nname = "acme"\nversion = "1.0"\ndynamic = ["version"]\n` },
    code: 'version-source.both-static-and-dynamic',
    described: 'pyproject.toml: [project] sets version and also lists "version" in dynamic',
    hint: 'Keep one: delete version from [project] to let the build backend compute it, or remove "version" from dynamic to keep the static one, then run pyrelease again.',
  },
  {
    name: 'no version at all',
    files: { 'pyproject.toml': '[project]\nname = "acme"\n' },
    code: 'version-source.missing',
    described: 'pyproject.toml: [project] has no version and does not list "version" in dynamic',
  },
  {
    name: 'version is not a string',
    files: { 'pyproject.toml': '[project]\nname = "acme"\nversion = 1.0\n' },
    code: 'version-source.not-a-string',
    described: 'pyproject.toml: project.version must be a string, found a number',
  },
  {
    name: 'version written with an escape',
    files: { 'pyproject.toml': '[project]\nname = "acme"\nversion = "1.\\u0030"\n' },
    code: 'version-source.not-a-literal',
    described:
      'pyproject.toml:3: pyproject.toml sets the version with a string with escapes or line breaks, not one plain string literal',
  },
  {
    name: 'dynamic version, hatchling, no [tool.hatch.version]',
    files: { 'pyproject.toml': `${hatchling}${dynamicProject}[tool.ruff]\nline-length = 100\n` },
    code: 'version-source.no-provider',
    described:
      'pyproject.toml: [project] lists "version" in dynamic, but no version provider was found (build backend "hatchling.build"; tool tables: [tool.ruff])',
    hint: 'Add [tool.hatch.version] with path = "src/your_package/__about__.py" (or source = "vcs" with hatch-vcs), then run pyrelease again.',
  },
  {
    name: 'dynamic version, unknown backend',
    files: {
      'pyproject.toml': `[build-system]\nrequires = ["maturin>=1.5"]\nbuild-backend = "maturin"\n${dynamicProject}[tool.maturin]\nfeatures = ["pyo3/extension-module"]\n`,
    },
    code: 'version-source.no-provider',
    described:
      'pyproject.toml: [project] lists "version" in dynamic, but no version provider was found (build backend "maturin"; tool tables: [tool.maturin])',
  },
  {
    name: 'dynamic version, no build-system, no tool tables',
    files: { 'pyproject.toml': dynamicProject },
    code: 'version-source.no-provider',
    described:
      'pyproject.toml: [project] lists "version" in dynamic, but no version provider was found (no build backend declared; tool tables: none)',
  },
  {
    name: 'setuptools attr module that does not exist',
    files: {
      'pyproject.toml': `${setuptools}${dynamicProject}[tool.setuptools.dynamic]\nversion = { attr = "acme.__version__" }\n`,
    },
    code: 'version-source.attr-unreadable',
    described:
      'pyproject.toml: [tool.setuptools.dynamic] version attr "acme.__version__" points at module acme, but none of acme.py, acme/__init__.py, src/acme.py, src/acme/__init__.py can be read',
  },
  {
    name: 'setuptools attr module without the assignment',
    files: {
      'pyproject.toml': `${setuptools}${dynamicProject}[tool.setuptools.dynamic]\nversion = { attr = "acme.__version__" }\n`,
      'acme/__init__.py': '"""Acme."""\n\nfrom ._version import __version__\n',
    },
    code: 'version-source.no-assignment',
    described: 'acme/__init__.py: acme/__init__.py has no module-level __version__ = "1.2.3" assignment',
    hint: 'Add __version__ = "1.2.3" at the top level of acme/__init__.py (not inside an if/try block, not imported from elsewhere), then run pyrelease again.',
  },
  {
    name: 'setuptools attr assigned from a call',
    files: {
      'pyproject.toml': `${setuptools}${dynamicProject}[tool.setuptools.dynamic]\nversion = { attr = "acme.__version__" }\n`,
      'src/acme/__init__.py': 'import importlib.metadata\n__version__ = importlib.metadata.version("acme")\n',
    },
    code: 'version-source.not-a-literal',
    described:
      'src/acme/__init__.py:2: src/acme/__init__.py sets the version with __version__ = importlib.metadata.version("acme"), not one plain string literal',
  },
  {
    name: 'setuptools file that does not exist',
    files: {
      'pyproject.toml': `${setuptools}${dynamicProject}[tool.setuptools.dynamic]\nversion = { file = ["VERSION.txt"] }\n`,
    },
    code: 'version-source.file-unreadable',
    described: 'pyproject.toml: [tool.setuptools.dynamic] version file "VERSION.txt" cannot be read',
  },
  {
    name: 'empty VERSION file',
    files: {
      'pyproject.toml': `${setuptools}${dynamicProject}[tool.setuptools.dynamic]\nversion = { file = "VERSION" }\n`,
      VERSION: '\n',
    },
    code: 'version-source.empty',
    described: 'VERSION:1: the version in VERSION is empty',
  },
  {
    name: 'hatch pattern without a version group',
    files: {
      'pyproject.toml': `${hatchling}${dynamicProject}[tool.hatch.version]\npath = "acme.py"\npattern = '^V = "(.+)"'\n`,
      'acme.py': 'V = "1.0"\n',
    },
    code: 'version-source.pattern-without-version-group',
    described: 'pyproject.toml: [tool.hatch.version] pattern has no named group "version"',
    hint: 'Hatch requires one: wrap the version part of the pattern in (?P<version>…), then run pyrelease again.',
  },
  {
    name: 'hatch pattern JavaScript cannot run',
    files: {
      'pyproject.toml': `${hatchling}${dynamicProject}[tool.hatch.version]\npath = "acme.py"\npattern = '(?x) ^V = "(?P<version>.+)"'\n`,
      'acme.py': 'V = "1.0"\n',
    },
    code: 'version-source.bad-pattern',
    described:
      'pyproject.toml: [tool.hatch.version] pattern cannot be used: the verbose flag (?x) has no JavaScript equivalent',
  },
  {
    name: 'hatch pattern that matches nothing',
    files: {
      'pyproject.toml': `${hatchling}${dynamicProject}[tool.hatch.version]\npath = "src/acme/__about__.py"\n`,
      'src/acme/__about__.py': 'version_info = (1, 0)\n',
    },
    code: 'version-source.pattern-no-match',
    described: 'src/acme/__about__.py: the version pattern matched nothing in src/acme/__about__.py',
  },
  {
    name: 'hatch path that does not exist',
    files: { 'pyproject.toml': `${hatchling}${dynamicProject}[tool.hatch.version]\npath = "src/acme/__about__.py"\n` },
    code: 'version-source.file-unreadable',
    described: 'pyproject.toml: [tool.hatch.version] path "src/acme/__about__.py" cannot be read',
  },
  {
    name: 'hatch regex source without a path',
    files: { 'pyproject.toml': `${hatchling}${dynamicProject}[tool.hatch.version]\nsource = "regex"\n` },
    code: 'version-source.incomplete',
    described: 'pyproject.toml: [tool.hatch.version] has no path: hatch does not know which file holds the version',
  },
  {
    name: 'hatch code source',
    files: {
      'pyproject.toml': `${hatchling}${dynamicProject}[tool.hatch.version]\nsource = "code"\npath = "acme/_v.py"\n`,
    },
    code: 'version-source.unsupported',
    described:
      'pyproject.toml: [tool.hatch.version] source = "code" computes the version by running Python code; pyrelease can neither read nor rewrite it',
    hint: 'Use the default regex source ([tool.hatch.version] path = "src/pkg/__about__.py") or source = "vcs", or a static [project] version, then run pyrelease again.',
  },
  {
    name: 'hatch env source',
    files: {
      'pyproject.toml': `${hatchling}${dynamicProject}[tool.hatch.version]\nsource = "env"\nvariable = "ACME_VERSION"\n`,
    },
    code: 'version-source.unsupported',
    described:
      'pyproject.toml: [tool.hatch.version] source = "env" computes the version by running an environment lookup; pyrelease can neither read nor rewrite it',
  },
  {
    name: 'pdm call source',
    files: {
      'pyproject.toml': `${pdm}${dynamicProject}[tool.pdm.version]\nsource = "call"\ngetter = "acme.build:get_version"\n`,
    },
    code: 'version-source.unsupported',
    described:
      'pyproject.toml: [tool.pdm.version] source = "call" computes the version by calling acme.build:get_version; pyrelease can neither read nor rewrite it',
  },
  {
    name: 'pdm version table without a source',
    files: { 'pyproject.toml': `${pdm}${dynamicProject}[tool.pdm.version]\npath = "acme.py"\n` },
    code: 'version-source.incomplete',
    described: 'pyproject.toml: [tool.pdm.version] has no source',
  },
  {
    name: 'flit module that cannot be found',
    files: { 'pyproject.toml': `${flit}[project]\nname = "acme-tool"\ndynamic = ["version", "description"]\n` },
    code: 'version-source.attr-unreadable',
    described:
      'pyproject.toml: flit takes the version from module acme_tool, but none of acme_tool.py, src/acme_tool.py can be read',
  },
  {
    name: 'flit module without __version__',
    files: {
      'pyproject.toml': `${flit}[project]\nname = "acme-tool"\ndynamic = ["version", "description"]\n`,
      'src/acme_tool/__init__.py': '"""Acme."""\n',
    },
    code: 'version-source.no-assignment',
    described:
      'src/acme_tool/__init__.py: flit takes the version from module acme_tool, but src/acme_tool/__init__.py has no module-level __version__ = "…" string',
  },
  {
    name: 'poetry-dynamic-versioning plugin',
    files: {
      'pyproject.toml':
        '[tool.poetry]\nname = "acme"\nversion = "0.0.0"\n[tool.poetry-dynamic-versioning]\nenable = true\n',
    },
    code: 'version-source.unsupported',
    described:
      'pyproject.toml: pyproject.toml enables poetry-dynamic-versioning ([tool.poetry-dynamic-versioning] enable = true): the version comes from git tags through a Poetry plugin pyrelease does not support',
  },
  {
    name: 'setup.cfg that configparser would reject',
    files: { 'pyproject.toml': setuptools, 'setup.cfg': '[metadata]\nname = acme\nthis line is not a key\n' },
    code: 'setup-cfg.syntax',
    described: 'setup.cfg:3: setup.cfg line is neither a [section], a "key = value" nor an indented continuation',
  },
  {
    name: 'setup.cfg without a version',
    files: { 'pyproject.toml': setuptools, 'setup.cfg': '[metadata]\nname = acme\n' },
    code: 'version-source.missing',
    described: 'setup.cfg: setup.cfg [metadata] has no version',
  },
  {
    name: 'no pyproject.toml at all',
    files: {},
    code: 'pyproject.missing-file',
    described: 'pyproject.toml: no pyproject.toml here',
  },
];

describe('bad input: every failure is a PyreleaseError with a code, a located message and a hint', () => {
  it.each(cases)('$name → $code', ({ files, code, described, hint }) => {
    const error = failureOf(files);
    expect(error.code).toBe(code);
    expect(describeError(error)).toBe(described);
    if (hint !== undefined) expect(error.hint).toBe(hint);
    // Every message the user sees ends with a way forward.
    expect(error.hint).toMatch(/\S/);
  });
});

describe('bad input: writing', () => {
  const files = { 'pyproject.toml': '[project]\nname = "acme"\nversion = "1.0.0"\n' };
  const source = () => loadProject(projectFilesFromRecord(files)).versionSource;

  it('refuses a file changed since it was read', () => {
    expect(() => writeVersion(source(), '[project]\nname = "acme"\nversion = "1.0.1"\n', '1.1.0')).toThrow(
      expect.objectContaining({
        code: 'version-source.stale',
        message: 'pyproject.toml changed since it was read: it now holds 1.0.1, pyrelease read 1.0.0',
      }),
    );
  });

  it('refuses a file that lost its version', () => {
    expect(() => writeVersion(source(), '[project]\nname = "acme"\n', '1.1.0')).toThrow(
      expect.objectContaining({
        code: 'version-source.stale',
        message:
          'pyproject.toml changed since it was read: it no longer holds a version literal where pyrelease found one, pyrelease read 1.0.0',
      }),
    );
  });

  it.each(['1.0"\nname = "evil', '', '1.0 ', 'v\\1'])(
    'refuses a new version that would break the file syntax: %j',
    (newVersion) => {
      expect(() => writeVersion(source(), files['pyproject.toml'], newVersion)).toThrow(
        expect.objectContaining({
          code: 'version-source.invalid-new-version',
          message: `"${newVersion}" cannot be written as a version`,
        }),
      );
    },
  );

  it('refuses SCM sources: the tag is the version and nothing is written', () => {
    const scm = loadProject(
      projectFilesFromRecord({
        'pyproject.toml': `${hatchling}${dynamicProject}[tool.hatch.version]\nsource = "vcs"\n`,
      }),
    ).versionSource;
    let error: unknown;
    try {
      writeVersion(scm, '', '1.0.0');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PyreleaseError);
    expect(error).toMatchObject({
      code: 'version-source.not-writable',
      message:
        "this project's version is its latest git tag (hatch-vcs): the tag is the version, so there is no version to write in any file",
      hint: 'Nothing to edit: creating the release tag (e.g. v1.2.3) sets the version.',
    });
  });
});
