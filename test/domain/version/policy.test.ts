import { describe, expect, it } from 'vitest';
import {
  classifyBump,
  isBreakingBump,
  nextFreeCandidate,
  requiresMigrationNotes,
  toSemver,
  type BumpClass,
} from '../../../src/domain/version';

describe('toSemver', () => {
  it.each([
    ['1.0.0rc1', '1.0.0-rc.1'],
    ['1.0.0-RC.1', '1.0.0-rc.1'],
    ['1.0.0a1', '1.0.0-a.1'],
    ['1.0.0b2', '1.0.0-b.2'],
    ['1.0.0c3', '1.0.0-rc.3'],
    ['1.0.0.dev2', '1.0.0-dev.2'],
    ['1.0.0rc1.dev1', '1.0.0-rc.1.dev.1'],
    ['1.0.0a1.post2', '1.0.0-a.1.post.2'],
    ['1.0', '1.0.0'],
    ['7', '7.0.0'],
    // No semver slot: these sort at or above X.Y.Z, so the rest goes to build metadata.
    ['1.0.0.post1', '1.0.0+post.1'],
    ['1.0.0.post1.dev0', '1.0.0+post.1.dev.0'],
    ['1.2.3.4', '1.2.3+4'],
    ['1.2.3.4rc1', '1.2.3+4.rc.1'],
    ['1.0.0+abc.1', '1.0.0+abc.1'],
    ['1.0rc1+x', '1.0.0-rc.1+x'],
    ['1!2.0', '2.0.0'],
  ])('%s → %s', (input, expected) => {
    expect(toSemver(input)).toBe(expected);
  });
});

describe('classifyBump', () => {
  const rows: ReadonlyArray<readonly [string, string, BumpClass]> = [
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '2.0.0', 'major'],
    ['1.2.3', '3.1.4', 'major'],
    ['1.2', '1.2.1', 'patch'],
    ['1.2.3', '1.2.4rc1', 'patch'],
    ['1.2.3', '1.3.0rc1', 'minor'],
    ['1.2.3', '2.0.0rc1', 'major'],
    ['1.2.3', '2.0.0.dev0', 'major'],
    ['1.0.0rc1', '1.0.0rc2', 'prerelease'],
    ['1.0.0a1', '1.0.0b1', 'prerelease'],
    ['1.0.0.dev0', '1.0.0a1', 'prerelease'],
    ['1.0.0rc1.dev1', '1.0.0rc1', 'prerelease'],
    // Finishing a pre-release counts at the level it releases (semver.diff's rule).
    ['1.0.0rc1', '1.0.0', 'major'],
    ['1.2.0rc1', '1.2.0', 'minor'],
    ['1.2.3rc1', '1.2.3', 'patch'],
    ['1.2.3rc1', '1.3.0', 'minor'],
    ['1.0.0rc1', '1.0.1', 'major'],
    // Steps semver cannot see.
    ['1.2.3', '1.2.3.post1', 'patch'],
    ['1.2.3.post1', '1.2.3.post2', 'patch'],
    ['1.2.3.4', '1.2.3.5', 'patch'],
    ['1.2.3', '1.2.3.post1.dev0', 'prerelease'],
    ['1.2.3.4', '1.2.3.5rc1', 'prerelease'],
    ['1.0.0.post1.dev0', '1.0.0.post1', 'patch'],
    ['1.0.0.post1.dev0', '1.0.1', 'patch'],
    ['2013.10', '1!1.0', 'major'],
    ['1!1.0', '1!1.1', 'minor'],
    // Not a step up.
    ['1.2.3', '1.2.3', 'none'],
    ['1.0', '1.0.0', 'none'],
    ['1.2.3', '1.2.2', 'none'],
    ['1.2.3', '1.2.3rc1', 'none'],
    ['1!1.0', '2.0', 'none'],
  ];

  it.each(rows)('%s → %s is %s', (from, to, expected) => {
    expect(classifyBump(from, to)).toBe(expected);
  });

  it('throws version.invalid for an unparseable side', () => {
    expect(() => classifyBump('1.0', 'next')).toThrow(expect.objectContaining({ code: 'version.invalid' }));
  });
});

