import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectFilesAt } from '../../../src/adapters/project-files.js';
import { loadProject, writeVersion, type VersionSourceKind } from '../../../src/domain/pyproject/index.js';
import { changedLines, changedRegion } from './changed-region.js';

const fixturesRoot = fileURLToPath(new URL('../../fixtures/projects/', import.meta.url));
const filesOf = (shape: string) => projectFilesAt(`${fixturesRoot}${shape}`);

/** Shares no first or last character with any fixture's version, so the minimal diff is exact. */
const NEW_VERSION = '7.7.7rc7';

interface WritableCase {
  shape: string;
  kind: VersionSourceKind;
  file: string;
  version: string;
  /** The whole line holding the literal, as written in the fixture (CRLF lines keep `\r`). */
  line: string;
}

const writable: WritableCase[] = [
  {
    shape: 'static',
    kind: 'static',
    file: 'pyproject.toml',
    version: '1.4.0',
    line: 'version = "1.4.0"  # bumped by pyrelease',
  },
  {
    shape: 'static-dotted-key',
    kind: 'static',
    file: 'pyproject.toml',
    version: '0.3.1',
    line: "project.version = '0.3.1'   # a literal string: single quotes stay single quotes",
  },
  { shape: 'static-crlf', kind: 'static', file: 'pyproject.toml', version: '2.0.0', line: 'version = "2.0.0"    \r' },
  { shape: 'poetry1', kind: 'poetry', file: 'pyproject.toml', version: '0.8.2', line: 'version = "0.8.2"' },
  {
    shape: 'poetry2',
    kind: 'poetry',
    file: 'pyproject.toml',
    version: '2.1.0',
    line: 'version = "2.1.0"  # base version',
  },
  {
    shape: 'setuptools-attr',
    kind: 'setuptools-attr',
    file: 'acme_attr/__init__.py',
    version: '3.2.1',
    line: '__version__ = "3.2.1"  # single source of truth',
  },
  {
    shape: 'setuptools-attr-src',
    kind: 'setuptools-attr',
    file: 'src/acme_src/about.py',
    version: '0.5.0',
    line: "VERSION = '0.5.0'",
  },
  { shape: 'setuptools-file', kind: 'setuptools-file', file: 'VERSION', version: '1.0.2', line: '1.0.2' },
  {
    shape: 'hatch-regex',
    kind: 'hatch-regex',
    file: 'src/acme_hatch/__about__.py',
    version: '1.4.0',
    line: '__version__ = "1.4.0"',
  },
  {
    shape: 'hatch-regex-custom-pattern',
    kind: 'hatch-regex',
    file: 'src/acme_custom/_meta.py',
    version: '0.9.0b2',
    line: 'APP_VERSION: Final = "0.9.0b2"',
  },
  { shape: 'flit', kind: 'flit', file: 'acme_flit/__init__.py', version: '1.0.0', line: "__version__ = '1.0.0'" },
  {
    shape: 'pdm-file',
    kind: 'pdm-file',
    file: 'src/acme_pdm/__init__.py',
    version: '0.4.0',
    line: '__version__ = "0.4.0"  # managed by the release tool',
  },
];

describe('fixture projects: writable version sources', () => {
  it.each(writable)('$shape: detects $kind in $file at $version', ({ shape, kind, file, version, line }) => {
    const files = filesOf(shape);
    const { versionSource: source } = loadProject(files);
    expect(source).toMatchObject({
      kind,
      file,
      currentVersion: version,
      writable: true,
      scm: false,
      declaredIn: 'pyproject.toml',
    });
    if (!source.writable) return;
    const text = files.read(file) ?? '';
    expect(text.slice(source.span.start, source.span.end)).toBe(version);
    expect(text.split('\n')[source.span.line - 1]).toBe(line);
  });

  it.each(writable)('$shape: writing a new version changes exactly the literal', ({ shape, file, version, line }) => {
    const files = filesOf(shape);
    const { versionSource: source } = loadProject(files);
    const before = files.read(file) ?? '';
    const after = writeVersion(source, before, NEW_VERSION);

    // One contiguous change, and it is exactly the old literal turned into the new one.
    const region = changedRegion(before, after);
    expect(region).toEqual({ at: before.indexOf(line) + line.indexOf(version), removed: version, added: NEW_VERSION });
    // The whole-file view: one line changed, everything around it (comments, quotes, CRLF,
    // trailing spaces) as it was.
    expect(changedLines(before, after)).toEqual([[line, line.replace(version, NEW_VERSION)]]);
    expect(after.length).toBe(before.length - version.length + NEW_VERSION.length);
  });

  it.each(writable)('$shape: the rewritten file is detected at the new version', ({ shape, file, kind }) => {
    const files = filesOf(shape);
    const { versionSource: source } = loadProject(files);
    const after = writeVersion(source, files.read(file) ?? '', NEW_VERSION);
    const rewritten = { read: (path: string) => (path === file ? after : files.read(path)) };
    expect(loadProject(rewritten).versionSource).toMatchObject({ kind, file, currentVersion: NEW_VERSION });
  });
});

