import { describe, expect, it } from 'vitest';
import { takenVersions, versionChoices, type VersionChoice } from '../../../src/domain/version-choice';

/** `kind version bumpClass [migration] [refused: …]`, one line per choice, to compare tables at a glance. */
function rows(choices: readonly VersionChoice[]): string[] {
  return choices.map((c) =>
    [
      c.kind,
      c.version,
      c.bumpClass,
      c.migrationNotesRequired ? 'migration' : '',
      c.refusedBecause ? `refused: ${c.refusedBecause}` : '',
    ]
      .filter((part) => part !== '')
      .join(' '),
  );
}

describe('versionChoices', () => {
  it('offers patch, minor, major and the first candidate of the next patch after a final', () => {
    expect(
      rows(versionChoices({ current: '1.2.3', taken: takenVersions({ tags: ['1.2.3'], pypi: ['1.2.3'] }) })),
    ).toEqual(['patch 1.2.4 patch', 'minor 1.3.0 minor', 'major 2.0.0 major migration', 'rc 1.2.4rc1 patch']);
  });

  it('marks a minor step on 0.x as needing migration notes', () => {
    expect(rows(versionChoices({ current: '0.4.2', taken: [] }))[1]).toBe('minor 0.5.0 minor migration');
  });

  it('offers the next rc when the current version is an rc, skipping candidates already on TestPyPI', () => {
    const choices = versionChoices({
      current: '1.3.0rc1',
      taken: takenVersions({ tags: ['1.2.3'], testPypi: ['1.3.0rc1', 'v1.3.0rc2'] }),
    });
    expect(rows(choices)).toEqual([
      'patch 1.3.0 minor',
      'minor 1.3.0 minor',
      'major 2.0.0 major migration',
      'rc 1.3.0rc3 prerelease',
    ]);
  });

  it('explains a refused choice: taken, or too small after a support change', () => {
    const taken = takenVersions({ tags: ['1.2.3'], pypi: ['1.2.3', '1.2.4'] });
    const choices = versionChoices({
      current: '1.2.3',
      taken,
      minimumBump: 'minor',
      minimumBumpReason: 'the Python 3.8 classifier was removed since the last tag',
    });
    expect(rows(choices)).toEqual([
      'patch 1.2.4 patch refused: 1.2.4 is already on PyPI; PyPI never allows a version to be used twice, even after it was yanked or deleted.',
      'minor 1.3.0 minor',
      'major 2.0.0 major migration',
      'rc 1.2.4rc1 patch refused: 1.2.4rc1 is not greater than 1.2.4, the highest version already on PyPI; a release must be above every tagged or published version.',
    ]);
    const patchOnly = versionChoices({
      current: '1.2.3',
      taken: takenVersions({ tags: ['1.2.3'] }),
      minimumBump: 'minor',
    });
    expect(patchOnly[0]?.refusedBecause).toBe(
      '1.2.4 is only a patch step from 1.2.3, but the supported Python versions changed since the last tag, so this release needs at least a minor bump.',
    );
  });

  it('offers versions for a first release with nothing taken', () => {
    expect(rows(versionChoices({ current: '0.1.0', taken: [] }))).toEqual([
      'patch 0.1.1 patch',
      'minor 0.2.0 minor migration',
      'major 1.0.0 major migration',
      'rc 0.1.1rc1 patch',
    ]);
  });

  it('refuses with version.invalid when the current version is not PEP 440', () => {
    expect(() => versionChoices({ current: 'banana', taken: [] })).toThrow(
      expect.objectContaining({ code: 'version.invalid' }),
    );
  });
});
