import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from '../../../src/domain/config';
import { describeError, isPyreleaseError } from '../../../src/domain/errors';

function load(text: string) {
  return loadConfig(parse(text), text);
}

function thrownBy(text: string): ConfigError {
  try {
    load(text);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig', () => {
  it('returns the config when the table is sound', () => {
    expect(load('[tool.pyrelease]\nbranch = "trunk"\n')).toEqual({ ...DEFAULT_CONFIG, branch: 'trunk' });
  });

  it('throws the first problem as a PyreleaseError with its location', () => {
    const error = thrownBy('[tool.pyrelease]\nbranch = 5\n');
    expect(isPyreleaseError(error)).toBe(true);
    expect([error.code, error.keyPath, error.kind]).toEqual(['config.wrong-type', 'tool.pyrelease.branch', 'failed']);
    expect(describeError(error)).toBe(
      'pyproject.toml:2: tool.pyrelease.branch must be a string, but it is the integer 5.',
    );
    expect(error.hint).toBe('Write it like `branch = "main"`, or remove the key to use the default ("main").');
    expect(error.problems.map((problem) => problem.keyPath)).toEqual(['tool.pyrelease.branch']);
  });

  it('carries every problem and says how many more there are', () => {
    const error = thrownBy('[tool.pyrelease]\nbranch = 5\nsign-tags = 1\nbrnach = 2\n');
    expect(error.problems.map((problem) => `${problem.code} ${problem.keyPath}`)).toEqual([
      'config.wrong-type tool.pyrelease.branch',
      'config.wrong-type tool.pyrelease.sign-tags',
      'config.unknown-key tool.pyrelease.brnach',
    ]);
    expect(error.hint).toBe(
      'Write it like `branch = "main"`, or remove the key to use the default ("main"). 2 more problems in [tool.pyrelease]: `pyrelease doctor` lists them all.',
    );
  });
});
