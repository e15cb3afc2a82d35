import { describe, expect, it } from 'vitest';
import { resolveRequestedVersion } from '../../../src/domain/version';
import { PyreleaseError } from '../../../src/domain/errors';

describe('resolveRequestedVersion', () => {
  it.each([
    ['1.2.3', 'patch', '1.2.4'],
    ['1.2.3', ' Minor ', '1.3.0'],
    ['1.2.3', 'RC', '1.2.4rc1'],
    ['2.0.0rc2', 'major', '2.0.0'],
    ['2.0.0rc2', 'final', '2.0.0'],
  ])('resolves bump kind: %s + %j → %s', (current, request, expected) => {
    expect(resolveRequestedVersion(current, request)).toBe(expected);
  });

  it.each([
    ['1.2.3', '1.2.4', '1.2.4'],
    ['1.2.3', 'v1.3.0-RC.1', '1.3.0rc1'],
    ['1.2.3', ' 2.0.0.DEV1 ', '2.0.0.dev1'],
    ['1.2.3rc1', '1.2.3', '1.2.3'],
    ['1.2.3', '1!0.1', '1!0.1'],
    ['1.2.4.dev3+g1a2b3c', '1.2.4', '1.2.4'],
  ])('accepts an explicit version and returns its normal form: %s → %j → %s', (current, request, expected) => {
    expect(resolveRequestedVersion(current, request)).toBe(expected);
  });

  it('says an invalid request is not PEP 440 and gives examples from the current version', () => {
    expect(() => resolveRequestedVersion('1.2.3', '1.2.x')).toThrow(
      expect.objectContaining({
        code: 'version.invalid',
        message: 'Version "1.2.x" is not a PEP 440 version; write it like 1.2.4 or 1.2.4rc1.',
        hint: 'Spellings such as v1.2.3 or 1.2.3-rc.1 are accepted and normalized; the rules are at https://packaging.python.org/en/latest/specifications/version-specifiers/',
      }),
    );
  });

  it('bases the examples on a pre-release current version too', () => {
    expect(() => resolveRequestedVersion('2.0.0rc1', '2.0.0-SNAPSHOT')).toThrow(
      expect.objectContaining({
        message: 'Version "2.0.0-SNAPSHOT" is not a PEP 440 version; write it like 2.0.0 or 2.0.0rc2.',
      }),
    );
  });

  it("refuses a local version with PyPI's own wording, in normal form", () => {
    expect(() => resolveRequestedVersion('1.2.3', '1.2.4+Ubuntu-1')).toThrow(
      expect.objectContaining({
        code: 'version.local',
        message:
          '1.2.4+ubuntu.1 is a local version, and PyPI refuses them: "The use of local versions in \'1.2.4+ubuntu.1\' is not allowed."',
        hint: 'Release the public part, 1.2.4, instead (drop everything from "+").',
      }),
    );
  });

  it('refuses a lower version', () => {
    expect(() => resolveRequestedVersion('1.2.3', '1.2.3rc1')).toThrow(
      expect.objectContaining({
        code: 'version.not-greater',
        message: '1.2.3rc1 is not greater than the current version 1.2.3; a new release needs a higher version.',
        hint: 'Pick a version above 1.2.3, such as patch (1.2.4), minor (1.3.0) or major (2.0.0).',
      }),
    );
  });

  it('refuses an equal version and shows the normal form of an unusual spelling', () => {
    expect(() => resolveRequestedVersion('1.2.3', 'v1.2.3.0')).toThrow(
      expect.objectContaining({
        code: 'version.not-greater',
        message:
          'v1.2.3.0 (normal form 1.2.3.0) is the same version as the current 1.2.3 under PEP 440 ordering (trailing zeros and spelling do not count); a new release needs a higher version.',
      }),
    );
  });

  it('shows the normal form in a lower-version message', () => {
    expect(() => resolveRequestedVersion('1.2.3', '1.2.3-RC.1')).toThrow(
      expect.objectContaining({
        message:
          '1.2.3-RC.1 (normal form 1.2.3rc1) is not greater than the current version 1.2.3; a new release needs a higher version.',
      }),
    );
  });

  it('refuses an unparseable current version before looking at the request', () => {
    expect(() => resolveRequestedVersion('unknown', '1.0.0')).toThrow(
      expect.objectContaining({
        code: 'version.invalid',
        message: 'Current version "unknown" is not a PEP 440 version; write it like 1.2.4 or 1.3.0rc1.',
      }),
    );
  });

  it('throws PyreleaseError of kind failed (exit 1)', () => {
    let caught: unknown;
    try {
      resolveRequestedVersion('1.2.3', '1.0');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PyreleaseError);
    expect((caught as PyreleaseError).kind).toBe('failed');
  });
});
