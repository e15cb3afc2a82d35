import { describe, expect, it } from 'vitest';
import { checkReleaseNotes, draftReleaseNotes, type DraftReleaseNotesInput } from '../../../src/domain/release-notes';

const BASE: DraftReleaseNotesInput = {
  version: '1.3.0',
  previousTag: 'v1.2.3',
  entries: [],
  migrationRequired: false,
  performancePathsChanged: [],
};

describe('draftReleaseNotes', () => {
  it('groups entries in the fixed order with "(#N, @author)" references and ends with the changelog link', () => {
    const notes = draftReleaseNotes({
      ...BASE,
      entries: [
        { title: 'chore: bump deps', number: 5, author: 'dependabot[bot]', labels: [] },
        { title: 'feat(cli): add --json', number: 12, author: 'alice', labels: [] },
        { title: 'Handle empty input', number: 13, labels: ['bug'] },
        { title: 'Cache the index', author: 'carol', labels: ['performance'] },
        { title: 'Drop   the old\nflag', labels: ['breaking'] },
      ],
      compareUrl: 'https://github.com/acme/tool/compare/v1.2.3...v1.3.0',
    });
    expect(notes)
      .toBe(`<!-- Release notes for 1.3.0, changes since v1.2.3. Edit freely; comments like this one are not shown on GitHub. -->

## Features

- add --json (#12, @alice)

## Fixes

- Handle empty input (#13)

## Performance impact

- Cache the index (@carol)

## Compatibility

- Drop the old flag

## Other changes

- bump deps (#5, @dependabot[bot])

**Full Changelog**: https://github.com/acme/tool/compare/v1.2.3...v1.3.0
`);
  });

  it('writes "- None." in empty optional sections and leaves out Migration notes when not required', () => {
    const notes = draftReleaseNotes({ ...BASE, previousTag: undefined });
    expect(notes)
      .toBe(`<!-- Release notes for 1.3.0, the first release. Edit freely; comments like this one are not shown on GitHub. -->

## Features

- None.

## Fixes

- None.

## Performance impact

- None.

## Compatibility

- None.

## Other changes

- None.
`);
  });

  it('puts placeholders saying what to write in empty required sections, naming up to five paths', () => {
    const notes = draftReleaseNotes({
      ...BASE,
      version: '2.0.0',
      migrationRequired: true,
      performancePathsChanged: [
        'trainer/loop.py',
        'trainer/a.py',
        'xai/b.py',
        'xai/c.py',
        'xai/d.py',
        'xai/e.py',
        'xai/f.py',
      ],
    });
    expect(notes).toContain(`## Performance impact

<!-- Required: files under the configured performance paths changed (trainer/loop.py, trainer/a.py, xai/b.py, xai/c.py, xai/d.py and 2 more). Describe the performance impact (speed, memory, benchmarks), or say why there is none. -->

## Compatibility

- None.

## Migration notes

<!-- Required: 2.0.0 is a breaking release (a major bump, or a minor bump on a 0.x line). Tell users what to change when they upgrade from v1.2.3: removed or renamed APIs, changed defaults, new minimum versions. -->

## Other changes`);
  });

  it('lists compatibility notes (support changes) before the entries of that section', () => {
    const notes = draftReleaseNotes({
      ...BASE,
      entries: [{ title: 'Remove old flag', number: 4, labels: ['removal'] }],
      compatibilityNotes: ['requires-python changed from ">=3.8" to ">=3.9"'],
    });
    expect(notes).toContain(
      '## Compatibility\n\n- requires-python changed from ">=3.8" to ">=3.9"\n- Remove old flag (#4)\n\n',
    );
  });

  it('keeps a path containing "-->" from ending the placeholder comment early', () => {
    const notes = draftReleaseNotes({ ...BASE, performancePathsChanged: ['odd-->name.py'] });
    expect(notes).toContain('(odd-- >name.py)');
  });

  it('produces a draft whose placeholders fail the check until they are replaced', () => {
    const paths = ['trainer/loop.py'];
    const draft = draftReleaseNotes({ ...BASE, migrationRequired: true, performancePathsChanged: paths });
    const requirements = { performanceRequired: true, performancePaths: paths, migrationRequired: true };
    expect(checkReleaseNotes(draft, requirements)).toHaveLength(2);
    const edited = draft
      .replace(/<!-- Required: files[^\n]*-->/, 'The loop is 5% faster.')
      .replace(/<!-- Required: 1\.3\.0[^\n]*-->/, 'Rename `Trainer.fit` calls to `Trainer.run`.');
    expect(checkReleaseNotes(edited, requirements)).toEqual([]);
  });
});
