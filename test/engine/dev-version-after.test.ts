import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/domain/version';
import { devVersionAfter } from '../../src/engine/stages/finalize/dev-version';

describe('devVersionAfter', () => {
  it.each([
    ['1.2.3', '1.2.4.dev0'],
    ['0.1.1', '0.1.2.dev0'],
    ['1.2.0rc1', '1.2.0rc2.dev0'],
    ['2.0.0b1', '2.0.0rc1.dev0'],
  ])('after %s the branch builds %s', (released, dev) => {
    expect(devVersionAfter(released)).toBe(dev);
  });

  it.each(['1.2.3', '1.2.0rc1', '2.0.0b1', '1.0.0a2', '3.1.0.post1'])(
    'after %s comes a version that sorts above it',
    (released) => {
      expect(compareVersions(devVersionAfter(released), released)).toBeGreaterThan(0);
    },
  );
});
