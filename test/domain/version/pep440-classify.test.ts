import { describe, expect, it } from 'vitest';
import { parseVersion, requireVersion } from '../../../src/domain/version';

describe('Pep440Version classification', () => {
  // TECH-FACTS §1.6 is_prerelease lists.
  it.each([
    '1.0.dev0',
    '1.0.dev1',
    '1.0a1.dev1',
    '1.0b1.dev1',
    '1.0c1.dev1',
    '1.0rc1.dev1',
    '1.0a1',
    '1.0b1',
    '1.0c1',
    '1.0rc1',
    '1.0a1.post1.dev1',
    '1.0rc1.post1.dev1',
    '1.0a1.post1',
    '1.0rc1.post1',
  ])('%s is a pre-release', (text) => {
    expect(requireVersion(text).isPrerelease).toBe(true);
  });

  it.each(['1.0', '1.0+dev', '1.0.post1', '1.0.post1+dev'])('%s is not a pre-release', (text) => {
    expect(requireVersion(text).isPrerelease).toBe(false);
  });

  // TECH-FACTS §1.6 is_postrelease list.
  it.each([
    ['1.0.dev1', false],
    ['1.0', false],
    ['1.0+foo', false],
    ['1.0.post1.dev1', true],
    ['1.0.post1', true],
  ] as const)('%s is a post-release: %s', (text, expected) => {
    expect(requireVersion(text).isPostrelease).toBe(expected);
  });

  it.each([
    ['1.0.post1.dev1', true],
    ['1.0rc1.dev0', true],
    ['1.0rc1', false],
    ['1.0', false],
  ] as const)('%s is a dev release: %s', (text, expected) => {
    expect(requireVersion(text).isDevrelease).toBe(expected);
  });

  it.each([
    ['1.0+abc', true],
    ['1.0', false],
    ['1.0.post1', false],
  ] as const)('%s has a local part: %s', (text, expected) => {
    expect(requireVersion(text).hasLocal).toBe(expected);
  });

  it('exposes every accessor of 1!1.0a1.post5.dev6+deadbeef as packaging does', () => {
    expect(parseVersion('1!1.0a1.post5.dev6+deadbeef')).toEqual({
      epoch: 1,
      release: [1, 0],
      pre: ['a', 1],
      post: 5,
      dev: 6,
      local: 'deadbeef',
      text: '1!1.0a1.post5.dev6+deadbeef',
      public: '1!1.0a1.post5.dev6',
      baseVersion: '1!1.0',
      isPrerelease: true,
      isDevrelease: true,
      isPostrelease: true,
      hasLocal: true,
    });
  });

  it('leaves absent segments undefined and keeps trailing zeros in the release', () => {
    expect(parseVersion('v2.0.0')).toEqual({
      epoch: 0,
      release: [2, 0, 0],
      pre: undefined,
      post: undefined,
      dev: undefined,
      local: undefined,
      text: '2.0.0',
      public: '2.0.0',
      baseVersion: '2.0.0',
      isPrerelease: false,
      isDevrelease: false,
      isPostrelease: false,
      hasLocal: false,
    });
  });

  it('normalizes spellings inside the accessors', () => {
    const version = requireVersion('1.0-PREVIEW.3+Ubuntu-01');
    expect(version.pre).toEqual(['rc', 3]);
    expect(version.local).toBe('ubuntu.1');
    expect(version.public).toBe('1.0rc3');
  });

  it('is plain data that survives a JSON round trip', () => {
    const version = requireVersion('1.2.3rc1');
    expect(JSON.parse(JSON.stringify(version))).toEqual({
      ...version,
      post: undefined,
      dev: undefined,
      local: undefined,
    });
  });

  it('requireVersion names the subject in its error', () => {
    expect(() => requireVersion('1.2.x', 'Current version')).toThrow(
      expect.objectContaining({
        code: 'version.invalid',
        message: 'Current version "1.2.x" is not a PEP 440 version; write it like 1.2.4 or 1.3.0rc1.',
      }),
    );
  });
});
