import { describe, expect, it } from 'vitest';
import { loadProject, projectFilesFromRecord, type VersionSource } from '../../../src/domain/pyproject/index.js';

function detect(files: Record<string, string>, latestTag?: string): VersionSource {
  return loadProject(projectFilesFromRecord(files), latestTag === undefined ? {} : { latestTag }).versionSource;
}

const setuptools = '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n';
const hatchling = '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n';
const flit = '[build-system]\nrequires = ["flit_core>=3.2"]\nbuild-backend = "flit_core.buildapi"\n';
const pdm = '[build-system]\nrequires = ["pdm-backend"]\nbuild-backend = "pdm.backend"\n';
const dynamicProject = (name = 'acme-tool') => `[project]\nname = "${name}"\ndynamic = ["version"]\n`;

describe('setuptools attr: resolving the module file', () => {
  const attr = (reference: string, extra = '') =>
    `${setuptools}${dynamicProject()}${extra}[tool.setuptools.dynamic]\nversion = { attr = "${reference}" }\n`;

  it('finds a src-layout package without package-dir (auto-discovery)', () => {
    expect(
      detect({ 'pyproject.toml': attr('acme_tool.__version__'), 'src/acme_tool/__init__.py': '__version__ = "1.0"\n' }),
    ).toMatchObject({ kind: 'setuptools-attr', file: 'src/acme_tool/__init__.py', currentVersion: '1.0' });
  });

  it('prefers a module file over a package of the same name, like setuptools', () => {
    const files = {
      'pyproject.toml': attr('acme_tool.__version__'),
      'acme_tool.py': '__version__ = "1.0"\n',
      'acme_tool/__init__.py': '__version__ = "2.0"\n',
    };
    expect(detect(files)).toMatchObject({ file: 'acme_tool.py', currentVersion: '1.0' });
  });

  it('follows a package-dir entry for one package, most specific first', () => {
    const packageDir = '[tool.setuptools.package-dir]\nacme_tool = "lib/acme"\n"" = "src"\n';
    const files = {
      'pyproject.toml': attr('acme_tool.meta.VERSION', packageDir),
      'lib/acme/meta.py': 'VERSION = "4.5"\n',
    };
    expect(detect(files)).toMatchObject({
      file: 'lib/acme/meta.py',
      currentVersion: '4.5',
      locator: { format: 'python', name: 'VERSION' },
    });
  });

  it('names every path it tried when package-dir points elsewhere', () => {
    const files = {
      'pyproject.toml': attr('acme_tool.__version__', '[tool.setuptools.package-dir]\n"" = "lib"\n'),
      'src/acme_tool/__init__.py': '__version__ = "1"\n',
    };
    expect(() => detect(files)).toThrow('none of lib/acme_tool.py, lib/acme_tool/__init__.py can be read');
  });
});

describe('setuptools file and scm', () => {
  it('takes the first file of a list', () => {
    const files = {
      'pyproject.toml': `${setuptools}${dynamicProject()}[tool.setuptools.dynamic]\nversion = { file = ["VERSION", "EXTRA"] }\n`,
      VERSION: '  2.3.4\r\n',
    };
    expect(detect(files)).toMatchObject({
      kind: 'setuptools-file',
      file: 'VERSION',
      currentVersion: '2.3.4',
      span: { start: 2, end: 7 },
    });
  });

  it('recognises setuptools-scm from the build requirement alone', () => {
    const files = {
      'pyproject.toml': `[build-system]\nrequires = ["setuptools>=64", "setuptools_scm[toml]>=8"]\nbuild-backend = "setuptools.build_meta"\n${dynamicProject()}`,
    };
    expect(detect(files)).toMatchObject({
      kind: 'setuptools-scm',
      scm: true,
      currentVersion: undefined,
      generatedFile: undefined,
    });
  });

  it("reads the tag with the project's own tag_regex", () => {
    const files = {
      'pyproject.toml': `${setuptools}${dynamicProject()}[tool.setuptools_scm]\ntag_regex = '^release/(?P<version>\\d+\\.\\d+\\.\\d+)$'\n`,
    };
    expect(detect(files, 'release/3.1.4').currentVersion).toBe('3.1.4');
  });

  it('prefers an explicit [tool.setuptools.dynamic] version over setuptools-scm', () => {
    const files = {
      'pyproject.toml': `${setuptools}${dynamicProject()}[tool.setuptools_scm]\n[tool.setuptools.dynamic]\nversion = { file = "VERSION" }\n`,
      VERSION: '1.0\n',
    };
    expect(detect(files).kind).toBe('setuptools-file');
  });
});

