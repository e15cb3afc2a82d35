import { describe, expect, it } from 'vitest';
import { loadProject, projectFilesFromRecord, writeVersion } from '../../../src/domain/pyproject/index.js';
import { changedRegion } from './changed-region.js';

/**
 * Each case is a file split in three: `head` + old literal + `tail`. The expected output is
 * built by plain concatenation (`head` + new + `tail`), independently of the code under test.
 */
interface RoundTrip {
  name: string;
  file: string;
  head: string;
  old: string;
  tail: string;
  /** Other files the project needs; pyproject.toml may be `file` itself. */
  others?: Record<string, string>;
}

const hatchPyproject = (extra = '') =>
  `[build-system]\nbuild-backend = "hatchling.build"\n[project]\nname = "acme"\ndynamic = ["version"]\n[tool.hatch.version]\npath = "src/acme/__about__.py"\n${extra}`;

const cases: RoundTrip[] = [
  {
    name: 'TOML with everything around the literal',
    file: 'pyproject.toml',
    head: [
      '# version = "0.0.1" (a comment)',
      '[[tool.x]]',
      'version = "8"',
      '[[tool.x]]',
      'version = "9"   ',
      '[tool.something]',
      "version = '9'",
      'inline = { version = "7", other = [ { version = "6" } ] }',
      'doc = """',
      '[project]',
      'version = "5"',
      '"""',
      '[project]',
      'name = "acme"  # trailing comment',
      'description = "it says version = \\"4\\""',
      'version   =   "',
    ].join('\n'),
    old: '1.0.0',
    tail: '"   # keep me\n\n[project.optional-dependencies]\nversion = ["x==1.0.0"]\n',
  },
  {
    name: 'TOML with CRLF line ends and a literal string',
    file: 'pyproject.toml',
    head: '[tool.poetry]\r\nname = "acme"\r\nversion = \'',
    old: '0.1.0',
    tail: '\'\t\r\n\r\n[tool.poetry.dependencies]\r\npython = "^3.9"\r\nrequests = { version = "0.1.0" }\r\n',
  },
  {
    name: 'TOML with a top-level dotted key',
    file: 'pyproject.toml',
    head: '# dotted\nproject.name = "acme"\nproject.version="',
    old: '2.0.0',
    tail: '"\n[tool.x]\nproject.version = "2.0.0"\n',
  },
  {
    name: 'TOML with the project as an inline table',
    file: 'pyproject.toml',
    head: 'project = { name = "acme", version = "',
    old: '3.0',
    tail: '", scripts = { a = "b:c" } }\n',
  },
  {
    name: 'Python file with single quotes and a comment',
    file: 'src/acme/__about__.py',
    // Indented: hatch's default pattern anchors at the line start, so this is not a match.
    head: '"""About.\n\n    __version__ = "0.0.0" is just an example.\n"""\n__version__ = \'',
    old: '1.4.0',
    tail: "'  # keep\n__version_info__ = (1, 4, 0)\n",
    others: { 'pyproject.toml': hatchPyproject() },
  },
  {
    name: 'Python file with CRLF and a v prefix kept outside the literal',
    file: 'src/acme/__about__.py',
    head: '# header\r\nVERSION = "v',
    old: '1.4.0',
    tail: '"\r\n',
    others: { 'pyproject.toml': hatchPyproject() },
  },
  {
    name: 'Python file matched by a custom hatch pattern',
    file: 'src/acme/__about__.py',
    head: 'RELEASE = {"version": "',
    old: '1.4.0',
    tail: '", "name": "acme"}\n',
    others: { 'pyproject.toml': hatchPyproject(`pattern = '"version": "(?P<version>[^"]+)"'\n`) },
  },
  {
    name: 'VERSION file keeps its trailing newline',
    file: 'VERSION',
    head: '',
    old: '1.0.2',
    tail: '\n',
    others: {
      'pyproject.toml':
        '[project]\nname = "acme"\ndynamic = ["version"]\n[tool.setuptools.dynamic]\nversion = { file = "VERSION" }\n',
    },
  },
  {
    name: 'VERSION file without a newline',
    file: 'VERSION',
    head: '',
    old: '1.0.2',
    tail: '',
    others: {
      'pyproject.toml':
        '[project]\nname = "acme"\ndynamic = ["version"]\n[tool.setuptools.dynamic]\nversion = { file = "VERSION" }\n',
    },
  },
];

describe('writeVersion: byte-preserving round trips', () => {
  it.each(cases)('$name', ({ file, head, old, tail, others }) => {
    const before = head + old + tail;
    const files = projectFilesFromRecord({ ...others, [file]: before });
    const { versionSource } = loadProject(files);
    expect(versionSource).toMatchObject({
      file,
      currentVersion: old,
      span: { start: head.length, end: head.length + old.length },
    });

    const after = writeVersion(versionSource, before, '9.8.7.dev3');
    expect(after).toBe(`${head}9.8.7.dev3${tail}`);
    expect(changedRegion(before, after)).toEqual({ at: head.length, removed: old, added: '9.8.7.dev3' });
  });

  it('rewrites a file read again later, as long as it still holds the same version', () => {
    const before = '[project]\nname = "acme"\nversion = "1.0"\n';
    const { versionSource } = loadProject(projectFilesFromRecord({ 'pyproject.toml': before }));
    const edited = `# a comment added since\n${before}`;
    expect(writeVersion(versionSource, edited, '1.1')).toBe(
      '# a comment added since\n[project]\nname = "acme"\nversion = "1.1"\n',
    );
  });

  it('accepts every PEP 440 character: epochs, local versions, post and dev releases', () => {
    const before = '[project]\nname = "acme"\nversion = "1.0"\n';
    const { versionSource } = loadProject(projectFilesFromRecord({ 'pyproject.toml': before }));
    expect(writeVersion(versionSource, before, '1!2.0.post1.dev2+local_build-3')).toBe(
      '[project]\nname = "acme"\nversion = "1!2.0.post1.dev2+local_build-3"\n',
    );
  });
});
