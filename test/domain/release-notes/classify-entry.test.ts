import { describe, expect, it } from 'vitest';
import {
  classifyEntry,
  displayTitle,
  labelOfHeading,
  normalizeLabel,
  type SectionId,
} from '../../../src/domain/release-notes';

describe('classifyEntry', () => {
  it.each<[string[], SectionId]>([
    [['enhancement'], 'features'],
    [['feature'], 'features'],
    [['feat'], 'features'],
    [['bug'], 'fixes'],
    [['fix'], 'fixes'],
    [['bugfix'], 'fixes'],
    [['performance'], 'performance'],
    [['perf'], 'performance'],
    [['speed'], 'performance'],
    [['breaking'], 'compatibility'],
    [['breaking-change'], 'compatibility'],
    [['Breaking change'], 'compatibility'],
    [['compatibility'], 'compatibility'],
    [['deprecation'], 'compatibility'],
    [['removal'], 'compatibility'],
    [['Type: Bug'], 'fixes'],
    [['kind/feature'], 'features'],
    [['documentation'], 'other'],
    [['bug', 'enhancement'], 'features'],
    [['bug', 'performance'], 'performance'],
    [['enhancement', 'breaking-change'], 'compatibility'],
  ])('labels %j → %s', (labels, section) => {
    expect(classifyEntry({ title: 'Something', labels })).toBe(section);
  });

  it.each<[string, SectionId]>([
    ['feat: add --json', 'features'],
    ['feat(cli): add --json', 'features'],
    ['fix: handle empty input', 'fixes'],
    ['fix(trainer): handle empty input', 'fixes'],
    ['perf: cache the index', 'performance'],
    ['feat!: drop the old API', 'compatibility'],
    ['refactor(core)!: rename Trainer', 'compatibility'],
    ['api!: remove v1 routes', 'compatibility'],
    ['Remove v1 routes (BREAKING CHANGE)', 'compatibility'],
    ['docs: explain the matrix', 'other'],
    ['chore: bump deps', 'other'],
    ['ci: cache pip', 'other'],
    ['test: cover the loop', 'other'],
    ['build: use hatchling', 'other'],
    ['style: format', 'other'],
    ['refactor: split module', 'other'],
    ['Add a thing', 'other'],
    ['Windows: fix path quoting', 'other'],
  ])('title %j → %s', (title, section) => {
    expect(classifyEntry({ title, labels: [] })).toBe(section);
  });

  it('lets labels win over the title prefix', () => {
    expect(classifyEntry({ title: 'fix: cache the index', labels: ['performance'] })).toBe('performance');
  });

  it('puts a title marked breaking in Compatibility whatever its labels say', () => {
    expect(classifyEntry({ title: 'feat!: new config format', labels: ['enhancement'] })).toBe('compatibility');
  });
});

describe('displayTitle', () => {
  it.each([
    ['feat: add --json', 'add --json'],
    ['feat(cli)!: add --json', 'add --json'],
    ['FIX: Handle it', 'Handle it'],
    ['Windows: fix path quoting', 'Windows: fix path quoting'],
    ['api!: remove v1 routes', 'api!: remove v1 routes'],
    ['feat:', 'feat:'],
    ['  Plain title ', 'Plain title'],
  ])('%j → %j', (title, shown) => {
    expect(displayTitle(title)).toBe(shown);
  });
});

describe('labels', () => {
  it.each([
    ['Type: Bug', 'bug'],
    ['kind/feature', 'feature'],
    ['🐛 bug', 'bug'],
    ['Breaking Change', 'breaking-change'],
  ])('normalizeLabel(%j) → %j', (label, normal) => {
    expect(normalizeLabel(label)).toBe(normal);
  });

  it.each([
    ['Exciting New Features 🎉', 'features'],
    ['Breaking Changes 🛠', 'breaking-changes'],
    ['🐛 Bug Fixes', 'bug'],
    ['Performance', 'performance'],
    ["What's Changed", undefined],
    ['Other Changes', undefined],
  ])('labelOfHeading(%j) → %j', (heading, label) => {
    expect(labelOfHeading(heading)).toBe(label);
  });
});