describe('hatch regex', () => {
  const hatch = (table: string) => `${hatchling}${dynamicProject()}[tool.hatch.version]\n${table}`;

  it('treats pattern = true as the default pattern', () => {
    const files = { 'pyproject.toml': hatch('path = "a.py"\npattern = true\n'), 'a.py': '__version__ = "1.2"\n' };
    expect(detect(files)).toMatchObject({ kind: 'hatch-regex', currentVersion: '1.2' });
  });

  it('leaves the optional v prefix out of the literal, like hatch', () => {
    const files = { 'pyproject.toml': hatch('path = "a.py"\n'), 'a.py': "# about\nversion = 'v2.0.1'\n" };
    expect(detect(files)).toMatchObject({ currentVersion: '2.0.1', span: { line: 2, column: 13 } });
  });

  it('matches like hatch, even in a docstring: the regex does not know Python', () => {
    const files = {
      'pyproject.toml': hatch('path = "a.py"\n'),
      'a.py': '"""Doc.\n__version__ = "0.0"\n"""\n__version__ = "1.0"\n',
    };
    expect(detect(files).currentVersion).toBe('0.0');
  });

  it('uses the first match, as hatch does', () => {
    const files = { 'pyproject.toml': hatch('path = "a.py"\n'), 'a.py': 'VERSION = "1.0"\n__version__ = "2.0"\n' };
    expect(detect(files).currentVersion).toBe('1.0');
  });

  it('translates Python-only syntax in a custom pattern', () => {
    const pattern = String.raw`pattern = '''(?m)^RELEASE = (?P<quote>["'])(?P<version>[^"']+)(?P=quote)'''`;
    const files = { 'pyproject.toml': hatch(`path = "a.py"\n${pattern}\n`), 'a.py': "RELEASE = '5.0'\n" };
    expect(detect(files).currentVersion).toBe('5.0');
  });
});

describe('flit', () => {
  it('derives the module from the project name and finds it under src/', () => {
    const files = {
      'pyproject.toml': `${flit}${dynamicProject('acme-tool')}`,
      'src/acme_tool/__init__.py': '"""Doc."""\n__version__ = "0.2"\n',
    };
    expect(detect(files)).toMatchObject({ kind: 'flit', file: 'src/acme_tool/__init__.py', currentVersion: '0.2' });
  });

  it('reads a single-file module', () => {
    const files = {
      'pyproject.toml': `${flit}${dynamicProject('acme-tool')}`,
      'acme_tool.py': '"""Doc."""\n__version__ = "0.3"\n',
    };
    expect(detect(files)).toMatchObject({ file: 'acme_tool.py', currentVersion: '0.3' });
  });

  it('falls back to _version.py when __init__.py only imports it', () => {
    const files = {
      'pyproject.toml': `${flit}${dynamicProject('acme-tool')}`,
      'acme_tool/__init__.py': '"""Doc."""\nfrom ._version import __version__\n',
      'acme_tool/_version.py': '__version__ = "0.4"\n',
    };
    expect(detect(files)).toMatchObject({ file: 'acme_tool/_version.py', currentVersion: '0.4' });
  });

  it('lets __init__.py win over version.py', () => {
    const files = {
      'pyproject.toml': `${flit}${dynamicProject('acme-tool')}`,
      'acme_tool/__init__.py': '__version__ = "1.0"\n',
      'acme_tool/version.py': '__version__ = "0.9"\n',
    };
    expect(detect(files)).toMatchObject({ file: 'acme_tool/__init__.py', currentVersion: '1.0' });
  });
});

