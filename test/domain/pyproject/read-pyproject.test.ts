import { describe, expect, it } from 'vitest';
import { normalizeProjectName, readPyproject, readSetupCfg } from '../../../src/domain/pyproject/index.js';

describe('normalizeProjectName (PEP 503, TECH-FACTS §1.5 vectors)', () => {
  it.each([
    ['foo', 'foo'],
    ['Foo', 'foo'],
    ['fOo', 'foo'],
    ['foo.bar', 'foo-bar'],
    ['Foo.Bar', 'foo-bar'],
    ['Foo.....Bar', 'foo-bar'],
    ['foo_bar', 'foo-bar'],
    ['foo___bar', 'foo-bar'],
    ['foo-bar', 'foo-bar'],
    ['foo----bar', 'foo-bar'],
    ['a--b', 'a-b'],
    ['1--1', '1-1'],
    ['_not_legal', '-not-legal'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeProjectName(name)).toBe(expected);
  });
});

describe('readPyproject', () => {
  it('reads name, requires-python, dependencies, classifiers, dynamic and the build system', () => {
    const text = [
      '[build-system]',
      'requires = ["hatchling>=1.21", "hatch-vcs"]',
      'build-backend = "hatchling.build"',
      '[project]',
      'name = "Acme_Tool"',
      'requires-python = ">=3.9"',
      'dependencies = ["click>=8", "rich; python_version >= \'3.9\'"]',
      'classifiers = ["Programming Language :: Python :: 3"]',
      'dynamic = ["version"]',
    ].join('\n');
    expect(readPyproject(text)).toMatchObject({
      file: 'pyproject.toml',
      metadataSource: 'project',
      name: 'Acme_Tool',
      normalizedName: 'acme-tool',
      requiresPython: '>=3.9',
      dependencies: ['click>=8', "rich; python_version >= '3.9'"],
      classifiers: ['Programming Language :: Python :: 3'],
      dynamic: ['version'],
      buildBackend: 'hatchling.build',
      buildRequires: ['hatchling>=1.21', 'hatch-vcs'],
      setupCfg: undefined,
    });
  });

  it('reads console and GUI scripts in file order, with where they were declared', () => {
    const text =
      '[project]\nname = "a"\nversion = "1"\n[project.gui-scripts]\nz-gui = "a.gui:run"\n[project.scripts]\nb = "a.cli:b"\na = "a.cli:a"\n';
    expect(readPyproject(text).entrypoints).toEqual([
      { name: 'b', kind: 'console', target: 'a.cli:b', declaredIn: '[project.scripts]' },
      { name: 'a', kind: 'console', target: 'a.cli:a', declaredIn: '[project.scripts]' },
      { name: 'z-gui', kind: 'gui', target: 'a.gui:run', declaredIn: '[project.gui-scripts]' },
    ]);
  });

  it('does not count other entry-point groups as scripts', () => {
    const text = '[project]\nname = "a"\nversion = "1"\n[project.entry-points."a.plugins"]\nx = "a:X"\n';
    expect(readPyproject(text).entrypoints).toEqual([]);
  });

  it('reads Poetry scripts given as strings or as {callable} tables', () => {
    const text =
      '[tool.poetry]\nname = "a"\nversion = "1"\n[tool.poetry.scripts]\none = "a.cli:one"\ntwo = { callable = "a.cli:two", extras = ["x"] }\n';
    expect(readPyproject(text).entrypoints).toEqual([
      { name: 'one', kind: 'console', target: 'a.cli:one', declaredIn: '[tool.poetry.scripts]' },
      { name: 'two', kind: 'console', target: 'a.cli:two', declaredIn: '[tool.poetry.scripts]' },
    ]);
  });

  it('lets [project.scripts] win over a Poetry script of the same name (Poetry 2)', () => {
    const text =
      '[project]\nname = "a"\nversion = "1"\n[project.scripts]\nx = "new:main"\n[tool.poetry.scripts]\nx = "old:main"\ny = "a:y"\n';
    expect(readPyproject(text).entrypoints.map((entry) => [entry.name, entry.target])).toEqual([
      ['x', 'new:main'],
      ['y', 'a:y'],
    ]);
  });

  it('rejects a Poetry script table without a callable', () => {
    const text = '[tool.poetry]\nname = "a"\n[tool.poetry.scripts]\nx = { extras = ["y"] }\n';
    expect(() => readPyproject(text)).toThrow(
      expect.objectContaining({
        code: 'pyproject.invalid-field',
        message: '[tool.poetry.scripts] "x" must be a string or a table with "callable", found a table',
      }),
    );
  });

  it('rejects a [project] that is not a table', () => {
    expect(() => readPyproject('project = "acme"\n')).toThrow(
      expect.objectContaining({ code: 'pyproject.invalid-field', message: '[project] must be a table' }),
    );
  });

  it('keeps TOML syntax errors located, with the cause attached', () => {
    let error: unknown;
    try {
      readPyproject('[project]\nname = "a\n');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'pyproject.toml-syntax',
      location: { file: 'pyproject.toml', line: 2, column: 10 },
    });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('reads legacy metadata from setup.cfg when pyproject.toml has none', () => {
    const setupCfgText = [
      '[metadata]',
      'name = Acme.Legacy',
      'classifiers =',
      '    Programming Language :: Python :: 3',
      '    # a comment inside the list',
      '',
      '    Topic :: Utilities',
      '[options]',
      'python_requires = >=3.8',
      '[options.entry_points]',
      'console_scripts =',
      '    acme = acme.cli:main',
      'gui_scripts =',
      '    acme-gui = acme.gui:run',
    ].join('\n');
    expect(readPyproject('[build-system]\nrequires = ["setuptools"]\n', { setupCfgText })).toMatchObject({
      metadataSource: 'setup-cfg',
      name: 'Acme.Legacy',
      normalizedName: 'acme-legacy',
      requiresPython: '>=3.8',
      classifiers: ['Programming Language :: Python :: 3', 'Topic :: Utilities'],
      entrypoints: [
        { name: 'acme', kind: 'console', target: 'acme.cli:main', declaredIn: 'setup.cfg [options.entry_points]' },
        { name: 'acme-gui', kind: 'gui', target: 'acme.gui:run', declaredIn: 'setup.cfg [options.entry_points]' },
      ],
    });
  });

  it('prefers [project] over setup.cfg metadata', () => {
    const project = readPyproject('[project]\nname = "new"\nversion = "1"\n', {
      setupCfgText: '[metadata]\nname = old\n',
    });
    expect(project).toMatchObject({ metadataSource: 'project', name: 'new' });
  });
});

describe('readSetupCfg', () => {
  it('lower-cases keys, accepts ":" as separator and locates values', () => {
    const cfg = readSetupCfg('[metadata]\r\nName: acme\r\nVersion = 1.0  \r\n');
    expect(cfg.sections.get('metadata')?.get('name')?.value).toBe('acme');
    expect(cfg.sections.get('metadata')?.get('version')).toEqual({
      value: '1.0',
      line: 3,
      valueStart: 34,
      valueEnd: 37,
    });
  });
});
