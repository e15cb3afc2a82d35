import { PyreleaseError } from '../../../domain/errors';
import {
  checkReleaseNotes,
  draftReleaseNotes,
  entriesFromCommits,
  parseGeneratedNotes,
  type NoteEntry,
} from '../../../domain/release-notes';
import { filterPatternToRegExp } from '../../../domain/workflows';
import type { ProbeResult, StepContext, WriteContext, WriteStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { ChosenVersion, DraftRelease, ReleaseCommit } from '../facts';

type Ctx = StepContext<ReleasePorts>;

async function existingRelease(ctx: Ctx, tag: string) {
  return (await ctx.reads.github.listReleases(100)).find((release) => release.tagName === tag);
}

/** Merged pull requests from GitHub's own notes (with their labels); commit subjects when that fails. */
async function collectEntries(
  ctx: Ctx,
  tag: string,
  sha: string,
  previousTag: string | undefined,
): Promise<NoteEntry[]> {
  try {
    const notes = await ctx.reads.github.generateNotes({
      tagName: tag,
      targetCommitish: sha,
      ...(previousTag ? { previousTagName: previousTag } : {}),
    });
    const entries = parseGeneratedNotes(notes.body);
    if (entries.length > 0) {
      return Promise.all(
        entries.map(async (entry) =>
          entry.number === undefined ? entry : { ...entry, labels: await ctx.reads.github.issueLabels(entry.number) },
        ),
      );
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.warn(`GitHub could not generate notes (${reason}); using commit subjects.`);
  }
  return entriesFromCommits(await ctx.reads.git.commits(previousTag, sha));
}

async function performancePathsChanged(
  ctx: Ctx,
  previousTag: string | undefined,
  sha: string,
  patterns: readonly string[],
): Promise<string[]> {
  if (patterns.length === 0 || !previousTag) return [];
  const matchers = patterns.map((pattern) => filterPatternToRegExp(pattern));
  return (await ctx.reads.git.changedFiles(previousTag, sha)).filter((path) =>
    matchers.some((matcher) => matcher.test(path)),
  );
}

/** Lets the maintainer edit until the notes hold what the release requires. */
async function edit(
  ctx: WriteContext<ReleasePorts>,
  draft: string,
  version: string,
  requirements: { performanceRequired: boolean; migrationRequired: boolean; paths: string[] },
): Promise<string> {
  let text = draft;
  for (let round = 1; ; round += 1) {
    if (ctx.writes.editor.available)
      text = await ctx.writes.editor.edit(text, { fileName: `release-notes-${version}.md`, signal: ctx.signal });
    else if (round === 1) for (const line of text.split('\n')) ctx.log(line);
    const problems = checkReleaseNotes(text, {
      performanceRequired: requirements.performanceRequired,
      migrationRequired: requirements.migrationRequired,
      performancePaths: requirements.paths,
    });
    if (problems.length === 0) return text;
    for (const problem of problems) ctx.warn(problem);
    const again =
      ctx.writes.editor.available &&
      (await ctx.ask({
        kind: 'confirm',
        id: 'release-notes.edit-again',
        message: 'Edit the release notes again?',
        default: true,
        remember: false,
      }));
    if (!again) {
      throw new PyreleaseError(
        'release-notes.incomplete',
        [
          'The release notes are missing what this release requires:',
          ...problems.map((problem) => `  - ${problem}`),
        ].join('\n'),
        {
          hint: ctx.writes.editor.available
            ? 'Run `pyrelease --resume` to edit them again.'
            : 'Set $EDITOR (or $VISUAL) so pyrelease can open them, then `pyrelease --resume`.',
        },
      );
    }
  }
}

/** Categorized notes, edited by the maintainer, saved as a draft GitHub Release for the tag. */
export const releaseNotes: WriteStep<ReleasePorts> = {
  id: 'prepare.release-notes',
  title: 'Release notes as a draft GitHub Release',
  effect: 'write',
  needs: [ChosenVersion, ReleaseCommit],
  gives: [DraftRelease],
  asks: ['release-notes.edit-again'],
  async probe(ctx): Promise<ProbeResult> {
    const { tag } = ctx.need(ChosenVersion);
    const existing = await existingRelease(ctx, tag);
    if (existing && existing.body && existing.body.trim() !== '') {
      await ctx.give(DraftRelease, { id: existing.id, url: existing.htmlUrl });
      return { state: 'done', detail: `${existing.draft ? 'draft' : 'release'} ${existing.htmlUrl}` };
    }
    return { state: 'todo' };
  },
  async describe(ctx) {
    const { tag } = ctx.need(ChosenVersion);
    return [
      `generate notes for ${tag} from the merged pull requests`,
      'open them in $EDITOR',
      `save a draft GitHub Release ${tag}`,
    ];
  },
  async run(ctx): Promise<StepResult> {
    const { version, tag, migrationRequired, prerelease } = ctx.need(ChosenVersion);
    const sha = ctx.need(ReleaseCommit).sha;
    const { latest, config } = await ctx.reads.session.project();
    const previousTag = latest && latest.tag !== tag ? latest.tag : undefined;
    const entries = await collectEntries(ctx, tag, sha, previousTag);
    const paths = await performancePathsChanged(ctx, previousTag, sha, config.performancePaths);
    const repository = await ctx.reads.repository();
    const compareUrl = previousTag ? `${repository.htmlUrl}/compare/${previousTag}...${tag}` : undefined;
    const draft = draftReleaseNotes({
      version,
      previousTag,
      entries,
      migrationRequired,
      performancePathsChanged: paths,
      ...(compareUrl ? { compareUrl } : {}),
    });
    const body = await edit(ctx, draft, version, { performanceRequired: paths.length > 0, migrationRequired, paths });
    const fields = { tagName: tag, targetCommitish: sha, name: tag, body, draft: true, prerelease };
    // Resuming updates the draft made before; a second one would confuse everyone.
    const existing = await existingRelease(ctx, tag);
    const release = existing
      ? await ctx.writes.github.updateRelease(existing.id, fields)
      : await ctx.writes.github.createRelease(fields);
    await ctx.give(DraftRelease, { id: release.id, url: release.htmlUrl });
    return { detail: `draft ${release.htmlUrl} (${entries.length} change(s))` };
  },
};