describe('pdm file', () => {
  const pdmFile = (extra = '') =>
    `${pdm}${dynamicProject()}[tool.pdm.version]\nsource = "file"\npath = "acme.py"\n${extra}`;

  it('reads VERSION = "…" as well as __version__', () => {
    expect(detect({ 'pyproject.toml': pdmFile(), 'acme.py': "VERSION = '0.1.0'  # comment\n" })).toMatchObject({
      kind: 'pdm-file',
      currentVersion: '0.1.0',
    });
  });

  it('accepts a custom pattern with one unnamed group', () => {
    const files = { 'pyproject.toml': pdmFile('pattern = \'^REL = "(.+)"$\'\n'), 'acme.py': 'REL = "3.0"\n' };
    expect(detect(files)).toMatchObject({ currentVersion: '3.0', locator: { format: 'regex', group: 1 } });
  });
});

describe('legacy setup.cfg', () => {
  it('reads a literal version with its place in setup.cfg', () => {
    const cfg = '[metadata]\nname = acme\nversion = 1.2.3\n';
    expect(detect({ 'setup.cfg': cfg })).toMatchObject({
      kind: 'setup-cfg',
      file: 'setup.cfg',
      currentVersion: '1.2.3',
      span: { start: 33, end: 38, line: 3, column: 11 },
    });
  });

  it('reads version = file: VERSION', () => {
    expect(
      detect({ 'setup.cfg': '[metadata]\nname = acme\nversion = file: VERSION\n', VERSION: '0.0.9\n' }),
    ).toMatchObject({ file: 'VERSION', currentVersion: '0.0.9' });
  });

  it('serves a setuptools [project] that leaves the version to setup.cfg', () => {
    const files = {
      'pyproject.toml': `${setuptools}${dynamicProject()}`,
      'setup.cfg': '[metadata]\nversion = attr: acme_tool.__version__\n',
      'src/acme_tool/__init__.py': '__version__ = "6.0"\n',
    };
    expect(detect(files)).toMatchObject({
      kind: 'setup-cfg',
      declaredIn: 'setup.cfg',
      file: 'src/acme_tool/__init__.py',
      currentVersion: '6.0',
    });
  });

  it('falls back to setuptools-scm for a setup.cfg project without a version', () => {
    const files = {
      'pyproject.toml': '[build-system]\nrequires = ["setuptools", "setuptools-scm"]\n[tool.setuptools_scm]\n',
      'setup.cfg': '[metadata]\nname = acme\n',
    };
    expect(detect(files, 'acme-2.0.0')).toMatchObject({ kind: 'setuptools-scm', currentVersion: '2.0.0' });
  });
});

describe('precedence', () => {
  it('a static [project] version wins over [tool.poetry] version (Poetry 2)', () => {
    const files = { 'pyproject.toml': '[project]\nname = "a"\nversion = "1.0"\n[tool.poetry]\nversion = "9.9"\n' };
    expect(detect(files)).toMatchObject({ kind: 'static', currentVersion: '1.0' });
  });

  it('with no build backend, finds the provider from the tool tables', () => {
    const files = {
      'pyproject.toml': `${dynamicProject()}[tool.hatch.version]\npath = "v.py"\n`,
      'v.py': '__version__ = "1.1"\n',
    };
    expect(detect(files)).toMatchObject({ kind: 'hatch-regex', currentVersion: '1.1' });
  });

  it('goes by the build backend when tool tables of several tools are present', () => {
    const files = {
      'pyproject.toml': `${pdm}${dynamicProject()}[tool.hatch.version]\npath = "v.py"\n[tool.pdm.version]\nsource = "scm"\n`,
      'v.py': '__version__ = "1.1"\n',
    };
    expect(detect(files).kind).toBe('pdm-scm');
  });
});
