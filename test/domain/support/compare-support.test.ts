import { describe, expect, it } from 'vitest';
import { readPyproject } from '../../../src/domain/pyproject';
import { compareSupport, matrixNeedsReview, parseRequirement, type SupportChange } from '../../../src/domain/support';

type Support = Parameters<typeof compareSupport>[1];

function support(partial: Partial<Support>): Support {
  return { requiresPython: '>=3.9', dependencies: [], classifiers: [], ...partial };
}

describe('compareSupport', () => {
  it('finds nothing without a previous pyproject.toml (no tag yet)', () => {
    expect(compareSupport(undefined, support({}))).toEqual([]);
  });

  it.each<[string, string | undefined, string | undefined, SupportChange[]]>([
    [
      'a changed value',
      '>=3.8',
      '>=3.9',
      [
        {
          kind: 'requires-python',
          description: 'requires-python changed from ">=3.8" to ">=3.9"',
          before: '>=3.8',
          after: '>=3.9',
        },
      ],
    ],
    [
      'a value set for the first time',
      undefined,
      '>=3.9',
      [{ kind: 'requires-python', description: 'requires-python is now ">=3.9" (it was not set)', after: '>=3.9' }],
    ],
    [
      'a removed value',
      '>=3.9',
      undefined,
      [{ kind: 'requires-python', description: 'requires-python was removed (it was ">=3.9")', before: '>=3.9' }],
    ],
    ['whitespace and clause order only', '>= 3.9 , <4', '<4,>=3.9', []],
    ['version spelling only', '>=3.9.0rc1', '>= 3.9.0-RC1', []],
    ['nothing on either side', undefined, undefined, []],
  ])('requires-python: %s', (_name, before, after, expected) => {
    expect(compareSupport(support({ requiresPython: before }), support({ requiresPython: after }))).toEqual(expected);
  });

  it('reports dependencies added, removed and with changed bounds, by name, sorted', () => {
    const before = support({ dependencies: ['numpy>=1.24', 'Requests >= 2.0', 'attrs', 'click (>=8.0)'] });
    const after = support({ dependencies: ['requests>=2.0', 'numpy>=1.26', 'rich', 'click>=8.0'] });
    expect(compareSupport(before, after)).toEqual([
      { kind: 'dependency', description: 'Dependency removed: attrs', before: 'attrs' },
      {
        kind: 'dependency',
        description: 'Dependency numpy changed: numpy>=1.24 → numpy>=1.26',
        before: 'numpy>=1.24',
        after: 'numpy>=1.26',
      },
      { kind: 'dependency', description: 'New dependency: rich', after: 'rich' },
    ]);
  });

  it('keeps every entry of a dependency listed under several markers', () => {
    const before = support({ dependencies: ['tomli>=1; python_version < "3.11"'] });
    const after = support({
      dependencies: ['tomli>=2; python_version<"3.11"', 'tomli>=2.1; python_version >= "3.13"'],
    });
    expect(compareSupport(before, after)).toEqual([
      {
        kind: 'dependency',
        description:
          'Dependency tomli changed: tomli>=1; python_version < "3.11" → tomli>=2; python_version<"3.11" | tomli>=2.1; python_version >= "3.13"',
        before: 'tomli>=1; python_version < "3.11"',
        after: 'tomli>=2; python_version<"3.11" | tomli>=2.1; python_version >= "3.13"',
      },
    ]);
  });

  it('reports Python X.Y classifiers added and removed, in version order, and ignores other classifiers', () => {
    const before = support({
      classifiers: [
        'Programming Language :: Python :: 3.8',
        'Programming Language :: Python :: 3.9',
        'Programming Language :: Python :: 3',
        'Development Status :: 4 - Beta',
      ],
    });
    const after = support({
      classifiers: [
        'Programming Language :: Python :: 3.9',
        'Programming Language :: Python :: 3.10',
        'Development Status :: 5 - Production/Stable',
      ],
    });
    expect(compareSupport(before, after)).toEqual([
      {
        kind: 'classifier',
        description: 'The Python 3.8 classifier was removed',
        before: 'Programming Language :: Python :: 3.8',
      },
      {
        kind: 'classifier',
        description: 'The Python 3.10 classifier was added',
        after: 'Programming Language :: Python :: 3.10',
      },
    ]);
  });

  it('works on parsed pyproject.toml files, Poetry 1 included', () => {
    const before = readPyproject(
      '[tool.poetry]\nname = "acme"\n[tool.poetry.dependencies]\npython = "^3.8"\nnumpy = "^1.24"\n',
    );
    const after = readPyproject(
      '[tool.poetry]\nname = "acme"\n[tool.poetry.dependencies]\npython = "^3.9"\nnumpy = "^1.24"\n',
    );
    expect(compareSupport(before, after).map((change) => change.description)).toEqual([
      'requires-python changed from "^3.8" to "^3.9"',
    ]);
  });
});

describe('parseRequirement', () => {
  it.each([
    ['numpy>=1.24', 'numpy', 'numpy>=1.24'],
    ['  NumPy >= 1.24 , < 2 ', 'numpy', 'numpy<2,>=1.24'],
    ['typing_extensions', 'typing-extensions', 'typing-extensions'],
    ['requests[socks,Security]>=2', 'requests', 'requests[security,socks]>=2'],
    ['click (>=8.0)', 'click', 'click>=8.0'],
    ['pkg @ https://example.com/pkg.zip', 'pkg', 'pkg @ https://example.com/pkg.zip'],
    ['tomli; python_version < "3.11"', 'tomli', "tomli; python_version<'3.11'"],
    ['torch==2.*', 'torch', 'torch==2.*'],
    ['~not a requirement', '~not a requirement', '~notarequirement'],
  ])('%j → key %j, normal %j', (text, key, normalized) => {
    expect(parseRequirement(text)).toEqual({ key, normalized });
  });
});

describe('matrixNeedsReview', () => {
  const change: SupportChange = { kind: 'classifier', description: 'x', after: 'y' };
  it.each([
    [[change], false, true],
    [[change], true, false],
    [[], false, false],
    [[], true, false],
  ])('changes %j, matrix changed %s → %s', (changes, matrixChanged, expected) => {
    expect(matrixNeedsReview(changes, matrixChanged)).toBe(expected);
  });
});
