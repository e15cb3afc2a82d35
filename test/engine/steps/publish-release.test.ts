import { describe, expect, it } from 'vitest';
import {
  ChosenVersion,
  DraftRelease,
  PublishedRelease,
  PublishTrigger,
  ReleaseCommit,
} from '../../../src/engine/stages/facts';
import { publishRelease } from '../../../src/engine/stages/finalize/publish-release';
import type { GitHubReads, GitHubWrites, Release, ReleaseFields } from '../../../src/ports/github';
import { chosenVersion } from '../../helpers/release-fixtures';
import { fakeStepContext, given, strict } from '../../helpers/step-context';

const RELEASE = 'c0ffee1d2e3f405162738495a6b7c8d9e0f1a2b3';
const DRAFT = { id: 77, url: 'https://github.com/acme/quillnote/releases/tag/untagged-5f1e' };
const url = (tag: string) => `https://github.com/acme/quillnote/releases/tag/${tag}`;

interface Options {
  version?: string;
  prerelease?: boolean;
  latest?: boolean;
  /** What `releaseByTag` answers. */
  published?: Pick<Release, 'id' | 'htmlUrl'>;
}

function world(options: Options = {}) {
  const version = options.version ?? '1.2.0';
  const tag = `v${version}`;
  const step = publishRelease({ latest: options.latest ?? true });
  const lookedUp: string[] = [];
  const updates: [number, Partial<ReleaseFields>][] = [];
  const fake = fakeStepContext({
    step,
    reads: {
      github: strict<GitHubReads>('reads.github', {
        releaseByTag: async (name) => {
          lookedUp.push(name);
          return options.published && strict<Release>('release', options.published);
        },
      }),
    },
    writes: {
      github: strict<GitHubWrites>('writes.github', {
        updateRelease: async (id, fields) => {
          updates.push([id, fields]);
          // GitHub answers with the release under its id, now at its tag's address.
          return strict<Release>('published release', { id, htmlUrl: url(fields.tagName ?? 'untagged') });
        },
      }),
    },
    facts: [
      given(ChosenVersion, chosenVersion(version, { prerelease: options.prerelease ?? false })),
      given(ReleaseCommit, { sha: RELEASE }),
      given(DraftRelease, DRAFT),
      given(PublishTrigger, { tag, sha: RELEASE, pushed: true }),
    ],
  });
  return { step, fake, lookedUp, updates };
}

describe('finalize.release probe', () => {
  it('is done, giving PublishedRelease, when a published release has the tag', async () => {
    const { step, fake, lookedUp } = world({ published: { id: 91, htmlUrl: url('v1.2.0') } });
    expect(await step.probe(fake.ctx)).toEqual({ state: 'done', detail: `published: ${url('v1.2.0')}` });
    expect(lookedUp).toEqual(['v1.2.0']);
    expect(fake.gave).toEqual([{ key: 'published-release', value: { id: 91, url: url('v1.2.0') } }]);
  });

  it('is to do, giving nothing, while no published release has the tag', async () => {
    const { step, fake } = world();
    expect(await step.probe(fake.ctx)).toEqual({ state: 'todo' });
    expect(fake.gave).toEqual([]);
  });
});

describe('finalize.release describe', () => {
  it('says it publishes the draft', async () => {
    const { step, fake } = world();
    expect(await step.describe(fake.ctx)).toEqual([
      'publish the draft GitHub Release v1.2.0 with the notes written in Prepare',
    ]);
  });
});

describe('finalize.release run', () => {
  it('publishes the draft at the release commit as the latest release and gives PublishedRelease', async () => {
    const { step, fake, updates } = world();
    expect(await step.run(fake.ctx)).toEqual({ detail: url('v1.2.0') });
    expect(updates).toEqual([
      [77, { draft: false, tagName: 'v1.2.0', targetCommitish: RELEASE, prerelease: false, makeLatest: 'true' }],
    ]);
    expect(fake.gave).toEqual([{ key: 'published-release', value: { id: 77, url: url('v1.2.0') } }]);
    expect(fake.fact(PublishedRelease)).toEqual({ id: 77, url: url('v1.2.0') });
  });

  it('publishes a pre-release as one, never as the latest release', async () => {
    const { step, fake, updates } = world({ version: '1.2.0rc1', prerelease: true });
    await step.run(fake.ctx);
    expect(updates).toEqual([
      [77, { draft: false, tagName: 'v1.2.0rc1', targetCommitish: RELEASE, prerelease: true, makeLatest: 'false' }],
    ]);
  });

  it('leaves the latest release alone when latest is off', async () => {
    const { step, fake, updates } = world({ latest: false });
    await step.run(fake.ctx);
    expect(updates[0]?.[1]).toMatchObject({ prerelease: false, makeLatest: 'false' });
  });
});
