import { describe, expect, it } from 'vitest';
import { entriesFromCommits } from '../../../src/domain/release-notes';

describe('entriesFromCommits', () => {
  it('makes an entry per subject, with the pull request from a squash suffix', () => {
    const commits = [
      { sha: 'a1', subject: 'feat: add --json (#12)' },
      { sha: 'b2', subject: 'Fix typo in README' },
    ];
    expect(entriesFromCommits(commits, { repoUrl: 'https://github.com/acme/tool/' })).toEqual([
      { title: 'feat: add --json', number: 12, url: 'https://github.com/acme/tool/pull/12', labels: [] },
      { title: 'Fix typo in README', labels: [] },
    ]);
  });

  it('leaves the url out without a repository url', () => {
    expect(entriesFromCommits([{ sha: 'a', subject: 'Speed up (#3)' }])).toEqual([
      { title: 'Speed up', number: 3, labels: [] },
    ]);
  });

  it.each([
    'Merge pull request #12 from alice/json',
    "Merge branch 'main' into feature",
    "Merge remote-tracking branch 'origin/main'",
    'Merge tag v1.2.3',
    'Release 1.2.3',
    'Release v1.3.0rc1',
    'release 2.0.0 (#40)',
    'chore: release 1.2.3',
    'chore(release): release 1.2.3',
    'Bump version to 1.2.4',
    '   ',
  ])('skips %j', (subject) => {
    expect(entriesFromCommits([{ sha: 'x', subject }])).toEqual([]);
  });

  it.each(['Merge sort for the queue', 'Release notes: mention the matrix', 'Release the GIL in the loop'])(
    'keeps %j',
    (subject) => {
      expect(entriesFromCommits([{ sha: 'x', subject }])).toEqual([{ title: subject, labels: [] }]);
    },
  );
});
