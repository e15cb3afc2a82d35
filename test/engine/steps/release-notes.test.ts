import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/domain/config';
import { PyreleaseError } from '../../../src/domain/errors';
import { releaseNotes } from '../../../src/engine/stages/prepare/release-notes';
import { ChosenVersion, DraftRelease, ReleaseCommit } from '../../../src/engine/stages/facts';
import type { ReleasePorts } from '../../../src/engine/stages/release-ports';
import type { AnswerValue } from '../../../src/engine/prompter';
import type { Editor } from '../../../src/ports/editor';
import type { GitRepositoryReads } from '../../../src/ports/git';
import type { GeneratedNotes, GitHubReads, GitHubWrites, Release, ReleaseFields } from '../../../src/ports/github';
import type { ProjectSnapshot } from '../../../src/ports/project';
import { chosenVersion } from '../../helpers/release-fixtures';
import { fakeSession, fakeStepContext, given, strict, type Given } from '../../helpers/step-context';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const REPO_URL = 'https://github.com/quill/quillnote';
const DRAFT_URL = `${REPO_URL}/releases/tag/untagged-0f1e2d`;

const releaseCommit = given(ReleaseCommit, { sha: SHA });
const patch = given(ChosenVersion, chosenVersion('0.1.1'));
const minor = given(ChosenVersion, chosenVersion('0.2.0', { bumpClass: 'minor', migrationRequired: true }));

function release(fields: Partial<Release>): Release {
  return {
    id: 42,
    tagName: 'v0.1.1',
    targetCommitish: SHA,
    name: 'v0.1.1',
    body: null,
    draft: true,
    prerelease: false,
    immutable: false,
    createdAt: '2026-11-21T09:00:00Z',
    publishedAt: null,
    htmlUrl: DRAFT_URL,
    uploadUrl: `${REPO_URL}/releases/42/assets`,
    assets: [],
    authorLogin: 'maintainer',
    ...fields,
  };
}

const GENERATED: GeneratedNotes = {
  name: 'v0.1.1',
  body: [
    "## What's Changed",
    `* Add --json by @alice in ${REPO_URL}/pull/12`,
    `* Crash on empty notes by @bob in ${REPO_URL}/pull/13`,
    '',
    '## New Contributors',
    `* @bob made their first contribution in ${REPO_URL}/pull/13`,
    '',
    `**Full Changelog**: ${REPO_URL}/compare/v0.1.0...v0.1.1`,
  ].join('\n'),
};

const LABELS: Record<number, string[]> = { 12: ['enhancement'], 13: ['bug'] };

/** Every call the step makes to the world, in order. */
type Calls = string[];

interface Script {
  releases?: Release[];
  notes?: GeneratedNotes | Error;
  commits?: { sha: string; subject: string }[];
  changedFiles?: string[];
  /** What the maintainer saves at each edit, from the text they were shown; undefined: no editor. */
  edits?: ((text: string) => string)[];
  latest?: ProjectSnapshot['latest'];
  performancePaths?: string[];
  facts?: Given[];
  answers?: Record<string, AnswerValue>;
}