const scm = [
  { shape: 'setuptools-scm', kind: 'setuptools-scm', generatedFile: 'src/acme_scm/_version.py' },
  { shape: 'hatch-vcs', kind: 'hatch-vcs', generatedFile: 'src/acme_vcs/_version.py' },
  { shape: 'pdm-scm', kind: 'pdm-scm', generatedFile: 'acme_pdm_scm/_version.py' },
] as const;

describe('fixture projects: SCM version sources', () => {
  it.each(scm)('$shape: detects $kind; no tag known, no current version', ({ shape, kind, generatedFile }) => {
    expect(loadProject(filesOf(shape)).versionSource).toEqual({
      kind,
      writable: false,
      scm: true,
      file: 'pyproject.toml',
      declaredIn: 'pyproject.toml',
      description: expect.stringContaining('latest git tag') as string,
      currentVersion: undefined,
      generatedFile,
    });
  });

  it.each(scm)('$shape: reports the latest tag as the current version', ({ shape }) => {
    expect(loadProject(filesOf(shape), { latestTag: 'v1.4.2' }).versionSource.currentVersion).toBe('1.4.2');
  });

  it.each(scm)('$shape: refuses to write, because the tag is the version', ({ shape }) => {
    const { versionSource } = loadProject(filesOf(shape));
    expect(() => writeVersion(versionSource, '', '1.5.0')).toThrow(
      expect.objectContaining({
        code: 'version-source.not-writable',
        message: expect.stringContaining(
          'the tag is the version, so there is no version to write in any file',
        ) as string,
        hint: expect.stringContaining('creating the release tag') as string,
      }),
    );
  });
});

describe('fixture projects: legacy setup.cfg', () => {
  it('reads the version through attr: and package_dir, read only', () => {
    const { project, versionSource } = loadProject(filesOf('setup-cfg'));
    expect(project).toMatchObject({ metadataSource: 'setup-cfg', name: 'acme-legacy', requiresPython: '>=3.8' });
    expect(project.dependencies).toEqual(['requests>=2.25', 'importlib-metadata; python_version<"3.10"']);
    expect(versionSource).toMatchObject({
      kind: 'setup-cfg',
      writable: false,
      scm: false,
      declaredIn: 'setup.cfg',
      file: 'src/acme_legacy/__init__.py',
      currentVersion: '0.7.3',
    });
  });

  it('refuses to write and says how to make the version writable', () => {
    const { versionSource } = loadProject(filesOf('setup-cfg'));
    expect(() => writeVersion(versionSource, '', '1.0.0')).toThrow(
      expect.objectContaining({
        code: 'version-source.not-writable',
        message:
          'the version comes from setup.cfg attr: acme_legacy.__version__ in src/acme_legacy/__init__.py, which pyrelease reads but does not rewrite',
      }),
    );
  });
});

