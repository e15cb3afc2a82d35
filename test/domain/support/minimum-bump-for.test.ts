import { describe, expect, it } from 'vitest';
import {
  floorsDiffer,
  minimumBumpFor,
  minimumBumpReason,
  pythonFloor,
  type PythonFloor,
  type SupportChange,
} from '../../../src/domain/support';

function requiresPython(before: string | undefined, after: string | undefined): SupportChange {
  return {
    kind: 'requires-python',
    description: 'x',
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

describe('pythonFloor', () => {
  it.each<[string | undefined, PythonFloor]>([
    ['>=3.9', { kind: 'bound', version: '3.9', inclusive: true }],
    ['>=3.9,<4', { kind: 'bound', version: '3.9', inclusive: true }],
    ['~=3.10', { kind: 'bound', version: '3.10', inclusive: true }],
    ['>3.8', { kind: 'bound', version: '3.8', inclusive: false }],
    ['==3.10.*', { kind: 'bound', version: '3.10', inclusive: true }],
    ['>=3.8, >=3.9, !=3.9.1', { kind: 'bound', version: '3.9', inclusive: true }],
    ['>=3.8, >3.8', { kind: 'bound', version: '3.8', inclusive: false }],
    ['^3.9', { kind: 'bound', version: '3.9', inclusive: true }],
    ['>=3.8,<3.9 || >=3.10', { kind: 'bound', version: '3.8', inclusive: true }],
    ['<4', { kind: 'none' }],
    ['*', { kind: 'none' }],
    ['   ', { kind: 'none' }],
    [undefined, { kind: 'none' }],
    ['>=3.8 || <3', { kind: 'none' }],
    ['>=three', { kind: 'unknown' }],
  ])('%j → %j', (spec, floor) => {
    expect(pythonFloor(spec)).toEqual(floor);
  });
});

describe('floorsDiffer', () => {
  it.each<[string | undefined, string | undefined, boolean]>([
    ['>=3.8', '>=3.9', true],
    ['>=3.9', '>=3.8', true],
    ['>=3.9', '>=3.9,<4', false],
    ['>=3.9', '>=3.9.0', false],
    ['~=3.10', '>=3.10', false],
    ['>3.8', '>=3.8', true],
    [undefined, '>=3.9', true],
    ['>=3.9', undefined, true],
    ['<4', undefined, false],
    ['>=three', '>=three ', true],
  ])('%j vs %j → %s', (before, after, differ) => {
    expect(floorsDiffer(before, after)).toBe(differ);
  });
});

describe('minimumBumpFor and minimumBumpReason', () => {
  it.each<[string, SupportChange[], 'minor' | undefined, string | undefined]>([
    [
      'a raised floor',
      [requiresPython('>=3.8', '>=3.9')],
      'minor',
      'requires-python changed since the last tag (">=3.8" → ">=3.9")',
    ],
    [
      'a lowered floor',
      [requiresPython('>=3.9', '>=3.8')],
      'minor',
      'requires-python changed since the last tag (">=3.9" → ">=3.8")',
    ],
    [
      'a floor set for the first time',
      [requiresPython(undefined, '>=3.9')],
      'minor',
      'requires-python changed since the last tag ("not set" → ">=3.9")',
    ],
    ['only an upper bound added', [requiresPython('>=3.9', '>=3.9,<4')], undefined, undefined],
    [
      'a dropped classifier',
      [
        {
          kind: 'classifier',
          description: 'The Python 3.8 classifier was removed',
          before: 'Programming Language :: Python :: 3.8',
        },
      ],
      'minor',
      'the Python 3.8 classifier was removed since the last tag',
    ],
    [
      'an added classifier',
      [
        {
          kind: 'classifier',
          description: 'The Python 3.13 classifier was added',
          after: 'Programming Language :: Python :: 3.13',
        },
      ],
      undefined,
      undefined,
    ],
    [
      'a dependency change',
      [{ kind: 'dependency', description: 'New dependency: rich', after: 'rich' }],
      undefined,
      undefined,
    ],
    ['nothing', [], undefined, undefined],
  ])('%s', (_name, changes, bump, reason) => {
    expect(minimumBumpFor(changes)).toBe(bump);
    expect(minimumBumpReason(changes)).toBe(reason);
  });
});
