import { describe, expect, it } from 'vitest';
import { parseGeneratedNotes } from '../../../src/domain/release-notes';

const URL = 'https://github.com/acme/tool';

describe('parseGeneratedNotes', () => {
  it('reads the entries of a generated body and skips New Contributors and Full Changelog', () => {
    const body = [
      "## What's Changed",
      `* feat: add --json by @alice in ${URL}/pull/12`,
      `* Fix the loop by @dependabot[bot] in ${URL}/pull/13`,
      '',
      '## New Contributors',
      `* @bob made their first contribution in ${URL}/pull/13`,
      '',
      `**Full Changelog**: ${URL}/compare/v1.2.3...v1.3.0`,
    ].join('\n');
    expect(parseGeneratedNotes(body)).toEqual([
      { title: 'feat: add --json', number: 12, author: 'alice', url: `${URL}/pull/12`, labels: [] },
      { title: 'Fix the loop', number: 13, author: 'dependabot[bot]', url: `${URL}/pull/13`, labels: [] },
    ]);
  });

  it.each([
    ['only a Full Changelog line', `**Full Changelog**: ${URL}/commits/v1.0.0`],
    ['an empty body', ''],
    ['only New Contributors', `## New Contributors\n* @bob made their first contribution in ${URL}/pull/1`],
  ])('returns no entries for %s', (_name, body) => {
    expect(parseGeneratedNotes(body)).toEqual([]);
  });

  it('turns release.yml category headings into labels when they name a known one', () => {
    const body = [
      "## What's Changed",
      '### Breaking Changes 🛠',
      `* Drop Python 3.8 by @alice in ${URL}/pull/20`,
      '### 🐛 Bug Fixes',
      `* Handle empty input by @bob in ${URL}/pull/21`,
      '### Other Changes',
      `* Tidy up by @carol in ${URL}/pull/22`,
    ].join('\n');
    expect(parseGeneratedNotes(body).map((entry) => [entry.number, entry.labels])).toEqual([
      [20, ['breaking-changes']],
      [21, ['bug']],
      [22, []],
    ]);
  });

  it('keeps a title that itself contains "by @x in" whole', () => {
    const [entry] = parseGeneratedNotes(
      `## What's Changed\n* Log who ran it by @user in CI by @alice in ${URL}/pull/7`,
    );
    expect(entry).toEqual({
      title: 'Log who ran it by @user in CI',
      number: 7,
      author: 'alice',
      url: `${URL}/pull/7`,
      labels: [],
    });
  });

  it('keeps a bullet of another shape as a title-only entry, and takes #N from a short reference', () => {
    expect(parseGeneratedNotes("## What's Changed\n* Hand-written line\n* Short ref by @alice in #9")).toEqual([
      { title: 'Hand-written line', labels: [] },
      { title: 'Short ref', number: 9, author: 'alice', labels: [] },
    ]);
  });

  it('ignores bullets inside fenced code blocks', () => {
    expect(parseGeneratedNotes("## What's Changed\n```\n* not an entry by @x in https://e/pull/1\n```\n")).toEqual([]);
  });
});
