import { describe, expect, it } from 'vitest';
import { findPythonAssignment } from '../../../src/domain/pyproject/find-python-assignment.js';

function literalOf(text: string, name = '__version__'): string | undefined {
  const found = findPythonAssignment(text, name);
  return found.found === 'literal' ? text.slice(found.start, found.end) : undefined;
}

describe('findPythonAssignment', () => {
  it.each([
    ['double quotes', '__version__ = "1.0"\n', '1.0'],
    ['single quotes', "__version__ = '1.0'\n", '1.0'],
    ['no spaces', '__version__="1.0"', '1.0'],
    ['a trailing comment', '__version__ = "1.0"  # bump me\n', '1.0'],
    ['a type annotation', '__version__: str = "1.0"\n', '1.0'],
    ['a Final annotation', '__version__: Final[str] = "1.0"\n', '1.0'],
    ['a chained assignment', '__version__ = version = "1.0"\n', '1.0'],
    ['a u prefix', '__version__ = u"1.0"\n', '1.0'],
    ['triple quotes', '__version__ = """1.0"""\n', '1.0'],
    ['CRLF line ends', '"""Doc."""\r\n__version__ = "1.0"\r\n', '1.0'],
    ['the first of two assignments', '__version__ = "1.0"\n__version__ = "2.0"\n', '1.0'],
  ])('reads %s', (_case, text, expected) => {
    expect(literalOf(text)).toBe(expected);
  });

  it.each([
    ['a docstring mentioning it', '"""Use\n__version__ = "0.0"\nin docs."""\n'],
    ['a single-quoted docstring mentioning it', "'''\n__version__ = '0.0'\n'''\n"],
    ['a comment', '# __version__ = "1.0"\n'],
    ['an indented assignment', 'try:\n    __version__ = "1.0"\nexcept Exception:\n    pass\n'],
    ['a bracketed continuation line', 'x = dict(\n__version__ = "1.0",\n)\n'],
    ['a backslash continuation', 'x = 1 + \\\n__version__\n'],
    ['a similar name', '__version_info__ = "1.0"\nmy__version__ = "2"\n'],
    ['a comparison', '__version__ == "1.0"\n'],
  ])('ignores %s', (_case, text) => {
    expect(findPythonAssignment(text, '__version__')).toEqual({ found: 'nothing' });
  });

  it.each([
    [
      'a function call',
      'from importlib.metadata import version\n__version__ = version("acme")\n',
      '__version__ = version("acme")',
      2,
    ],
    ['string concatenation', '__version__ = "1." + "0"\n', '__version__ = "1." + "0"', 1],
    ['an f-string', '__version__ = f"{MAJOR}.0"\n', '__version__ = f"{MAJOR}.0"', 1],
    ['bytes', '__version__ = b"1.0"\n', '__version__ = b"1.0"', 1],
  ])('reports %s as an expression, with its line', (_case, text, source, line) => {
    expect(findPythonAssignment(text, '__version__')).toEqual({ found: 'expression', source, line });
  });

  it('reads another attribute name literally (no regex meaning in the name)', () => {
    expect(literalOf('VERSION = "2.0"\nVxRSION = "3"\n', 'VERSION')).toBe('2.0');
  });

  it('reports the line number of the literal', () => {
    expect(findPythonAssignment('"""Doc."""\n\n__version__ = "1.0"\n', '__version__')).toMatchObject({
      found: 'literal',
      line: 3,
    });
  });
});
