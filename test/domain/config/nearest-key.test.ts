import { describe, expect, it } from 'vitest';
import { editDistance, nearestKey } from '../../../src/domain/config/nearest-key';

describe('editDistance', () => {
  it.each([
    ['', 'abc', 3],
    ['branch', 'branch', 0],
    ['brnach', 'branch', 1],
    ['tag-fromat', 'tag-format', 1],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('nearestKey', () => {
  const known = ['branch', 'tag-format', 'ci-timeout', 'index-timeout', 'sign-tags'];
  it.each([
    ['brnach', 'branch'],
    ['TAG_FORMAT', 'tag-format'],
    ['signtags', 'sign-tags'],
    ['ci_timeout', 'ci-timeout'],
    ['index', 'index-timeout'],
    ['zebra', undefined],
    ['x', undefined],
  ])('%s → %s', (unknown, expected) => {
    expect(nearestKey(unknown, known)).toBe(expected);
  });
});