function setup(script: Script) {
  const calls: Calls = [];
  const shown: string[] = [];
  const saved: ReleaseFields[] = [];
  const github = strict<GitHubReads>('github', {
    listReleases: async (limit) => {
      calls.push(`listReleases ${limit}`);
      return script.releases ?? [];
    },
    generateNotes: async (request) => {
      calls.push(`generateNotes ${JSON.stringify(request)}`);
      if (!script.notes) throw new Error('unscripted generateNotes');
      if (script.notes instanceof Error) throw script.notes;
      return script.notes;
    },
    issueLabels: async (number) => {
      calls.push(`issueLabels ${number}`);
      return LABELS[number] ?? [];
    },
  });
  const gitMembers: Partial<GitRepositoryReads> = {};
  if (script.commits) {
    const commits = script.commits;
    gitMembers.commits = async (base, head) => {
      calls.push(`commits ${base} ${head.slice(0, 7)}`);
      return commits;
    };
  }
  if (script.changedFiles) {
    const changed = script.changedFiles;
    gitMembers.changedFiles = async (base, head) => {
      calls.push(`changedFiles ${base} ${head.slice(0, 7)}`);
      return changed;
    };
  }
  const edits = script.edits;
  const editor = edits
    ? strict<Editor>('editor', {
        available: true,
        edit: async (text, options) => {
          calls.push(`edit ${options.fileName}`);
          shown.push(text);
          const next = edits[shown.length - 1];
          if (!next) throw new Error(`unscripted edit #${shown.length}`);
          return next(text);
        },
      })
    : strict<Editor>('editor', { available: false });
  const writesGithub = strict<GitHubWrites>('writes.github', {
    createRelease: async (fields) => {
      calls.push('createRelease');
      saved.push(fields);
      return release({ id: 77, tagName: fields.tagName, body: fields.body ?? null });
    },
    updateRelease: async (id, fields) => {
      calls.push(`updateRelease ${id}`);
      saved.push(fields as ReleaseFields);
      return release({ id, tagName: fields.tagName ?? '', body: fields.body ?? null });
    },
  });
  const fake = fakeStepContext({
    step: releaseNotes,
    reads: {
      session: fakeSession({
        latest: 'latest' in script ? script.latest : { tag: 'v0.1.0', version: '0.1.0' },
        config: { ...DEFAULT_CONFIG, performancePaths: script.performancePaths ?? [] },
      }),
      github,
      git: strict<GitRepositoryReads>('git', gitMembers),
      repository: async () => ({ owner: 'quill', repo: 'quillnote', htmlUrl: REPO_URL }),
    },
    writes: { editor, github: writesGithub } satisfies Partial<ReleasePorts['writes']>,
    facts: script.facts ?? [patch, releaseCommit],
    ...(script.answers ? { answers: script.answers } : {}),
  });
  return { ...fake, calls, shown, saved };
}

const MIGRATION_PROBLEM = 'The "Migration notes" section is missing';

describe('prepare.release-notes probe', () => {
  it('is done when a release with notes exists for the tag, giving it as the draft', async () => {
    const { ctx, gave } = setup({
      releases: [
        release({ id: 41, tagName: 'v0.1.0', body: 'old notes', draft: false, htmlUrl: `${REPO_URL}/releases/41` }),
        release({ body: '## Fixes\n\n- Crash on empty notes\n' }),
      ],
    });

    expect(await releaseNotes.probe(ctx)).toEqual({ state: 'done', detail: `draft ${DRAFT_URL}` });
    expect(gave).toEqual([{ key: DraftRelease.key, value: { id: 42, url: DRAFT_URL } }]);
  });

  it('names a published release as such', async () => {
    const url = `${REPO_URL}/releases/tag/v0.1.1`;
    const { ctx } = setup({ releases: [release({ body: 'Notes', draft: false, htmlUrl: url })] });

    expect(await releaseNotes.probe(ctx)).toEqual({ state: 'done', detail: `release ${url}` });
  });

  it.each([
    ['with an empty body', [release({ body: ' \n\t' })]],
    ['without a body', [release({ body: null })]],
    ['only for another tag', [release({ tagName: 'v0.1.0', body: 'old notes' })]],
    ['at all', []],
  ])('is still to do when there is a release %s', async (_, releases) => {
    const { ctx, gave, calls } = setup({ releases });

    expect(await releaseNotes.probe(ctx)).toEqual({ state: 'todo' });
    expect(gave).toEqual([]);
    expect(calls).toEqual(['listReleases 100']);
  });
});

describe('prepare.release-notes describe', () => {
  it('lists generating, editing and saving the draft for the tag', async () => {
    const { ctx } = setup({});

    expect(await releaseNotes.describe(ctx)).toEqual([
      'generate notes for v0.1.1 from the merged pull requests',
      'open them in $EDITOR',
      'save a draft GitHub Release v0.1.1',
    ]);
  });
});

