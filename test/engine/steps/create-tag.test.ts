import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ReleaseConfig } from '../../../src/domain/config';
import type { VersionSource } from '../../../src/domain/pyproject';
import {
  ChosenVersion,
  DraftRelease,
  PublishTrigger,
  ReleaseCommit,
  WorkflowTriggers,
  type TriggerRecord,
} from '../../../src/engine/stages/facts';
import { createTag, makeLatest } from '../../../src/engine/stages/tag/create-tag';
import type { CreateTagOptions, GitRepositoryReads, GitWrites, LocalTag, PushOutcome } from '../../../src/ports/git';
import type {
  GitHubReads,
  GitHubWrites,
  Release,
  ReleaseFields,
  RunsQuery,
  WorkflowRun,
} from '../../../src/ports/github';
import { FixedClock } from '../../helpers/fixed-clock';
import {
  chosenVersion,
  failure,
  pyprojectDeclaring,
  scmVersionSource,
  staticVersionSource,
  versionSourceOf,
} from '../../helpers/release-fixtures';
import { fakeSession, fakeStepContext, given, strict, type Given } from '../../helpers/step-context';

const RELEASE = 'c0ffee1d2e3f405162738495a6b7c8d9e0f1a2b3';
const ELSEWHERE = 'deadbee0123456789abcdef0123456789abcdef0';
const NOW = Date.UTC(2026, 4, 1, 10, 0, 0);
const DRAFT = { id: 77, url: 'https://github.com/acme/quillnote/releases/tag/untagged-5f1e' };
const RELEASE_URL = 'https://github.com/acme/quillnote/releases/tag/v1.2.0';

interface Options {
  version?: string;
  prerelease?: boolean;
  latest?: boolean;
  pypiEvents?: string[];
  config?: Partial<ReleaseConfig>;
  versionSource?: VersionSource;
  /** The files at the release commit (default: pyproject.toml declaring the chosen version). */
  atCommit?: Record<string, string>;
  /** Tags on origin, name → commit. */
  remoteTags?: Record<string, string>;
  localTag?: LocalTag;
  /** What `releaseByTag` answers; without the key, the step may not ask. */
  published?: Pick<Release, 'draft' | 'htmlUrl'>;
  /** Ids of the publish workflow's earlier runs; without them, the step may not look for runs. */
  knownRuns?: number[];
  /** A PublishTrigger an earlier session recorded. */
  earlier?: { trigger: TriggerRecord; tag: string; sha: string };
  answer?: boolean;
  push?: PushOutcome;
}

/** A write the step made, with the keys of the facts it had given by then. */
interface Write {
  call: string;
  args: unknown[];
  gaveBefore: string[];
}

function world(options: Options = {}) {
  const version = options.version ?? '1.2.0';
  const tag = `v${version}`;
  const config: ReleaseConfig = { ...DEFAULT_CONFIG, ...options.config };
  const atCommit = options.atCommit ?? { 'pyproject.toml': pyprojectDeclaring(version) };
  const fileReads: string[] = [];
  const runQueries: [string | number, RunsQuery | undefined][] = [];
  const writes: Write[] = [];
  // Called only while the step runs, once `fake` exists.
  const wrote = (call: string, ...args: unknown[]) =>
    writes.push({ call, args, gaveBefore: fake.gave.map((entry) => entry.key) });
  const step = createTag({ latest: options.latest ?? true });
  const facts: Given[] = [
    given(ChosenVersion, chosenVersion(version, { prerelease: options.prerelease ?? false })),
    given(ReleaseCommit, { sha: RELEASE }),
    given(DraftRelease, DRAFT),
    given(WorkflowTriggers, { pypi: options.pypiEvents ?? ['push'], testpypi: ['workflow_dispatch'] }),
    ...(options.earlier ? [given(PublishTrigger, options.earlier)] : []),
  ];
  const github: Partial<GitHubReads> = {};
  if (Object.hasOwn(options, 'published')) {
    github.releaseByTag = async (name) => {
      expect(name).toBe(tag);
      return options.published && strict<Release>('release', options.published);
    };
  }
  if (options.knownRuns) {
    const ids = options.knownRuns;
    github.runsForWorkflow = async (workflow, query) => {
      runQueries.push([workflow, query]);
      return ids.map((id) => strict<WorkflowRun>('run', { id }));
    };
  }
  const fake = fakeStepContext({
    step,
    reads: {
      session: fakeSession({ config, versionSource: options.versionSource ?? staticVersionSource(version) }),
      git: strict<GitRepositoryReads>('reads.git', {
        fileAt: async (ref, path) => {
          fileReads.push(`${ref}:${path}`);
          return atCommit[path];
        },
        remoteTags: async (remote) => {
          expect(remote).toBe('origin');
          return new Map(Object.entries(options.remoteTags ?? {}));
        },
        localTag: async (name) => (name === tag ? options.localTag : undefined),
      }),
      github: strict<GitHubReads>('reads.github', github),
      clock: new FixedClock(NOW),
    },
    writes: {
      git: strict<GitWrites>('writes.git', {
        createTag: async (tagOptions: CreateTagOptions) => {
          wrote('createTag', tagOptions);
        },
        pushTag: async (remote: string, name: string) => {
          wrote('pushTag', remote, name);
          return options.push ?? { ok: true };
        },
      }),
      github: strict<GitHubWrites>('writes.github', {
        updateRelease: async (id: number, fields: Partial<ReleaseFields>) => {
          wrote('updateRelease', id, fields);
          return strict<Release>('published release', { id, htmlUrl: RELEASE_URL });
        },
      }),
    },
    facts,
    answers: options.answer === undefined ? {} : { 'tag.confirm': options.answer },
  });
  return { step, fake, fileReads, runQueries, writes };
}

