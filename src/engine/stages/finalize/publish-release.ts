import { PyreleaseError } from '../../../domain/errors';
import type { StepOutputs } from '../../journal';
import type { ProbeResult, WriteStep } from '../../step';
import { chosenVersion, releaseCommit } from '../prepare/outputs';
import type { ReleasePorts } from '../release-ports';

const STEP = 'finalize.release';

/**
 * Stage 6: the draft GitHub Release from Prepare, published now that PyPI has the release (unless the tag step did it).
 */
export const publishRelease: WriteStep<ReleasePorts> = {
  id: STEP,
  title: 'Publish the GitHub Release',
  effect: 'write',
  needs: ['tag.create'],
  async probe(ctx): Promise<ProbeResult> {
    const { tag } = chosenVersion(ctx);
    // Drafts are never found by tag: a hit is a published release.
    const published = await ctx.reads.github.releaseByTag(tag);
    if (published)
      return {
        state: 'done',
        detail: `published: ${published.htmlUrl}`,
        outputs: { releaseId: published.id, url: published.htmlUrl },
      };
    return { state: 'todo' };
  },
  async describe(ctx) {
    return [`publish the draft GitHub Release ${chosenVersion(ctx).tag} with the notes written in Prepare`];
  },
  async run(ctx): Promise<StepOutputs> {
    const { tag, prerelease } = chosenVersion(ctx);
    const id = ctx.outputsOf('prepare.release-notes')?.['releaseId'];
    if (typeof id !== 'number') {
      throw new PyreleaseError('journal.missing-release', `The draft GitHub Release of ${tag} is not known.`, {
        hint: 'Publish it on GitHub by hand, then `pyrelease --resume`.',
      });
    }
    const release = await ctx.writes.github.updateRelease(id, {
      draft: false,
      tagName: tag,
      targetCommitish: releaseCommit(ctx),
      prerelease,
      makeLatest: prerelease ? 'false' : 'true',
    });
    return { summary: release.htmlUrl, releaseId: release.id, url: release.htmlUrl };
  },
};
