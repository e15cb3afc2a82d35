import { describe, expect, it } from 'vitest';
import { compareVersions, maxVersion, parseVersion } from '../../../src/domain/version';

// TECH-FACTS §1.6: the epoch-0 half of packaging's VERSIONS, strictly ascending.
const ASCENDING = [
  '1.0.dev0',
  '1.0.dev456',
  '1.0.dev456+local',
  '1.0a0',
  '1.0a0.post0.dev0',
  '1.0a0.post0',
  '1.0a1.dev1',
  '1.0a1.dev1+local',
  '1.0a1',
  '1.0a1+local',
  '1.0b0',
  '1.0b1.dev456',
  '1.0b2',
  '1.0b2.post345.dev456',
  '1.0b2.post345',
  '1.0b2-346',
  '1.0rc0',
  '1.0rc1.dev1',
  '1.0c1',
  '1.0rc2',
  '1.0',
  '1.0.post0.dev0',
  '1.0.post0',
  '1.0.post456.dev34',
  '1.0.post456',
  '1.0.post456+local',
  '1.0.1.dev1',
  '1.0.1a1',
  '1.0.1',
  '1.0.1+local',
  '1.0.1.post1',
  '1.1.dev1',
  '1.2+a',
  '1.2+abc',
  '1.2+abcdef',
  '1.2+def',
  '1.2+0',
  '1.2+1',
  '1.2+1.abc',
  '1.2+1.1',
  '1.2+1.1.0',
  '1.2+2',
  '1.2+123',
  '1.2+123456',
  '1.2.r32+123456',
  '1.2.rev33+123456',
];
// "The same list prefixed with 1! sorts entirely after it."
const ALL = [...ASCENDING, ...ASCENDING.map((version) => `1!${version}`)];

describe('compareVersions: packaging ascending list', () => {
  it.each(ALL.map((version, index) => [version, index] as const))(
    '%s sorts above everything before it and below everything after it',
    (version, index) => {
      const wrong = ALL.filter((other, j) => j !== index && compareVersions(version, other) !== Math.sign(index - j));
      expect(wrong).toEqual([]);
      expect(compareVersions(version, version)).toBe(0);
    },
  );

  it('sorts a shuffled copy back into order', () => {
    const shuffled = [...ALL].reverse().sort((a, b) => a.length - b.length || a.localeCompare(b));
    expect(shuffled.sort(compareVersions)).toEqual(ALL);
  });
});

describe('compareVersions: extra pairs', () => {
  // TECH-FACTS §1.6 "Extra pairs (verified)", written as [lower-or-equal, higher-or-equal, expected sign].
  it.each([
    ['1.0', '1.0.0', 0],
    ['1.0rc1', '1.0c1', 0],
    ['v1.0', '1.0', 0],
    ['1.0.dev0', '1.0a0', -1],
    ['1.0a1.post1', '1.0b1', -1],
    ['1.0', '1.0+abc', -1],
    ['1.0+abc', '1.0.post0', -1],
    ['1.0+abc.5', '1.0+abc.7', -1],
    ['1.0+abc.7', '1.0+5', -1],
    ['2013.10', '1!1.0', -1],
    ['1.9', '1.10', -1],
    ['1.0.0rc1', '1.0.0', -1],
    ['1.0.0', '1.0.1.dev0', -1],
    ['1.0.post1', '1.0.1.dev0', -1],
    ['0.9.9', '1.0.0a1', -1],
    ['1.0.0rc1.dev1', '1.0.0rc1', -1],
    ['1.0.0.post1.dev1', '1.0.0.post1', -1],
    ['1.0.0b2', '1.0.0rc1', -1],
    ['1.0.0.dev1', '1.0.0a1.dev1', -1],
    // Beyond the list: spelling, case and whitespace never matter; local parts follow str.isdigit().
    ['  V1.0.0-RC.1 ', '1.0rc1', 0],
    ['1.0+ABC', '1.0+abc', 0],
    ['1.0+01', '1.0+1', 0],
    ['1.0+ubuntu-1', '1.0+ubuntu.1', 0],
    ['1.0+0x10', '1.0+abc', -1],
    ['1.0+abc', '1.0+17', -1],
    ['1.0+99999999999999999999', '1.0+100000000000000000000', -1],
    ['1.0.0', '1.0.0.0.0', 0],
    ['0!1.0', '1.0', 0],
  ] as const)('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });

  it('accepts parsed versions and strings alike', () => {
    const parsed = parseVersion('2.0.0rc1');
    expect(parsed).toBeDefined();
    expect(compareVersions(parsed!, '2.0.0')).toBe(-1);
    expect(compareVersions('2.0.0', parsed!)).toBe(1);
  });

  it('throws version.invalid naming the bad string', () => {
    expect(() => compareVersions('1.0', 'french toast')).toThrow(
      expect.objectContaining({
        code: 'version.invalid',
        message: 'Version "french toast" is not a PEP 440 version; write it like 1.2.4 or 1.3.0rc1.',
      }),
    );
  });
});

describe('maxVersion', () => {
  it('returns the highest item as given', () => {
    expect(maxVersion(['1.0', '1.10', '1.9', '1.10.0rc1'])).toBe('1.10');
    expect(maxVersion(['1.0.0-RC.2', '1.0.0rc1'])).toBe('1.0.0-RC.2');
  });

  it('skips strings that are not PEP 440, as pip skips legacy versions', () => {
    expect(maxVersion(['0.9', 'nightly-build', '1.0.0-SNAPSHOT'])).toBe('0.9');
  });

  it('keeps the first of equal versions', () => {
    expect(maxVersion(['1.0', '1.0.0'])).toBe('1.0');
  });

  it('is undefined when nothing parses', () => {
    expect(maxVersion([])).toBeUndefined();
    expect(maxVersion(['latest'])).toBeUndefined();
  });

  it('ranks epochs above everything else', () => {
    expect(maxVersion(['2024.1', '1!0.1', '99.0'])).toBe('1!0.1');
  });

  it('works on parsed versions', () => {
    const versions = ['3.1.dev0', '3.0.post2'].map((text) => parseVersion(text)!);
    expect(maxVersion(versions)?.text).toBe('3.1.dev0');
  });
});
