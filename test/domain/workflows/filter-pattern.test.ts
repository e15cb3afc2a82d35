import { describe, expect, it } from 'vitest';
import {
  filterPatternToRegExp,
  matchesFilters,
  parseTriggers,
  startsOnTag,
  tagPatternFor,
} from '../../../src/domain/workflows';

describe('filterPatternToRegExp', () => {
  it.each<[string, string, boolean]>([
    ['v*', 'v1.2.3', true],
    ['v*', 'release/v1', false],
    ['**', 'release/v1', true],
    ['v[0-9]*', 'v1.0', true],
    ['v[0-9]*', 'very', false],
    ['v1.?', 'v1', true],
    ['v1.?', 'v1.', true],
    ['v1+', 'v111', true],
    ['v1.0.0', 'v1x0x0', false],
    ['v\\*', 'v*', true],
    ['v\\*', 'v1', false],
  ])('%s against %s → %s', (pattern, name, matches) => {
    expect(filterPatternToRegExp(pattern).test(name)).toBe(matches);
  });
});

describe('matchesFilters', () => {
  it.each<[string[] | undefined, string[] | undefined, string, boolean]>([
    [['v*'], undefined, 'v1.0.0', true],
    [['v*', '!v*rc*'], undefined, 'v1.0.0rc1', false],
    [['v*', '!v*rc*', 'v1.0.0rc1'], undefined, 'v1.0.0rc1', true],
    [undefined, ['*rc*'], 'v1.0.0rc1', false],
    [undefined, ['*rc*'], 'v1.0.0', true],
  ])('include %j, ignore %j, %s → %s', (include, ignore, name, matches) => {
    expect(matchesFilters(name, include, ignore)).toBe(matches);
  });
});

describe('tagPatternFor', () => {
  it.each([
    ['v{version}', 'v*'],
    ['{version}', '[0-9]*'],
    ['acme-{version}', 'acme-*'],
    ['{version}-final', '[0-9]*-final'],
    ['release/{version}', 'release/*'],
  ])('%s → %s', (format, pattern) => {
    expect(tagPatternFor(format)).toBe(pattern);
  });
});

describe('startsOnTag', () => {
  it('follows the push filters', () => {
    const triggers = parseTriggers({ push: { tags: ['v*'] }, workflow_dispatch: null });
    expect([
      startsOnTag(triggers, 'v1.0.0'),
      startsOnTag(triggers, '1.0.0'),
      startsOnTag(parseTriggers('workflow_dispatch'), 'v1.0.0'),
    ]).toEqual([true, false, false]);
  });
});
