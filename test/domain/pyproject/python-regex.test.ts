import { describe, expect, it } from 'vitest';
import { HATCH_DEFAULT_PATTERN, versionFromTag } from '../../../src/domain/pyproject/index.js';
import { compilePythonRegex, groupSpan } from '../../../src/domain/pyproject/python-regex.js';

function versionGroup(pattern: string, text: string, baseFlags = 'm'): string | undefined {
  const compiled = compilePythonRegex(pattern, baseFlags);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.regex.exec(text)?.groups?.version;
}

describe('compilePythonRegex', () => {
  it.each([
    ['__version__ = "1.0"', '1.0'],
    ["VERSION = 'v2.0'", '2.0'],
    ['version = "3.0"', '3.0'],
    ['# first line\n__version__ = "4.0"', '4.0'],
    ['__version__ = "5.0\'', undefined],
    ['  __version__ = "6.0"', undefined],
  ])("runs hatch's default pattern on %j", (text, expected) => {
    expect(versionGroup(HATCH_DEFAULT_PATTERN, text)).toBe(expected);
  });

  it('turns leading inline flags into JavaScript flags', () => {
    const compiled = compilePythonRegex('(?is)^a.b$');
    expect(compiled.ok && compiled.regex.flags).toBe('dis');
  });

  it('translates (?P=name) back-references', () => {
    expect(versionGroup('(?P<q>[\'"])(?P<version>[^\'"]+)(?P=q)', 'x = "1.0\'"2.0"')).toBe('2.0');
  });

  it('translates \\A and \\Z but leaves an escaped backslash alone', () => {
    expect(versionGroup('\\A(?P<version>\\d+)\\Z', '12')).toBe('12');
    expect(versionGroup('\\A(?P<version>\\d+)\\Z', '12\n')).toBeUndefined();
    expect(versionGroup('\\\\A(?P<version>\\d)', 'x\\A1')).toBe('1');
  });

  it('explains what it cannot translate', () => {
    expect(compilePythonRegex('(?x) a b')).toEqual({
      ok: false,
      reason: 'the verbose flag (?x) has no JavaScript equivalent',
    });
    expect(compilePythonRegex('(?P<version>')).toMatchObject({ ok: false });
  });

  it('gives the offsets of a named or numbered group', () => {
    const compiled = compilePythonRegex('v(?P<version>\\d)');
    const match = compiled.ok ? compiled.regex.exec('xv7') : null;
    expect(match && groupSpan(match, 'version')).toEqual({ start: 2, end: 3 });
    expect(match && groupSpan(match, 1)).toEqual({ start: 2, end: 3 });
  });
});

describe('versionFromTag (setuptools-scm default tag regex)', () => {
  it.each([
    ['v1.2.3', '1.2.3'],
    ['V1.2.3', '1.2.3'],
    ['1.2.3', '1.2.3'],
    ['acme-tool-1.2.3', '1.2.3'],
    ['v1.2.3rc1', '1.2.3rc1'],
    ['1.2.3+local', '1.2.3'],
    ['not-a-version', 'not-a-version'],
  ])('%s → %s', (tag, expected) => {
    expect(versionFromTag(tag)).toBe(expected);
  });

  it('uses a project tag pattern when given, falling back to the default when it cannot compile', () => {
    expect(versionFromTag('release/2.0', '^release/(?P<version>.+)$')).toBe('2.0');
    expect(versionFromTag('stable-2.1', '^stable-(.+)$')).toBe('2.1');
    expect(versionFromTag('v3.0', '(?x) broken')).toBe('3.0');
  });
});