const entrypoints: Array<[string, string, string, Array<[string, 'console' | 'gui', string]>]> = [
  [
    'static',
    'acme-tool',
    'acme-tool',
    [
      ['acme', 'console', 'acme_tool.cli:main'],
      ['acme-admin', 'console', 'acme_tool.admin:run'],
      ['acme-gui', 'gui', 'acme_tool.gui:run'],
    ],
  ],
  ['static-dotted-key', 'Dotted_Pkg', 'dotted-pkg', [['dotted', 'console', 'dotted_pkg.__main__:main']]],
  ['static-crlf', 'crlf-app', 'crlf-app', [['crlf-app', 'console', 'crlf_app.cli:main']]],
  [
    'poetry1',
    'acme-poetry',
    'acme-poetry',
    [
      ['acme-poetry', 'console', 'acme_poetry.cli:main'],
      ['acme-poetry-sync', 'console', 'acme_poetry.sync:main'],
    ],
  ],
  ['poetry2', 'acme-poetry2', 'acme-poetry2', [['acme2', 'console', 'acme_poetry2.cli:main']]],
  ['setuptools-attr', 'acme-attr', 'acme-attr', [['acme-attr', 'console', 'acme_attr.cli:main']]],
  [
    'setuptools-attr-src',
    'acme.src',
    'acme-src',
    [
      ['acme-src', 'console', 'acme_src.cli:main'],
      ['acme-src-report', 'console', 'acme_src.report:main'],
    ],
  ],
  ['setuptools-file', 'acme-file', 'acme-file', [['acme-file', 'console', 'acme_file.cli:main']]],
  ['setuptools-scm', 'acme-scm', 'acme-scm', [['acme-scm', 'console', 'acme_scm.cli:main']]],
  ['hatch-regex', 'acme-hatch', 'acme-hatch', [['acme-hatch', 'console', 'acme_hatch.cli:main']]],
  ['hatch-regex-custom-pattern', 'acme-custom', 'acme-custom', [['acme-custom', 'console', 'acme_custom.cli:main']]],
  ['hatch-vcs', 'acme-vcs', 'acme-vcs', [['acme-vcs', 'console', 'acme_vcs.cli:main']]],
  ['flit', 'acme-flit-tool', 'acme-flit-tool', [['acme-flit', 'console', 'acme_flit:main']]],
  ['pdm-file', 'acme-pdm', 'acme-pdm', [['acme-pdm', 'console', 'acme_pdm.cli:main']]],
  ['pdm-scm', 'acme-pdm-scm', 'acme-pdm-scm', [['acme-pdm-scm', 'console', 'acme_pdm_scm.cli:main']]],
  [
    'setup-cfg',
    'acme-legacy',
    'acme-legacy',
    [
      ['acme-legacy', 'console', 'acme_legacy.cli:main'],
      ['acme-legacy-admin', 'console', 'acme_legacy.admin:main'],
    ],
  ],
];

describe('fixture projects: name and entrypoints', () => {
  it.each(entrypoints)('%s: name %s (PyPI: %s) and its scripts', (shape, name, normalizedName, scripts) => {
    const { project } = loadProject(filesOf(shape));
    expect({ name: project.name, normalizedName: project.normalizedName }).toEqual({ name, normalizedName });
    expect(project.entrypoints.map((entry) => [entry.name, entry.kind, entry.target])).toEqual(scripts);
  });
});

describe('fixture projects: release metadata', () => {
  it('static: requires-python, dependencies and classifiers as written', () => {
    const { project } = loadProject(filesOf('static'));
    expect(project.requiresPython).toBe('>=3.9');
    expect(project.dependencies).toEqual(['click>=8.1', "rich>=13; python_version >= '3.9'"]);
    expect(project.classifiers).toContain('Programming Language :: Python :: 3.12');
    expect(project.buildBackend).toBe('hatchling.build');
  });

  it('poetry1: python constraint and dependencies from [tool.poetry.dependencies]', () => {
    const { project } = loadProject(filesOf('poetry1'));
    expect(project).toMatchObject({
      metadataSource: 'poetry',
      requiresPython: '^3.9',
      classifiers: ['Programming Language :: Python :: 3', 'Topic :: Utilities'],
    });
    expect(project.dependencies).toEqual(['click (^8.1)', 'requests (^2.31)']);
  });

  it('poetry2: dynamic classifiers come from [tool.poetry]', () => {
    const { project } = loadProject(filesOf('poetry2'));
    expect(project).toMatchObject({
      metadataSource: 'project',
      dynamic: ['version', 'classifiers'],
      classifiers: ['Topic :: Utilities'],
    });
  });
});

describe('project files adapter', () => {
  it('reads nothing outside the project root', () => {
    expect(filesOf('static').read('../static-crlf/pyproject.toml')).toBeUndefined();
    expect(filesOf('static').read('/etc/hostname')).toBeUndefined();
  });

  it('reads a directory or a missing file as absent', () => {
    expect(filesOf('static').read('src')).toBeUndefined();
    expect(filesOf('static').read('no-such-file')).toBeUndefined();
  });
});
