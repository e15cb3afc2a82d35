import { describe, expect, it } from 'vitest';
import { BUMP_KINDS, bumpVersion, compareVersions, isBumpKind, type BumpKind } from '../../../src/domain/version';

type Row = readonly [current: string, kind: BumpKind, expected: string];

const FROM_FINAL: Row[] = [
  ['1.2.3', 'patch', '1.2.4'],
  ['1.2.3', 'minor', '1.3.0'],
  ['1.2.3', 'major', '2.0.0'],
  ['1.2.3', 'rc', '1.2.4rc1'],
  ['1.2.3', 'dev', '1.2.4.dev0'],
  ['0.9.9', 'minor', '0.10.0'],
  ['0.9.9', 'major', '1.0.0'],
];

const FROM_RC: Row[] = [
  ['1.2.3rc1', 'rc', '1.2.3rc2'],
  ['1.2.3rc9', 'rc', '1.2.3rc10'],
  ['1.2.3rc1', 'final', '1.2.3'],
  // A pre-release at the bumped level is finished, because PEP 440 puts X.Y.ZrcN below X.Y.Z.
  ['2.0.0rc2', 'major', '2.0.0'],
  ['1.3.0rc1', 'minor', '1.3.0'],
  ['1.2.3rc1', 'patch', '1.2.3'],
  ['1.2.3rc1', 'minor', '1.3.0'],
  ['1.2.3rc1', 'major', '2.0.0'],
  ['1.3.0rc1', 'major', '2.0.0'],
  ['1.3.0rc1', 'patch', '1.3.0'],
  ['2.0.0rc1', 'minor', '2.0.0'],
  ['1.2.3rc1', 'dev', '1.2.3rc2.dev0'],
];

const FROM_ALPHA_BETA_DEV: Row[] = [
  ['2.0.0a1', 'major', '2.0.0'],
  ['2.0.0b3', 'patch', '2.0.0'],
  ['1.3.0b1', 'minor', '1.3.0'],
  ['1.2.3a1', 'minor', '1.3.0'],
  ['1.2.3a1', 'rc', '1.2.3rc1'],
  ['1.2.3b2', 'rc', '1.2.3rc1'],
  ['1.2.3b2', 'final', '1.2.3'],
  ['1.2.3a1', 'dev', '1.2.3a2.dev0'],
  ['1.2.3.dev0', 'patch', '1.2.3'],
  ['1.3.0.dev4', 'minor', '1.3.0'],
  ['2.0.0.dev0', 'major', '2.0.0'],
  ['1.2.3.dev0', 'minor', '1.3.0'],
  ['1.2.3.dev0', 'rc', '1.2.3rc1'],
  ['1.2.3.dev0', 'final', '1.2.3'],
  ['1.2.3.dev0', 'dev', '1.2.3.dev1'],
  ['1.2.3rc1.dev2', 'rc', '1.2.3rc1'],
  ['1.2.3rc1.dev2', 'dev', '1.2.3rc1.dev3'],
  ['1.2.3rc1.dev2', 'final', '1.2.3'],
];

// A post-release (and a dev of one) is already past its final, so bumps start the next line.
const FROM_POST: Row[] = [
  ['1.2.3.post1', 'patch', '1.2.4'],
  ['1.2.0.post1', 'minor', '1.3.0'],
  ['1.2.3.post1', 'rc', '1.2.4rc1'],
  ['1.2.3.post1', 'dev', '1.2.4.dev0'],
  ['1.2.3.post1.dev0', 'patch', '1.2.4'],
  ['1.2.3.post1.dev0', 'final', '1.2.3.post1'],
  ['1.2.3.post1.dev0', 'rc', '1.2.4rc1'],
  ['1.2.3.post1.dev0', 'dev', '1.2.3.post1.dev1'],
  ['1.2.3rc1.post1', 'rc', '1.2.3rc2'],
  ['1.2.3rc1.post1', 'final', '1.2.3'],
];

