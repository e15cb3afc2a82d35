import { describe, expect, it } from 'vitest';
import { parseTriggers } from '../../../src/domain/workflows';

describe('parseTriggers', () => {
  it.each<[string, unknown, string[]]>([
    ['a string', 'push', ['push']],
    ['a list', ['push', 'workflow_dispatch'], ['push', 'workflow_dispatch']],
    ['a mapping with empty values', { workflow_dispatch: null, release: null }, ['workflow_dispatch', 'release']],
    ['nothing', undefined, []],
    ['null', null, []],
  ])('reads events from %s', (_name, on, events) => {
    expect(parseTriggers(on).events).toEqual(events);
  });

  it('treats a bare push as firing on every branch and tag', () => {
    expect(parseTriggers('push').push).toEqual({
      tags: undefined,
      tagsIgnore: undefined,
      branches: undefined,
      branchesIgnore: undefined,
      onTags: true,
      onBranches: true,
    });
  });

  it.each<[string, Record<string, unknown>, boolean, boolean]>([
    ['tags only', { tags: ['v*'] }, true, false],
    ['branches only', { branches: ['main'] }, false, true],
    ['both', { tags: ['v*'], branches: ['main'] }, true, true],
    ['tags-ignore only', { 'tags-ignore': ['*rc*'] }, true, false],
    ['branches-ignore only', { 'branches-ignore': ['dev'] }, false, true],
    ['only negated tags', { tags: ['!v*'] }, false, false],
    ['an empty tag list', { tags: [] }, false, false],
  ])('reads push filters: %s', (_name, push, onTags, onBranches) => {
    const trigger = parseTriggers({ push }).push;
    expect([trigger?.onTags, trigger?.onBranches]).toEqual([onTags, onBranches]);
  });

  it('accepts a single string where GitHub takes a list', () => {
    const triggers = parseTriggers({ push: { tags: 'v*' }, release: { types: 'published' } });
    expect([triggers.push?.tags, triggers.release]).toEqual([['v*'], { types: ['published'], published: true }]);
  });

  it('treats a release without types as every type', () => {
    expect(parseTriggers(['release']).release).toEqual({ types: undefined, published: true });
  });

  it('reads every field of dispatch inputs', () => {
    const triggers = parseTriggers({
      workflow_dispatch: {
        inputs: {
          version: { description: 'Version', required: true },
          dry: { type: 'boolean', default: false },
          target: { type: 'choice', options: ['testpypi', 'pypi'], default: 'testpypi' },
          attempts: { type: 'number', default: 3 },
          odd: null,
        },
      },
    });
    expect(triggers.workflowDispatch?.inputs).toEqual([
      { name: 'version', type: 'string', description: 'Version', default: undefined, options: [], required: true },
      { name: 'dry', type: 'boolean', description: undefined, default: false, options: [], required: false },
      {
        name: 'target',
        type: 'choice',
        description: undefined,
        default: 'testpypi',
        options: ['testpypi', 'pypi'],
        required: false,
      },
      { name: 'attempts', type: 'number', description: undefined, default: 3, options: [], required: false },
      { name: 'odd', type: 'string', description: undefined, default: undefined, options: [], required: false },
    ]);
  });
});
