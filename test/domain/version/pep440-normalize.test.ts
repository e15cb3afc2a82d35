import { describe, expect, it } from 'vitest';
import {
  canonicalizeVersion,
  isNormalizedVersion,
  isValidVersion,
  normalizeVersion,
  parseVersion,
} from '../../../src/domain/version';

// TECH-FACTS §1.6, from pypa/packaging tests/test_version.py (verified with packaging 24.2).
const PACKAGING_NORMALIZATION: ReadonlyArray<readonly [string, string]> = [
  ['1.0dev', '1.0.dev0'],
  ['1.0-dev1', '1.0.dev1'],
  ['1.0.DEV1', '1.0.dev1'],
  ['1.0a', '1.0a0'],
  ['1.0-alpha1', '1.0a1'],
  ['1.0.ALPHA', '1.0a0'],
  ['1.0-b1', '1.0b1'],
  ['1.0beta', '1.0b0'],
  ['1.0.BETA1', '1.0b1'],
  ['1.0c', '1.0rc0'],
  ['1.0-c1', '1.0rc1'],
  ['1.0.rc1', '1.0rc1'],
  ['1.0-RC1', '1.0rc1'],
  ['1.0post', '1.0.post0'],
  ['1.0-post1', '1.0.post1'],
  ['1.0r', '1.0.post0'],
  ['1.0.rev1', '1.0.post1'],
  ['1.0-5', '1.0.post5'],
  ['1.0-r5', '1.0.post5'],
  ['1.0+AbC', '1.0+abc'],
  ['1.01', '1.1'],
  ['1.0a05', '1.0a5'],
  ['1.0c056', '1.0rc56'],
  ['1.0.post000', '1.0.post0'],
  ['1.1.dev09000', '1.1.dev9000'],
  ['00!1.2', '1.2'],
  ['0100!0.0', '100!0.0'],
  ['v1.0', '1.0'],
  ['   v1.0\t\n', '1.0'],
  ['0!1.0.2', '1.0.2'],
  ['0!1.0.4+8.0', '1.0.4+8.0'],
  ['7!1.0b2.post345.dev456', '7!1.0b2.post345.dev456'],
];

// TECH-FACTS §1.6 "extra checks run locally with packaging", plus the §1.2 rule examples.
const EXTRA_NORMALIZATION: ReadonlyArray<readonly [string, string]> = [
  ['1.0.0-rc.1', '1.0.0rc1'],
  ['V1.2.3', '1.2.3'],
  ['1.0.0-beta.2', '1.0.0b2'],
  ['1.0.0-alpha', '1.0.0a0'],
  ['2.0.0-RC1', '2.0.0rc1'],
  ['1.0.0-preview.3', '1.0.0rc3'],
  ['1.0.0-pre', '1.0.0rc0'],
  ['1.0.0.dev', '1.0.0.dev0'],
  ['01.002.0003', '1.2.3'],
  ['v1.0.0-RC.1', '1.0.0rc1'],
  ['1.1RC1', '1.1rc1'],
  ['1.0+foo0100', '1.0+foo0100'],
  ['1.0+01', '1.0+1'],
  ['1.2a', '1.2a0'],
  ['1.2.post', '1.2.post0'],
  ['1.0.a1', '1.0a1'],
  ['1.2dev', '1.2.dev0'],
  ['1.0+ubuntu-1', '1.0+ubuntu.1'],
  ['1.0-rc-', '1.0rc0'],
  ['1.0+ubuntu_1', '1.0+ubuntu.1'],
  ['0!1.0', '1.0'],
  ['1.0.0', '1.0.0'],
  // packaging types local parts with str.isdigit(): these stay alphanumeric, not hex/exponent numbers.
  ['1.0+0x10', '1.0+0x10'],
  ['1.0+1E3', '1.0+1e3'],
  ['1.0+00000000000000000000000123', '1.0+123'],
];

const PACKAGING_INVALID = [
  'french toast',
  '1.0+a+',
  '1.0++',
  '1.0+_foobar',
  '1.0+foo&asd',
  '1.0+1+1',
  '1. 0',
  '1 .0',
  '1. 0a1',
  '1 .0a1',
  '1.0 a1',
  '1.0a 1',
  '٠١٢.٣٤٥.٦٧٨٩',
  '.',
  '..',
  '1..0',
  '1.0.',
  '.1.0',
  '1..2.3',
  '1.0+\u0130',
  '1.0-',
];
const EXTRA_INVALID = ['1.0.0-SNAPSHOT', '1.0.0-', '1.0_1', '', '   ', 'v', 'vv1.0', '1.0+', 'latest'];

describe('normalizeVersion', () => {
  it.each(PACKAGING_NORMALIZATION)('normalizes %j to %s (packaging vectors)', (input, expected) => {
    expect(normalizeVersion(input)).toBe(expected);
    expect(isValidVersion(input)).toBe(true);
  });

  it.each(EXTRA_NORMALIZATION)('normalizes %j to %s', (input, expected) => {
    expect(normalizeVersion(input)).toBe(expected);
  });

  it.each([...PACKAGING_INVALID, ...EXTRA_INVALID])('rejects %j', (input) => {
    expect(normalizeVersion(input)).toBeUndefined();
    expect(parseVersion(input)).toBeUndefined();
    expect(isValidVersion(input)).toBe(false);
  });

  it('refuses integers it cannot hold exactly instead of rounding them', () => {
    expect(normalizeVersion('9007199254740991')).toBe('9007199254740991');
    expect(normalizeVersion('9007199254740992')).toBeUndefined();
    expect(normalizeVersion('1.0.dev99999999999999999999')).toBeUndefined();
  });

  it('keeps date-stamp releases exact', () => {
    expect(normalizeVersion('2024.01.31')).toBe('2024.1.31');
    expect(normalizeVersion('202401311200')).toBe('202401311200');
  });
});

describe('isNormalizedVersion', () => {
  it.each([
    ['1.0.0rc1', true],
    ['1!2.0.post1.dev3', true],
    ['1.0+abc.1', true],
    ['1.0.0-rc.1', false],
    ['v1.0', false],
    ['1.0.0 ', false],
    ['01.0', false],
    ['0!1.0', false],
    ['nope', false],
  ] as const)('%j → %s', (input, expected) => {
    expect(isNormalizedVersion(input)).toBe(expected);
  });
});

describe('canonicalizeVersion', () => {
  // TECH-FACTS §1.4: what PyPI matches /pypi/<name>/<version>/json against.
  it.each([
    ['1.4.0', '1.4'],
    ['1.0', '1'],
    ['1.0+abc', '1+abc'],
    ['1.0.dev0', '1.dev0'],
    ['1.0a0', '1a0'],
    ['100!0.0', '100!0'],
    ['lolwat', 'lolwat'],
    ['1.0.1-test7', '1.0.1-test7'],
    ['0.0', '0'],
    ['1.0.0.post1', '1.post1'],
    ['1.2.0.3.0', '1.2.0.3'],
    ['v1.0.0-RC.1', '1rc1'],
  ])('%j → %j', (input, expected) => {
    expect(canonicalizeVersion(input)).toBe(expected);
  });

  it('keeps trailing zeros when asked, still normalizing', () => {
    expect(canonicalizeVersion('1.4.0-RC1', { stripTrailingZero: false })).toBe('1.4.0rc1');
  });

  it('accepts a parsed version', () => {
    const parsed = parseVersion('2.10.0');
    expect(parsed).toBeDefined();
    expect(canonicalizeVersion(parsed!)).toBe('2.10');
  });
});