/** The record `triggerRecord` takes at NOW. */
const record = (event: 'push' | 'release', knownRunIds: number[]): TriggerRecord => ({
  workflow: 'publish-pypi.yml',
  event,
  headSha: RELEASE,
  triggeredAt: new Date(NOW).toISOString(),
  knownRunIds,
});

describe('makeLatest', () => {
  it.each([
    [true, false, 'true'],
    [true, true, 'false'],
    [false, false, 'false'],
    [false, true, 'false'],
  ] as const)('latest %s, pre-release %s → %s', (latest, prerelease, expected) => {
    expect(makeLatest({ latest }, prerelease)).toBe(expected);
  });
});

describe('tag.create probe', () => {
  it('is blocked when the release commit declares another version', async () => {
    const { step, fake, fileReads } = world({ atCommit: { 'pyproject.toml': pyprojectDeclaring('1.1.9') } });
    expect(await step.probe(fake.ctx)).toEqual({
      state: 'blocked',
      reason: 'The release commit c0ffee1 declares 1.1.9 in pyproject.toml, but the tag would say 1.2.0.',
      hint: expect.stringContaining('git log origin'),
    });
    expect(fileReads).toEqual([`${RELEASE}:pyproject.toml`, `${RELEASE}:setup.cfg`]);
  });

  it('reads the version file at the release commit, not in the working tree', async () => {
    const hatch =
      '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n' +
      '[project]\nname = "quillnote"\ndynamic = ["version"]\n[tool.hatch.version]\npath = "src/quillnote/__about__.py"\n';
    const about = (version: string) => `__version__ = "${version}"\n`;
    const versionSource = versionSourceOf({ 'pyproject.toml': hatch, 'src/quillnote/__about__.py': about('1.2.0') });
    const { step, fake, fileReads } = world({
      versionSource,
      atCommit: { 'pyproject.toml': hatch, 'src/quillnote/__about__.py': about('1.1.0') },
    });
    expect(await step.probe(fake.ctx)).toMatchObject({
      state: 'blocked',
      reason: 'The release commit c0ffee1 declares 1.1.0 in src/quillnote/__about__.py, but the tag would say 1.2.0.',
    });
    expect(fileReads).toContain(`${RELEASE}:src/quillnote/__about__.py`);
  });

  it('compares versions normalized: 1.2.0-rc.1 at the commit is the tag 1.2.0rc1', async () => {
    const { step, fake } = world({
      version: '1.2.0rc1',
      prerelease: true,
      atCommit: { 'pyproject.toml': pyprojectDeclaring('1.2.0-rc.1') },
    });
    expect(await step.probe(fake.ctx)).toEqual({ state: 'todo' });
  });

  it('does not read the commit when the version comes from the tag (SCM)', async () => {
    const versionSource = scmVersionSource();
    expect(versionSource.scm).toBe(true);
    const { step, fake, fileReads } = world({ versionSource, atCommit: {} });
    expect(await step.probe(fake.ctx)).toEqual({ state: 'todo' });
    expect(fileReads).toEqual([]);
  });

  it.each([
    [['workflow_dispatch'], 'publish-pypi.yml runs on workflow_dispatch, not on a pushed tag'],
    [[], 'publish-pypi.yml runs on no event, not on a pushed tag'],
  ])('is blocked when the PyPI workflow runs on %j', async (pypiEvents, reason) => {
    const { step, fake } = world({ pypiEvents });
    expect(await step.probe(fake.ctx)).toEqual({
      state: 'blocked',
      reason: expect.stringContaining(reason),
      hint: expect.stringContaining('on: push: tags'),
    });
  });

  it('is blocked when origin has the tag at another commit', async () => {
    const { step, fake } = world({ remoteTags: { 'v1.2.0': ELSEWHERE, 'v1.1.0': RELEASE } });
    expect(await step.probe(fake.ctx)).toEqual({
      state: 'blocked',
      reason: 'origin already has v1.2.0 at deadbee, not at the release commit c0ffee1.',
      hint: expect.stringContaining('git push origin :refs/tags/'),
    });
  });

  it('is blocked when the local tag points at another commit', async () => {
    const { step, fake } = world({ localTag: { sha: ELSEWHERE, annotated: true } });
    expect(await step.probe(fake.ctx)).toMatchObject({
      state: 'blocked',
      reason: 'the local tag v1.2.0 points at deadbee, not at the release commit c0ffee1.',
    });
  });

  it('is done when origin has the tag at the release commit', async () => {
    const { step, fake } = world({
      remoteTags: { 'v1.2.0': RELEASE },
      localTag: { sha: RELEASE, annotated: true },
    });
    expect(await step.probe(fake.ctx)).toEqual({ state: 'done', detail: 'v1.2.0 is on origin at c0ffee1' });
    // The publish watch finds its run by this: the tag is known as pushed.
    expect(fake.fact(PublishTrigger)).toEqual({ tag: 'v1.2.0', sha: RELEASE, pushed: true });
  });

  it('keeps the trigger an earlier session recorded when it finds the tag on origin', async () => {
    const trigger = {
      workflow: 'publish-pypi.yml',
      event: 'push' as const,
      triggeredAt: '2026-11-21T10:00:00.000Z',
      knownRunIds: [7],
    };
    const { step, fake } = world({
      remoteTags: { 'v1.2.0': RELEASE },
      earlier: { trigger, tag: 'v1.2.0', sha: RELEASE },
    });
    expect(await step.probe(fake.ctx)).toMatchObject({ state: 'done' });
    expect(fake.fact(PublishTrigger)).toEqual({ trigger, tag: 'v1.2.0', sha: RELEASE, pushed: true });
  });

  it('is still to do in the release-triggered variant when only the tag is on origin (pushed by hand)', async () => {
    // Publishing the release starts the workflow, not the tag: the draft is still to publish.
    const { step, fake } = world({ pypiEvents: ['release'], published: undefined, remoteTags: { 'v1.2.0': RELEASE } });
    expect(await step.probe(fake.ctx)).toEqual({ state: 'todo' });
  });

  it('is still to do, saying so, when the tag exists only locally', async () => {
    const { step, fake } = world({ localTag: { sha: RELEASE, annotated: true } });
    expect(await step.probe(fake.ctx)).toEqual({
      state: 'todo',
      detail: 'v1.2.0 exists locally at c0ffee1; it still has to be pushed',
    });
  });

  it('is done in the release-triggered variant when the release is published', async () => {
    const { step, fake } = world({ pypiEvents: ['release'], published: { draft: false, htmlUrl: RELEASE_URL } });
    expect(await step.probe(fake.ctx)).toEqual({
      state: 'done',
      detail: `the release v1.2.0 is published: ${RELEASE_URL}`,
    });
  });

  it('does not take a draft found by its tag for the published release', async () => {
    const { step, fake } = world({ pypiEvents: ['release'], published: { draft: true, htmlUrl: RELEASE_URL } });
    expect(await step.probe(fake.ctx)).toEqual({ state: 'todo' });
  });

  it('is still to do in the release-triggered variant while the release is not published', async () => {
    const { step, fake } = world({ pypiEvents: ['release'], published: undefined });
    expect(await step.probe(fake.ctx)).toEqual({ state: 'todo' });
  });
});

