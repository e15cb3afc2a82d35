import { describe, expect, it } from 'vitest';
import { checklistSlug, parseChecklist } from '../../../src/domain/checklist';
import { checklistTemplate } from '../../../src/domain/checklist-template';

describe('parseChecklist', () => {
  it('returns every unchecked item with its id, text and line, and ignores checked ones', () => {
    const markdown = [
      '# Launch checklist',
      '',
      '- [ ] Release notes reviewed',
      '* [ ] `SUPPORT_MATRIX.md` matches requires-python',
      '- [x] Already ticked in the template',
      '+ [ ] Plus marker',
      '1. [ ] Ordered item',
      '2) [X] Ordered and checked',
      '  - [ ] Nested item',
    ].join('\n');
    expect(parseChecklist(markdown)).toEqual([
      { id: 'checklist.release-notes-reviewed', text: 'Release notes reviewed', line: 3 },
      {
        id: 'checklist.support-matrix-md-matches-requires',
        text: '`SUPPORT_MATRIX.md` matches requires-python',
        line: 4,
      },
      { id: 'checklist.plus-marker', text: 'Plus marker', line: 6 },
      { id: 'checklist.ordered-item', text: 'Ordered item', line: 7 },
      { id: 'checklist.nested-item', text: 'Nested item', line: 9 },
    ]);
  });

  it('ignores items in fenced code blocks and HTML comments', () => {
    const markdown = [
      '```markdown',
      '- [ ] example in backticks',
      '```',
      '~~~~',
      '- [ ] example in tildes',
      '~~~',
      '- [ ] still inside: a shorter fence does not close',
      '~~~~',
      '<!-- - [ ] commented out -->',
      '<!--',
      '- [ ] inside a long comment',
      '-->',
      '- [ ] real item',
    ].join('\n');
    expect(parseChecklist(markdown)).toEqual([{ id: 'checklist.real-item', text: 'real item', line: 13 }]);
  });

  it('joins wrapped lines to the item, but not the next item or a new block', () => {
    const markdown = [
      '- [ ] The pypi environment',
      '  requires approval',
      'by a maintainer',
      '- [ ] Next',
      '',
      'Paragraph after a blank line',
      '- [ ] Last',
      '## Heading',
    ].join('\n');
    expect(parseChecklist(markdown).map((item) => item.text)).toEqual([
      'The pypi environment requires approval by a maintainer',
      'Next',
      'Last',
    ]);
  });

  it('skips boxes without text and brackets that are not task boxes', () => {
    expect(parseChecklist('- [ ]\n- [ ]   \n- [] no\n- [y] no\n-[ ] no\n- [ ]no space')).toEqual([]);
  });

  it('de-duplicates ids with -2, -3 and steps around an id an item already holds', () => {
    const ids = parseChecklist('- [ ] Docs built\n- [ ] Docs built\n- [ ] docs built 2\n- [ ] Docs built!').map(
      (item) => item.id,
    );
    expect(ids).toEqual([
      'checklist.docs-built',
      'checklist.docs-built-2',
      'checklist.docs-built-2-2',
      'checklist.docs-built-3',
    ]);
  });

  it('reads the checklist pyrelease init writes', () => {
    expect(parseChecklist(checklistTemplate('acme')).map((item) => item.id)).toEqual([
      'checklist.release-notes-draft-reviewed-features',
      'checklist.migration-notes-written-for-every',
      'checklist.support-matrix-md-matches-requires',
      'checklist.documentation-builds-and-its-links-point',
      'checklist.the-pypi-environment-requires-a',
    ]);
  });

  it('keeps ids stable across CRLF line endings', () => {
    expect(parseChecklist('- [ ] One\r\n- [ ] Two\r\n')).toEqual([
      { id: 'checklist.one', text: 'One', line: 1 },
      { id: 'checklist.two', text: 'Two', line: 2 },
    ]);
  });
});

describe('checklistSlug', () => {
  it.each([
    ['Release notes reviewed', 'release-notes-reviewed'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['See [the docs](https://example.com/docs) first', 'see-the-docs-first'],
    ['  --Weird   spacing!!  ', 'weird-spacing'],
    ['🚀', 'item'],
    ['発表', 'item'],
    ['A very long checklist item that keeps on going past the limit', 'a-very-long-checklist-item-that-keeps-on'],
    ['Supercalifragilisticexpialidocious-and-more-words-here', 'supercalifragilisticexpialidocious-and'],
    ['x'.repeat(50), 'x'.repeat(40)],
  ])('%j → %j', (text, slug) => {
    expect(checklistSlug(text)).toBe(slug);
    expect(slug.length).toBeLessThanOrEqual(40);
  });
});