describe('isBreakingBump and requiresMigrationNotes', () => {
  it.each([
    ['1.2.3', '2.0.0', true],
    ['1.2.3', '2.0.0rc1', true],
    ['2.0.0rc2', '2.0.0', true],
    ['1.2.3', '1.3.0', false],
    ['1.2.3', '1.2.4', false],
    ['1.0.0rc1', '1.0.0rc2', false],
    ['0.1.0', '0.2.0', true],
    ['0.1.9', '0.2.0rc1', true],
    ['0.2.0rc1', '0.2.0', true],
    ['0.1.0', '0.1.1', false],
    ['0.9.0', '1.0.0', true],
    ['0.2', '0.3', true],
    ['2013.10', '1!1.0', true],
    ['1.2.3', '1.2.3', false],
    ['2.0.0', '1.0.0', false],
  ] as const)('%s → %s breaking: %s', (from, to, expected) => {
    expect(isBreakingBump(from, to)).toBe(expected);
    expect(requiresMigrationNotes(from, to)).toBe(expected);
  });
});

describe('nextFreeCandidate', () => {
  it.each([
    ['1.2.3', [], '1.2.3rc1'],
    ['1.2.3', ['1.2.2', '1.2.2rc1', '1.3.0rc1'], '1.2.3rc1'],
    ['1.2.3', ['1.2.3rc1'], '1.2.3rc2'],
    ['1.2.3', ['1.2.3rc1', '1.2.3rc2'], '1.2.3rc3'],
    // Never backwards: the gap at rc2 is not reused.
    ['1.2.3', ['1.2.3rc1', '1.2.3rc3'], '1.2.3rc4'],
    // Normalized comparison: any spelling of the same version counts.
    ['1.2.3', ['1.2.3-RC.1', 'v1.2.3c2'], '1.2.3rc3'],
    ['1.2.3', ['1.2.3.0rc1'], '1.2.3rc2'],
    ['1.2', ['1.2.0rc4'], '1.2rc5'],
    // rcN is above rcN.devM but not above rcN.postM; alphas and betas lead to rc1.
    ['1.2.3', ['1.2.3rc2.dev0'], '1.2.3rc2'],
    ['1.2.3', ['1.2.3rc1.post1'], '1.2.3rc2'],
    ['1.2.3', ['1.2.3a1', '1.2.3b2', '1.2.3.dev5'], '1.2.3rc1'],
    ['1.2.3', ['1.2.3rc0'], '1.2.3rc1'],
    ['1.2.3', ['nightly', '1.2.3rc1'], '1.2.3rc2'],
    ['1!1.2.3', ['1.2.3rc1'], '1!1.2.3rc1'],
    ['v1.2.3', [], '1.2.3rc1'],
  ] as const)('%s with %j taken → %s', (base, taken, expected) => {
    expect(nextFreeCandidate(base, taken)).toBe(expected);
  });

  it('refuses when the final is already taken', () => {
    expect(() => nextFreeCandidate('1.2.3', ['1.2.3rc1', '1.2.3'])).toThrow(
      expect.objectContaining({
        code: 'version.not-greater',
        message: '1.2.3 is already taken, and a release candidate of 1.2.3 would sort below it.',
        hint: 'Prepare a later release instead, such as 1.2.4.',
      }),
    );
  });

  it.each([['1.2.3.post1'], ['1.2.3.0'], ['1.2.3.post1.dev0']])(
    'refuses when %s (at or above the final) is taken',
    (taken) => {
      expect(() => nextFreeCandidate('1.2.3', [taken])).toThrow(
        expect.objectContaining({ code: 'version.not-greater' }),
      );
    },
  );

  it('refuses a base that is not a plain final release', () => {
    expect(() => nextFreeCandidate('1.2.3rc1', [])).toThrow(
      expect.objectContaining({
        code: 'version.invalid',
        message: 'Base version 1.2.3rc1 is not a plain final release such as 1.2.3.',
      }),
    );
  });

  it('refuses an unparseable base', () => {
    expect(() => nextFreeCandidate('1.2.x', [])).toThrow(
      expect.objectContaining({
        code: 'version.invalid',
        message: 'Base version "1.2.x" is not a PEP 440 version; write it like 1.2.4 or 1.3.0rc1.',
      }),
    );
  });
});