// New lines get three parts; moves along the current line keep the release as written.
const ODD_RELEASES: Row[] = [
  ['1.0', 'patch', '1.0.1'],
  ['1.0', 'minor', '1.1.0'],
  ['1', 'major', '2.0.0'],
  ['1', 'patch', '1.0.1'],
  ['1.0', 'rc', '1.0.1rc1'],
  ['1.0', 'dev', '1.0.1.dev0'],
  ['1.2.3.4', 'patch', '1.2.4'],
  ['1.2.3.4', 'minor', '1.3.0'],
  ['1.2.3.4', 'major', '2.0.0'],
  ['1.2.3.4rc1', 'patch', '1.2.4'],
  ['1.2.3.4rc1', 'final', '1.2.3.4'],
  ['1.2.3.4rc1', 'rc', '1.2.3.4rc2'],
  ['1.0rc1', 'rc', '1.0rc2'],
  ['1.0rc1', 'final', '1.0'],
  ['1.0rc1', 'major', '1.0'],
  ['1.0rc1', 'patch', '1.0'],
  ['2.0.0.0rc1', 'major', '2.0.0.0'],
];

const SPELLINGS_EPOCHS_LOCALS: Row[] = [
  ['v1.2.3-RC.1', 'rc', '1.2.3rc2'],
  ['1.2.3c1', 'final', '1.2.3'],
  ['1!1.2.3', 'major', '1!2.0.0'],
  ['1!1.0.0rc1', 'final', '1!1.0.0'],
  // A local label on the current version (setuptools-scm working copy) is dropped, never carried.
  ['1.2.4.dev3+g1a2b3c', 'final', '1.2.4'],
  ['1.2.4.dev3+g1a2b3c', 'dev', '1.2.4.dev4'],
  ['1.2.3+local', 'patch', '1.2.4'],
];

describe('bumpVersion', () => {
  describe.each([
    ['from a final release', FROM_FINAL],
    ['from a release candidate', FROM_RC],
    ['from alpha, beta and dev releases', FROM_ALPHA_BETA_DEV],
    ['from post-releases', FROM_POST],
    ['with short and long release tuples', ODD_RELEASES],
    ['with odd spellings, epochs and local labels', SPELLINGS_EPOCHS_LOCALS],
  ])('%s', (_title, rows) => {
    it.each(rows)('%s + %s → %s', (current, kind, expected) => {
      expect(bumpVersion(current, kind)).toBe(expected);
      expect(compareVersions(expected, current)).toBe(1);
    });
  });

  it('always lands strictly above the current version, in normal form, without a local part', () => {
    const currents = [
      '0.1',
      '1.0.0',
      '1.0.0a1',
      '1.0.0b2.dev1',
      '1.0.0rc3.post1',
      '1.0.0.post2.dev5',
      '3.4.5.6.dev1',
      '1!0.0.0rc1+x',
    ];
    const kinds = BUMP_KINDS.filter((kind) => kind !== 'final');
    for (const current of currents) {
      for (const kind of kinds) {
        const next = bumpVersion(current, kind);
        expect([current, kind, compareVersions(next, current)]).toEqual([current, kind, 1]);
        expect(next).not.toContain('+');
      }
    }
  });

  it('refuses final on a final release', () => {
    expect(() => bumpVersion('1.2.3', 'final')).toThrow(
      expect.objectContaining({
        code: 'version.final-of-final',
        message: '1.2.3 is already a final release; "final" only finishes a pre-release (a, b, rc or .dev).',
        hint: 'Use patch (1.2.4), minor (1.3.0) or major (2.0.0).',
      }),
    );
  });

  it.each(['1.2.3.post1', '1.2.3+abc', '1.0'])('refuses final on %s, which is already final', (current) => {
    expect(() => bumpVersion(current, 'final')).toThrow(expect.objectContaining({ code: 'version.final-of-final' }));
  });

  it('refuses an unparseable current version', () => {
    expect(() => bumpVersion('1.2.x', 'patch')).toThrow(
      expect.objectContaining({
        code: 'version.invalid',
        message: 'Current version "1.2.x" is not a PEP 440 version; write it like 1.2.4 or 1.3.0rc1.',
      }),
    );
  });

  it('refuses a kind it does not know (untyped callers)', () => {
    expect(() => bumpVersion('1.2.3', 'huge' as BumpKind)).toThrow(
      expect.objectContaining({ code: 'version.bump-kind', kind: 'usage', message: 'Unknown bump kind "huge".' }),
    );
  });

  it('refuses to produce a number it cannot hold exactly', () => {
    expect(() => bumpVersion('9007199254740991', 'major')).toThrow(
      expect.objectContaining({ code: 'version.invalid' }),
    );
  });
});

describe('isBumpKind', () => {
  it.each([
    ['patch', true],
    ['rc', true],
    ['final', true],
    ['Patch', false],
    ['1.2.3', false],
    ['', false],
  ] as const)('%j → %s', (text, expected) => {
    expect(isBumpKind(text)).toBe(expected);
  });
});