describe('tag.create describe', () => {
  it('tags and pushes when the workflow runs on tags (even if also on releases)', async () => {
    const { step, fake } = world({ pypiEvents: ['push', 'release'] });
    expect(await step.describe(fake.ctx)).toEqual([
      'git tag -a v1.2.0 c0ffee1 -m "Release 1.2.0"',
      'git push origin refs/tags/v1.2.0:refs/tags/v1.2.0 (starts publish-pypi.yml)',
    ]);
  });

  it('signs the tag when sign-tags is set', async () => {
    const { step, fake } = world({ config: { signTags: true } });
    expect((await step.describe(fake.ctx))[0]).toBe('git tag -s v1.2.0 c0ffee1 -m "Release 1.2.0"');
  });

  it('publishes the draft in the release-triggered variant', async () => {
    const { step, fake } = world({
      pypiEvents: ['release'],
      config: { workflows: { pypi: 'pypi.yml', testpypi: 't.yml' } },
    });
    expect(await step.describe(fake.ctx)).toEqual([
      'publish the draft GitHub Release v1.2.0 at c0ffee1 (GitHub creates the tag; it starts pypi.yml)',
    ]);
  });
});

describe('tag.create run', () => {
  it('stops without writing anything when the tag is declined', async () => {
    const { step, fake, writes } = world({ answer: false });
    const error = await failure(step.run(fake.ctx));
    expect(error).toMatchObject({ code: 'tag.declined', message: 'v1.2.0 was not pushed.' });
    expect(fake.asked).toMatchObject([
      { kind: 'confirm', id: 'tag.confirm', message: expect.stringContaining('Create v1.2.0 at c0ffee1 and push it?') },
    ]);
    expect(writes).toEqual([]);
    expect(fake.gave).toEqual([]);
  });

  it('records the trigger before it creates the tag, then pushes it', async () => {
    const { step, fake, writes, runQueries } = world({ answer: true, knownRuns: [41, 40] });
    const trigger = record('push', [41, 40]);
    expect(await step.run(fake.ctx)).toEqual({ detail: 'v1.2.0 at c0ffee1, pushed' });
    expect(runQueries).toEqual([['publish-pypi.yml', { event: 'push', perPage: 50 }]]);
    expect(writes).toEqual([
      {
        call: 'createTag',
        args: [{ name: 'v1.2.0', sha: RELEASE, message: 'Release 1.2.0', sign: false }],
        gaveBefore: ['publish-trigger'],
      },
      { call: 'pushTag', args: ['origin', 'v1.2.0'], gaveBefore: ['publish-trigger'] },
    ]);
    expect(fake.gave).toEqual([
      { key: 'publish-trigger', value: { trigger, tag: 'v1.2.0', sha: RELEASE } },
      { key: 'publish-trigger', value: { trigger, tag: 'v1.2.0', sha: RELEASE, pushed: true } },
    ]);
    expect(fake.lines).toEqual([
      'Created the annotated tag v1.2.0 at c0ffee1.',
      'Pushed v1.2.0 to origin (2 earlier publish-pypi.yml run(s) noted, so the new one stands out).',
    ]);
  });

  it('creates a signed tag when sign-tags is set', async () => {
    const { step, fake, writes } = world({ answer: true, knownRuns: [], config: { signTags: true } });
    await step.run(fake.ctx);
    expect(writes[0]).toMatchObject({ call: 'createTag', args: [{ sign: true }] });
    expect(fake.lines[0]).toBe('Created the signed tag v1.2.0 at c0ffee1.');
  });

  it('pushes an existing local tag at the release commit without creating it again', async () => {
    const { step, fake, writes } = world({
      answer: true,
      knownRuns: [41],
      localTag: { sha: RELEASE, annotated: true },
    });
    await step.run(fake.ctx);
    expect(writes.map((write) => write.call)).toEqual(['pushTag']);
    expect(fake.fact(PublishTrigger)).toMatchObject({ pushed: true });
  });

  it('stops at a local tag on another commit (tag.elsewhere), pushing nothing', async () => {
    const { step, fake, writes } = world({
      answer: true,
      knownRuns: [],
      localTag: { sha: ELSEWHERE, annotated: true },
    });
    const error = await failure(step.run(fake.ctx));
    expect(error.code).toBe('tag.elsewhere');
    expect(error.hint).toContain('git tag -d v1.2.0');
    expect(writes).toEqual([]);
  });

  it('turns a push refused by tag protection into tag.push-refused with the protection hint', async () => {
    const { step, fake } = world({
      answer: true,
      knownRuns: [41],
      push: { ok: false, protected: true, message: 'GH013: Repository rule violations found' },
    });
    const error = await failure(step.run(fake.ctx));
    expect(error).toMatchObject({
      code: 'tag.push-refused',
      message: 'origin refused v1.2.0: GH013: Repository rule violations found',
    });
    expect(error.hint).toContain('tag protection rule');
    // The trigger stays recorded for the next session, but nothing claims the tag was pushed.
    expect(fake.fact(PublishTrigger)).toEqual({ trigger: record('push', [41]), tag: 'v1.2.0', sha: RELEASE });
  });

  it('names no protection rule when the push failed otherwise', async () => {
    const { step, fake } = world({
      answer: true,
      knownRuns: [],
      push: { ok: false, protected: false, message: 'could not read from remote' },
    });
    const error = await failure(step.run(fake.ctx));
    expect(error.code).toBe('tag.push-refused');
    expect(error.hint).not.toContain('protection');
  });

  it('reuses a trigger an earlier session recorded instead of taking a new one', async () => {
    const earlier: TriggerRecord = { ...record('push', [7, 6, 5]), triggeredAt: '2026-04-30T08:00:00.000Z' };
    // Without `knownRuns` the fake has no runsForWorkflow: looking for runs again would fail the test.
    const { step, fake } = world({ answer: true, earlier: { trigger: earlier, tag: 'v1.2.0', sha: RELEASE } });
    await step.run(fake.ctx);
    expect(fake.gave.map((entry) => entry.value)).toEqual([
      { trigger: earlier, tag: 'v1.2.0', sha: RELEASE },
      { trigger: earlier, tag: 'v1.2.0', sha: RELEASE, pushed: true },
    ]);
    expect(fake.lines.at(-1)).toContain('(3 earlier publish-pypi.yml run(s) noted');
  });

  describe('release-triggered variant', () => {
    it('stops without publishing when declined', async () => {
      const { step, fake, writes } = world({ pypiEvents: ['release'], answer: false });
      const error = await failure(step.run(fake.ctx));
      expect(error).toMatchObject({ code: 'tag.declined', message: 'v1.2.0 was not published.' });
      expect(fake.asked[0]?.message).toContain('Publish the GitHub Release v1.2.0 at c0ffee1?');
      expect(writes).toEqual([]);
    });

    it('records the trigger, then publishes the draft as the latest release, touching no tag', async () => {
      const { step, fake, writes, runQueries } = world({ pypiEvents: ['release'], answer: true, knownRuns: [9] });
      const trigger = record('release', [9]);
      expect(await step.run(fake.ctx)).toEqual({ detail: `released v1.2.0 at c0ffee1: ${RELEASE_URL}` });
      expect(runQueries).toEqual([['publish-pypi.yml', { event: 'release', perPage: 50 }]]);
      expect(writes).toEqual([
        {
          call: 'updateRelease',
          args: [
            77,
            { draft: false, tagName: 'v1.2.0', targetCommitish: RELEASE, prerelease: false, makeLatest: 'true' },
          ],
          gaveBefore: ['publish-trigger'],
        },
      ]);
      expect(fake.gave).toEqual([
        { key: 'publish-trigger', value: { trigger, tag: 'v1.2.0', sha: RELEASE } },
        {
          key: 'publish-trigger',
          value: { trigger, tag: 'v1.2.0', sha: RELEASE, pushed: true, releaseUrl: RELEASE_URL },
        },
      ]);
      expect(fake.lines).toEqual([`Published the GitHub Release v1.2.0: ${RELEASE_URL}`]);
    });

    it('never makes a pre-release the latest release', async () => {
      const { step, fake, writes } = world({
        pypiEvents: ['release'],
        version: '1.2.0rc1',
        prerelease: true,
        answer: true,
        knownRuns: [],
      });
      await step.run(fake.ctx);
      expect(writes[0]?.args[1]).toMatchObject({ tagName: 'v1.2.0rc1', prerelease: true, makeLatest: 'false' });
    });

    it('does not make a final release the latest one when latest is off', async () => {
      const { step, fake, writes } = world({ pypiEvents: ['release'], latest: false, answer: true, knownRuns: [] });
      await step.run(fake.ctx);
      expect(writes[0]?.args[1]).toMatchObject({ prerelease: false, makeLatest: 'false' });
    });
  });
});