describe('prepare.release-notes run', () => {
  it('drafts the notes from the merged pull requests, saves what was edited as a new draft', async () => {
    const edited = '## Features\n\n- Add --json (#12)\n\n## Fixes\n\n- Crash on empty notes (#13)\n';
    const { ctx, gave, calls, shown, saved, warnings } = setup({ notes: GENERATED, edits: [() => edited] });

    expect(await releaseNotes.run(ctx)).toEqual({ detail: `draft ${DRAFT_URL} (2 change(s))` });
    expect(calls).toEqual([
      `generateNotes {"tagName":"v0.1.1","targetCommitish":"${SHA}","previousTagName":"v0.1.0"}`,
      'issueLabels 12',
      'issueLabels 13',
      'edit release-notes-0.1.1.md',
      'listReleases 100',
      'createRelease',
    ]);
    // The pull requests' labels sort them; the new contributor is not a change.
    expect(shown[0]).toMatch(
      /## Features\n\n- Add --json \(#12, @alice\)\n\n## Fixes\n\n- Crash on empty notes \(#13, @bob\)\n/,
    );
    expect(shown[0]).not.toContain('first contribution');
    expect(shown[0]).not.toContain('## Migration notes');
    expect(shown[0]).toContain(`**Full Changelog**: ${REPO_URL}/compare/v0.1.0...v0.1.1`);
    expect(saved).toEqual([
      { tagName: 'v0.1.1', targetCommitish: SHA, name: 'v0.1.1', body: edited, draft: true, prerelease: false },
    ]);
    expect(gave).toEqual([{ key: DraftRelease.key, value: { id: 77, url: DRAFT_URL } }]);
    expect(warnings).toEqual([]);
  });

  it('updates the empty draft an earlier run left instead of making a second one', async () => {
    const rc = given(ChosenVersion, chosenVersion('0.1.1rc1', { bumpClass: 'patch' }));
    const { ctx, gave, calls, saved } = setup({
      facts: [rc, releaseCommit],
      releases: [release({ id: 42, tagName: 'v0.1.1rc1', body: '' })],
      notes: GENERATED,
      edits: [(text) => `${text}\nThanks to everyone who tested the candidate.\n`],
    });

    expect(await releaseNotes.run(ctx)).toEqual({ detail: `draft ${DRAFT_URL} (2 change(s))` });
    expect(calls.slice(-2)).toEqual(['listReleases 100', 'updateRelease 42']);
    expect(saved).toEqual([
      expect.objectContaining({ tagName: 'v0.1.1rc1', name: 'v0.1.1rc1', draft: true, prerelease: true }),
    ]);
    expect(saved[0]?.body).toContain('Thanks to everyone who tested the candidate.');
    expect(gave).toEqual([{ key: DraftRelease.key, value: { id: 42, url: DRAFT_URL } }]);
  });

  it('stops when a 0.x minor release lacks migration notes and the maintainer will not edit again', async () => {
    const { ctx, gave, calls, shown, warnings, asked } = setup({
      facts: [minor, releaseCommit],
      notes: GENERATED,
      edits: [() => '## Features\n\n- Add --json\n'],
      answers: { 'release-notes.edit-again': false },
    });

    const error = await releaseNotes.run(ctx).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PyreleaseError);
    expect(error).toMatchObject({
      code: 'release-notes.incomplete',
      message: expect.stringContaining(`\n  - ${MIGRATION_PROBLEM}`),
      hint: 'Run `pyrelease --resume` to edit them again.',
    });
    // The draft asked for them, with a placeholder the check does not accept.
    expect(shown[0]).toMatch(/## Migration notes\n\n<!-- Required: 0\.2\.0 is a breaking release/);
    expect(warnings).toEqual([expect.stringContaining(MIGRATION_PROBLEM)]);
    expect(asked.map((question) => question.id)).toEqual(['release-notes.edit-again']);
    expect(calls.filter((call) => /Release|listReleases/.test(call))).toEqual([]);
    expect(gave).toEqual([]);
  });

  it('opens the editor again until the migration notes are there, and saves the second edit', async () => {
    const fixed = '## Features\n\n- Add --json\n\n## Migration notes\n\n- `--format` is now `--json`.\n';
    const { ctx, saved, shown, warnings, asked } = setup({
      facts: [minor, releaseCommit],
      notes: GENERATED,
      edits: [() => '## Features\n\n- Add --json\n', () => fixed],
      answers: { 'release-notes.edit-again': true },
    });

    await releaseNotes.run(ctx);
    expect(shown).toEqual([expect.stringContaining('## Migration notes'), '## Features\n\n- Add --json\n']);
    expect(warnings).toHaveLength(1);
    expect(asked.map((question) => question.id)).toEqual(['release-notes.edit-again']);
    expect(saved.map((fields) => fields.body)).toEqual([fixed]);
  });

  it('falls back to commit subjects with a warning when GitHub cannot generate notes', async () => {
    const { ctx, gave, calls, lines, saved, warnings } = setup({
      notes: new Error('HTTP 502 Bad Gateway'),
      commits: [
        { sha: SHA, subject: 'Release 0.1.1' },
        { sha: 'b'.repeat(40), subject: 'Merge pull request #14 from quill/parser' },
        { sha: 'c'.repeat(40), subject: 'Fix the parser (#15)' },
        { sha: 'd'.repeat(40), subject: 'Tidy the README' },
      ],
    });

    expect(await releaseNotes.run(ctx)).toEqual({ detail: `draft ${DRAFT_URL} (2 change(s))` });
    expect(warnings).toEqual(['GitHub could not generate notes (HTTP 502 Bad Gateway); using commit subjects.']);
    expect(calls).toContain('commits v0.1.0 a1b2c3d');
    // Without an editor the draft is shown and saved as it is.
    const body = saved[0]?.body ?? '';
    expect(body.split('\n')).toEqual(lines);
    expect(body).toContain('- Fix the parser (#15)');
    expect(body).toContain('- Tidy the README');
    expect(body).not.toContain('Release 0.1.1');
    expect(body).not.toContain('Merge pull request');
    expect(gave).toEqual([{ key: DraftRelease.key, value: { id: 77, url: DRAFT_URL } }]);
  });

  it('uses commit subjects, without a warning, when GitHub lists no changes', async () => {
    const { ctx, warnings, saved } = setup({
      notes: { name: 'v0.1.1', body: `**Full Changelog**: ${REPO_URL}/compare/v0.1.0...v0.1.1` },
      commits: [{ sha: 'c'.repeat(40), subject: 'Fix the parser (#15)' }],
    });

    expect(await releaseNotes.run(ctx)).toEqual({ detail: `draft ${DRAFT_URL} (1 change(s))` });
    expect(warnings).toEqual([]);
    expect(saved[0]?.body).toContain('- Fix the parser (#15)');
  });

  it('asks for performance notes when performance paths changed, and without an editor cannot get them', async () => {
    const { ctx, calls, warnings, asked, saved } = setup({
      notes: GENERATED,
      performancePaths: ['src/quillnote/core/**'],
      changedFiles: ['README.md', 'src/quillnote/core/index.py'],
    });

    const error = await releaseNotes.run(ctx).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'release-notes.incomplete',
      message: expect.stringContaining('"Performance impact"'),
      hint: 'Set $EDITOR (or $VISUAL) so pyrelease can open them, then `pyrelease --resume`.',
    });
    expect(calls).toContain(`changedFiles v0.1.0 a1b2c3d`);
    expect(warnings).toEqual([expect.stringContaining('src/quillnote/core/index.py')]);
    expect(asked).toEqual([]);
    expect(saved).toEqual([]);
  });

  it('drafts a first release from everything, with no previous tag and no compare link', async () => {
    const { ctx, calls, saved } = setup({
      latest: undefined,
      notes: GENERATED,
      // Set, but with nothing to compare against they cannot have changed.
      performancePaths: ['src/**'],
    });

    await releaseNotes.run(ctx);
    expect(calls[0]).toBe(`generateNotes {"tagName":"v0.1.1","targetCommitish":"${SHA}"}`);
    expect(saved[0]?.body).toContain('the first release');
    expect(saved[0]?.body).not.toContain('**Full Changelog**');
  });

  it('does not compare the release with its own tag when that is already the latest', async () => {
    const { ctx, calls, saved } = setup({ latest: { tag: 'v0.1.1', version: '0.1.1' }, notes: GENERATED });

    await releaseNotes.run(ctx);
    expect(calls[0]).toBe(`generateNotes {"tagName":"v0.1.1","targetCommitish":"${SHA}"}`);
    expect(saved[0]?.body).not.toContain('compare/v0.1.1...v0.1.1');
  });
});
