import { describe, expect, it } from 'vitest';
import { scanTomlKeyLines, type KeySegment } from '../../../src/domain/config/toml-key-lines';

const TEXT = `# a comment [not.a.table]
[project]
name = "acme"
description = """
branch = "not a key"
"""

[tool.pyrelease]
branch = "main"
workflows = { pypi = "a.yml", testpypi = "b.yml" }
smoke.other.args = ["-V"]
"quoted.key" = 1
required-checks = [
  "lint",
  { inline = 1 },
  'tests',
]

[tool.pyrelease.smoke.acme]
timeout = 5
smoke-commands = [
  ["acme", "--help"],
  { argv = ["acme"],
    timeout = 9 },
]

[[tool.pyrelease.rollback]]
name = "one"

[[tool.pyrelease.rollback]]
name = "two"

[tool.pyrelease.rollback.env]
x = 1
`;

describe('scanTomlKeyLines', () => {
  const lines = scanTomlKeyLines(TEXT);
  it.each<[string, KeySegment[], number | undefined]>([
    ['a table header', ['tool', 'pyrelease'], 8],
    ['a plain key', ['tool', 'pyrelease', 'branch'], 9],
    ['a key of an inline table', ['tool', 'pyrelease', 'workflows', 'testpypi'], 10],
    ['a dotted key', ['tool', 'pyrelease', 'smoke', 'other', 'args'], 11],
    ['a quoted key with a dot', ['tool', 'pyrelease', 'quoted.key'], 12],
    ['an item of a multi-line array', ['tool', 'pyrelease', 'required-checks', 2], 16],
    ['a key of an inline table inside an array', ['tool', 'pyrelease', 'required-checks', 1, 'inline'], 15],
    ['a key of a sub-table', ['tool', 'pyrelease', 'smoke', 'acme', 'timeout'], 20],
    ['an array item nested in a sub-table', ['tool', 'pyrelease', 'smoke', 'acme', 'smoke-commands', 1, 'timeout'], 24],
    ['the first array-of-tables element', ['tool', 'pyrelease', 'rollback', 0, 'name'], 28],
    ['the second array-of-tables element', ['tool', 'pyrelease', 'rollback', 1, 'name'], 31],
    ['a sub-table of the last element', ['tool', 'pyrelease', 'rollback', 1, 'env', 'x'], 34],
    ['a table only implied by a header: its first key', ['tool'], 8],
    ['an absent key: its nearest ancestor', ['tool', 'pyrelease', 'smoke', 'acme', 'args'], 19],
    ['nothing of the path', ['build-system'], undefined],
  ])('finds %s', (_name, path, line) => {
    expect(lines.lineOf(path)).toBe(line);
  });

  it('does not read keys inside multi-line strings', () => {
    expect(lines.lineOf(['project', 'branch'])).toBe(2);
  });

  it('reads keys after literal and escaped strings', () => {
    const scanned = scanTomlKeyLines(`a = 'x"y'\nb = "q\\"\\u00e9"\n"c\\u00e9" = 1\n`);
    expect([scanned.lineOf(['b']), scanned.lineOf(['cé'])]).toEqual([2, 3]);
  });

  it('handles CRLF line endings', () => {
    expect(scanTomlKeyLines('[tool.pyrelease]\r\nbranch = "x"\r\n').lineOf(['tool', 'pyrelease', 'branch'])).toBe(2);
  });
});
