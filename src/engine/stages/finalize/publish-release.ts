import type { ProbeResult, StepResult, WriteStep } from '../../step';
import { ChosenVersion, DraftRelease, PublishTrigger, PublishedRelease, ReleaseCommit } from '../facts';
import type { ReleasePorts } from '../release-ports';
import { makeLatest } from '../tag/create-tag';

/**
 * Stage 6: the draft GitHub Release from Prepare, published now that PyPI has the release (unless
 * the tag step did it). `latest`: whether it may become the repository's latest release.
 */
export function publishRelease(options: { latest: boolean }): WriteStep<ReleasePorts> {
  return {
    id: 'finalize.release',
    title: 'Publish the GitHub Release',
    effect: 'write',
    needs: [ChosenVersion, ReleaseCommit, DraftRelease, PublishTrigger],
    gives: [PublishedRelease],
    async probe(ctx): Promise<ProbeResult> {
      const { tag } = ctx.need(ChosenVersion);
      // Drafts are never found by tag: a hit is a published release.
      const published = await ctx.reads.github.releaseByTag(tag);
      if (!published) return { state: 'todo' };
      await ctx.give(PublishedRelease, { id: published.id, url: published.htmlUrl });
      return { state: 'done', detail: `published: ${published.htmlUrl}` };
    },
    async describe(ctx) {
      return [`publish the draft GitHub Release ${ctx.need(ChosenVersion).tag} with the notes written in Prepare`];
    },
    async run(ctx): Promise<StepResult> {
      const { tag, prerelease } = ctx.need(ChosenVersion);
      const release = await ctx.writes.github.updateRelease(ctx.need(DraftRelease).id, {
        draft: false,
        tagName: tag,
        targetCommitish: ctx.need(ReleaseCommit).sha,
        prerelease,
        makeLatest: makeLatest(options, prerelease),
      });
      await ctx.give(PublishedRelease, { id: release.id, url: release.htmlUrl });
      return { detail: release.htmlUrl };
    },
  };
}
