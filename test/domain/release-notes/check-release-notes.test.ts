import { describe, expect, it } from 'vitest';
import { checkReleaseNotes, isSectionEmpty, sectionIdOf, sectionsOf } from '../../../src/domain/release-notes';

const PATHS = ['trainer/loop.py', 'xai/shap.py'];
const PERFORMANCE = { performanceRequired: true, performancePaths: PATHS, migrationRequired: false };
const MIGRATION = { performanceRequired: false, migrationRequired: true };

describe('checkReleaseNotes', () => {
  it('names the changed paths when the Performance impact section is empty', () => {
    expect(checkReleaseNotes('## Features\n\n- x\n\n## Performance impact\n\n- None.\n', PERFORMANCE)).toEqual([
      'The "Performance impact" section is empty, but files under the configured performance paths changed: trainer/loop.py, xai/shap.py. Describe the performance impact (speed, memory, benchmarks), or say why there is none.',
    ]);
  });

  it('says how to add a missing Performance impact section', () => {
    expect(checkReleaseNotes('## Features\n\n- x\n', PERFORMANCE)).toEqual([
      'The "Performance impact" section is missing, but files under the configured performance paths changed: trainer/loop.py, xai/shap.py. Add a "## Performance impact" section: describe the performance impact (speed, memory, benchmarks), or say why there is none.',
    ]);
  });

  it('lists at most five paths, and none when not given', () => {
    const many = { ...PERFORMANCE, performancePaths: ['a', 'b', 'c', 'd', 'e', 'f'] };
    expect(checkReleaseNotes('', many)[0]).toContain('changed: a, b, c, d, e and 1 more. Add');
    expect(checkReleaseNotes('', { performanceRequired: true, migrationRequired: false })[0]).toContain(
      'performance paths changed. Add',
    );
  });

  it('asks for migration notes on a breaking bump, missing or empty', () => {
    expect(checkReleaseNotes('## Features\n- x\n', MIGRATION)).toEqual([
      'The "Migration notes" section is missing, but this release is a breaking bump (a major bump, or a minor bump on a 0.x line). Add a "## Migration notes" section: tell users what to change when they upgrade.',
    ]);
    expect(checkReleaseNotes('## Migration notes\n\n<!-- write here -->\n', MIGRATION)).toEqual([
      'The "Migration notes" section is empty, but this release is a breaking bump (a major bump, or a minor bump on a 0.x line). Tell users what to change when they upgrade.',
    ]);
  });

  it('reports both problems, performance first', () => {
    expect(
      checkReleaseNotes('', { ...PERFORMANCE, migrationRequired: true }).map((problem) => problem.slice(0, 40)),
    ).toEqual(['The "Performance impact" section is miss', 'The "Migration notes" section is missing']);
  });

  it.each([
    ['filled sections', '## Performance impact\n\n- 5% faster loop\n\n## Migration notes\n\nRename `fit` to `run`.\n'],
    ['renamed headings', '## ⚡ Performance\n\nNo measurable change.\n\n## Migration guide\n\nRename it.\n'],
    [
      'a duplicate heading of which one is filled',
      '## Performance impact\n\n- None.\n\n## Migration notes\n\nx\n\n## Performance impact\n\nFaster.\n',
    ],
  ])('accepts %s', (_name, markdown) => {
    expect(checkReleaseNotes(markdown, { ...PERFORMANCE, migrationRequired: true })).toEqual([]);
  });

  it('asks nothing when nothing is required', () => {
    expect(checkReleaseNotes('', { performanceRequired: false, migrationRequired: false })).toEqual([]);
  });
});

describe('sectionsOf', () => {
  it('splits on ## headings, keeps ### inside, ends a section at #, and skips fenced code', () => {
    const markdown = [
      'preamble',
      '## Features',
      '- a',
      '### Details',
      '```',
      '## not a heading',
      '```',
      '## Fixes ##',
      '# Title',
      'orphan',
      '## Own heading',
    ].join('\n');
    expect(sectionsOf(markdown)).toEqual([
      { heading: 'Features', id: 'features', body: '- a\n### Details\n```\n## not a heading\n```', line: 2 },
      { heading: 'Fixes', id: 'fixes', body: '', line: 8 },
      { heading: 'Own heading', id: undefined, body: '', line: 11 },
    ]);
  });
});

describe('isSectionEmpty', () => {
  it.each([
    ['', true],
    ['  \n\n', true],
    ['- None.', true],
    ['* none', true],
    ['None', true],
    ['<!-- placeholder\nover lines -->\n- None.', true],
    ['<!-- unclosed', true],
    ['- 5% faster', false],
    ['<!-- c --> Faster.', false],
    ['None of the APIs changed.', false],
  ])('%j → %s', (body, empty) => {
    expect(isSectionEmpty(body)).toBe(empty);
  });
});

describe('sectionIdOf', () => {
  it.each([
    ['Features', 'features'],
    ['New features', 'features'],
    ['Enhancements', 'features'],
    ['Fixes', 'fixes'],
    ['🐛 Bug fixes', 'fixes'],
    ['Performance impact', 'performance'],
    ['Perf impact', 'performance'],
    ['Compatibility', 'compatibility'],
    ['Breaking changes', 'compatibility'],
    ['Migration notes', 'migration'],
    ['Upgrading', 'migration'],
    ['Other changes', 'other'],
    ['Thanks', undefined],
  ])('%j → %s', (heading, id) => {
    expect(sectionIdOf(heading)).toBe(id);
  });
});
