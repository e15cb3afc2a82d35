import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { findTomlString } from '../../../src/domain/pyproject/find-toml-string.js';

/** The literal found at `keyPath`, or undefined; every document is also checked to be valid TOML. */
function literalAt(text: string, keyPath: string[]): string | undefined {
  parse(text);
  const location = findTomlString(text, keyPath);
  return location === undefined ? undefined : text.slice(location.start, location.end);
}

const PROJECT_VERSION = ['project', 'version'];

describe('findTomlString: which `version` is the project version', () => {
  it.each([
    ['inside [project]', '[project]\nname = "a"\nversion = "1.0"\n', '1.0'],
    ['as a literal string', "[project]\nversion = '1.0'\n", '1.0'],
    ['as a top-level dotted key', 'project.version = "1.0"\n', '1.0'],
    ['with spaces around the dots', 'project . version = "1.0"\n', '1.0'],
    ['with quoted key parts', '"project"."version" = "1.0"\n', '1.0'],
    ['in a header with a quoted part', '[ "project" ]\nversion = "1.0"\n', '1.0'],
    ['in an inline table', 'project = { name = "a", version = "1.0" }\n', '1.0'],
    ['in a multi-line basic string', '[project]\nversion = """1.0"""\n', '1.0'],
    ['in a multi-line literal string', "[project]\nversion = '''1.0'''\n", '1.0'],
    ['after a table that has its own version', '[tool.towncrier]\nversion = "9"\n[project]\nversion = "1.0"\n', '1.0'],
    [
      'after an array of tables with versions',
      '[[tool.x]]\nversion = "8"\n[[tool.x]]\nversion = "9"\n[project]\nversion = "1.0"\n',
      '1.0',
    ],
    [
      'after inline tables with versions',
      '[tool]\nx = { version = "9" }\ny = [{ version = "8" }]\n[project]\nversion = "1.0"\n',
      '1.0',
    ],
    [
      'after [project.urls] defined before [project]',
      '[project.urls]\nversion = "https://x"\n[project]\nversion = "1.0"\n',
      '1.0',
    ],
    ['with CRLF line ends', '[project]\r\nname = "a"\r\nversion = "1.0"\r\n', '1.0'],
    ['followed by a comment', '[project]\nversion = "1.0" # "2.0"\n', '1.0'],
  ])('%s', (_case, text, expected) => {
    expect(literalAt(text, PROJECT_VERSION)).toBe(expected);
  });

  it.each([
    ['a commented-out line', '[project]\n# version = "1.0"\nname = "a"\n'],
    ['a key inside a string', '[project]\ndescription = "version = \\"1.0\\""\n'],
    ['a header inside a multi-line string', 'x = """\n[project]\nversion = "1.0"\n"""\n'],
    ['a header inside a multi-line literal string', "x = '''\n[project]\nversion = '1.0'\n'''\n"],
    ['a sub-table key', '[project.optional-dependencies]\nversion = ["x"]\n[project.scripts]\nversion = "a:b"\n'],
    ['an array of tables named project', '[[projects]]\nversion = "1.0"\n'],
    ['a dotted key of another table', '[tool]\nproject.version = "1.0"\n'],
    ['a number', '[project]\nversion = 1.0\n'],
  ])('is not fooled by %s', (_case, text) => {
    expect(literalAt(text, PROJECT_VERSION)).toBeUndefined();
  });

  it("finds Poetry's version after [tool.poetry.dependencies] was declared first", () => {
    const text =
      '[tool.poetry.dependencies]\nrequests = { version = "^2" }\n[tool.poetry]\nname = "a"\nversion = "0.1.0"\n';
    expect(literalAt(text, ['tool', 'poetry', 'version'])).toBe('0.1.0');
  });

  it('skips arrays, dates and escaped quotes that precede the key', () => {
    const text = [
      '[project]',
      'authors = [',
      '  { name = "A \\"B\\" C", email = "a@b.c" },  # ] not the end',
      ']',
      'released = 1979-05-27 07:32:00Z',
      'weird = """a""""',
      "raw = 'C:\\temp\\'",
      'version = "1.0"',
    ].join('\n');
    expect(literalAt(text, PROJECT_VERSION)).toBe('1.0');
  });

  it('reports the offsets of the contents, quotes excluded', () => {
    const text = '[project]\nversion = "1.0"\n';
    expect(findTomlString(text, PROJECT_VERSION)).toEqual({ start: 21, end: 24, quote: '"' });
  });

  it('trims the newline right after a multi-line opening delimiter, as TOML does', () => {
    const text = '[project]\nversion = """\n1.0"""\n';
    expect(literalAt(text, PROJECT_VERSION)).toBe('1.0');
  });
});
