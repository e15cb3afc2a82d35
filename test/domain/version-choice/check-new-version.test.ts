import { describe, expect, it } from 'vitest';
import {
  checkNewVersion,
  takenVersions,
  type NewVersionRules,
  type TakenVersion,
} from '../../../src/domain/version-choice';

const TAKEN: TakenVersion[] = takenVersions({
  tags: ['1.2.0', '1.2.3'],
  pypi: ['1.2.0', '1.2.3'],
  testPypi: ['1.2.4rc1'],
});
const RULES: NewVersionRules = { current: '1.2.3', taken: TAKEN };
const SPEC = 'https://packaging.python.org/en/latest/specifications/version-specifiers/';

describe('checkNewVersion', () => {
  it.each([
    ['1.2.4', { version: '1.2.4' }],
    ['1.3.0rc1', { version: '1.3.0rc1' }],
    [' 1.2.5 ', { version: '1.2.5' }],
    ['v1.2.5', { version: '1.2.5', normalizedFrom: 'v1.2.5' }],
    ['1.3.0-RC.1', { version: '1.3.0rc1', normalizedFrom: '1.3.0-RC.1' }],
    ['1.2.4rc2', { version: '1.2.4rc2' }],
  ])('accepts %j', (text, expected) => {
    expect(checkNewVersion(text, RULES)).toEqual(expected);
  });

  it('refuses text that is not PEP 440, with examples from the current version', () => {
    expect(() => checkNewVersion('1.2.x', RULES)).toThrow(
      expect.objectContaining({
        code: 'version.invalid',
        message: '"1.2.x" is not a PEP 440 version; write it like 1.2.4 or 1.2.4rc1.',
        hint: `Spellings such as v1.2.4 or 1.2.4-rc.1 are accepted and normalized; the rules are at ${SPEC}`,
      }),
    );
  });

  it('refuses a local version, quoting PyPI', () => {
    expect(() => checkNewVersion('1.2.4+cpu', RULES)).toThrow(
      expect.objectContaining({
        code: 'version.local',
        message: `1.2.4+cpu is a local version, and PyPI refuses them: "The use of local versions in '1.2.4+cpu' is not allowed."`,
        hint: 'Release the public part, 1.2.4, instead (drop everything from "+").',
      }),
    );
  });

  it('refuses a version already taken, saying where, even under another spelling', () => {
    expect(() => checkNewVersion('1.2.3', RULES)).toThrow(
      expect.objectContaining({
        code: 'version.not-greater',
        message:
          '1.2.3 is already tagged; PyPI never allows a version to be used twice, even after it was yanked or deleted.',
        hint: 'Pick a higher version, such as 1.2.4, 1.2.4rc2 or 1.3.0.',
      }),
    );
    expect(() => checkNewVersion('v1.2.4rc1', RULES)).toThrow(
      expect.objectContaining({
        message:
          'v1.2.4rc1 (normal form 1.2.4rc1) is already on TestPyPI; PyPI never allows a version to be used twice, even after it was yanked or deleted.',
      }),
    );
    const yanked = { current: '1.0', taken: [{ version: '1.0.1.0', source: 'PyPI' as const, yanked: true }] };
    expect(() => checkNewVersion('1.0.1', yanked)).toThrow(
      expect.objectContaining({
        message:
          '1.0.1 is already on PyPI (yanked) as 1.0.1.0; PyPI never allows a version to be used twice, even after it was yanked or deleted.',
      }),
    );
  });

  it('refuses a version below the highest taken one, naming it and its source', () => {
    expect(() => checkNewVersion('1.2.3.post1', RULES)).toThrow(
      expect.objectContaining({
        code: 'version.not-greater',
        message:
          '1.2.3.post1 is not greater than 1.2.4rc1, the highest version already on TestPyPI; a release must be above every tagged or published version.',
        hint: 'Pick a version above 1.2.4rc1, such as 1.2.4, 1.2.4rc2 or 1.3.0.',
      }),
    );
  });

  it('refuses a version below the current one, but allows the current one when nothing took it', () => {
    const rules = { current: '1.3.0', taken: TAKEN };
    expect(() => checkNewVersion('1.2.5', rules)).toThrow(
      expect.objectContaining({
        code: 'version.not-greater',
        message: "1.2.5 is below the project's current version 1.3.0; releases do not go backwards.",
        hint: 'Pick 1.3.0 itself or a higher version, such as 1.3.1, 1.3.1rc1 or 1.4.0.',
      }),
    );
    expect(checkNewVersion('1.3.0', rules)).toEqual({ version: '1.3.0' });
  });

  it('refuses a patch step when support changed, saying why', () => {
    const rules: NewVersionRules = {
      ...RULES,
      minimumBump: 'minor',
      minimumBumpReason: 'requires-python changed since the last tag (">=3.8" → ">=3.9")',
    };
    expect(() => checkNewVersion('1.2.5', rules)).toThrow(
      expect.objectContaining({
        code: 'version.bump-too-small',
        message:
          '1.2.5 is only a patch step from 1.2.3, but requires-python changed since the last tag (">=3.8" → ">=3.9"), so this release needs at least a minor bump.',
        hint: 'Choose 1.3.0 (minor) or 2.0.0 (major) instead.',
      }),
    );
    expect(() => checkNewVersion('1.2.5', { ...RULES, minimumBump: 'minor' })).toThrow(
      expect.objectContaining({
        message:
          '1.2.5 is only a patch step from 1.2.3, but the supported Python versions changed since the last tag, so this release needs at least a minor bump.',
      }),
    );
  });

  it.each(['1.3.0', '1.3.0rc1', '2.0.0'])('accepts a minor or bigger step (%s) when support changed', (text) => {
    expect(checkNewVersion(text, { ...RULES, minimumBump: 'minor' }).version).toBe(text);
  });

  it('measures the step from the last final release, not from a dev current version', () => {
    const rules: NewVersionRules = {
      current: '1.3.0.dev0',
      taken: takenVersions({ tags: ['1.2.3'] }),
      minimumBump: 'minor',
    };
    expect(checkNewVersion('1.3.0', rules)).toEqual({ version: '1.3.0' });
  });

  it('has no minimum step before the first release', () => {
    expect(checkNewVersion('0.1.1', { current: '0.1.0', taken: [], minimumBump: 'minor' })).toEqual({
      version: '0.1.1',
    });
  });

  it('ignores taken entries that are not versions', () => {
    expect(checkNewVersion('1.0.1', { current: '1.0.0', taken: [{ version: 'docs-2024', source: 'tag' }] })).toEqual({
      version: '1.0.1',
    });
  });
});

describe('takenVersions', () => {
  it('labels each origin', () => {
    expect(takenVersions({ tags: ['1.0'], pypi: ['1.0'], testPypi: ['1.1rc1'] })).toEqual([
      { version: '1.0', source: 'tag' },
      { version: '1.0', source: 'PyPI' },
      { version: '1.1rc1', source: 'TestPyPI' },
    ]);
    expect(takenVersions({})).toEqual([]);
  });
});
