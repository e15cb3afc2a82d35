import { PyreleaseError } from '../../../domain/errors';
import { canonicalizeVersion } from '../../../domain/version';
import type { StepOutputs } from '../../journal';
import type { ProbeResult, StepContext, WriteContext, WriteStep } from '../../step';
import { chosenVersion, releaseCommit, releaseCommitLabel } from '../prepare/outputs';
import type { ReleasePorts } from '../release-ports';
import { publishTriggerOf, workflowEvents } from '../shared/publish-trigger';
import { recordTrigger, recordedTrigger } from '../shared/started-run';
import { versionAtCommit } from './version-at-commit';

const STEP = 'tag.create';
type Ctx = StepContext<ReleasePorts>;

const short = (sha: string) => sha.slice(0, 7);

/** The draft release Prepare saved, which the release-triggered variant publishes. */
function draftRelease(ctx: Ctx): { id: number; url: string } {
  const outputs = ctx.outputsOf('prepare.release-notes');
  const id = outputs?.['releaseId'];
  if (typeof id !== 'number') {
    throw new PyreleaseError('journal.missing-release', 'The draft GitHub Release of this version is not known.', {
      hint: 'Run `pyrelease --resume` so the release notes step comes first.',
    });
  }
  return { id, url: String(outputs?.['url'] ?? '') };
}

/** Where the tag already is, locally and on origin: a tag elsewhere than the release commit stops the release. */
async function tagState(
  ctx: Ctx,
  tag: string,
  sha: string,
): Promise<{ remote: boolean; local: boolean } | { conflict: string }> {
  const [remoteTags, local] = await Promise.all([ctx.reads.git.remoteTags('origin'), ctx.reads.git.localTag(tag)]);
  const remoteSha = remoteTags.get(tag);
  if (remoteSha !== undefined && remoteSha !== sha)
    return { conflict: `origin already has ${tag} at ${short(remoteSha)}, not at the release commit ${short(sha)}` };
  if (local && local.sha !== sha)
    return { conflict: `the local tag ${tag} points at ${short(local.sha)}, not at the release commit ${short(sha)}` };
  return { remote: remoteSha !== undefined, local: local !== undefined };
}

/**
 * Stage 3: the annotated (optionally signed) tag on the commit CI approved, pushed alone. Before
 * the push, the publish workflow's existing runs are recorded, so the run this tag starts is never
 * confused with an older one. Where the workflow runs on a published release instead, publishing
 * the draft made in Prepare is the step (GitHub creates the tag).
 */
export const createTag: WriteStep<ReleasePorts> = {
  id: STEP,
  title: 'Tag the release commit',
  effect: 'write',
  needs: ['prepare.push', 'prepare.release-notes'],
  async probe(ctx): Promise<ProbeResult> {
    const { version, tag } = chosenVersion(ctx);
    const sha = releaseCommit(ctx);
    const { version: declared, file } = await versionAtCommit(ctx, sha);
    // PEP 440 spellings differ (1.0.0-rc.1 is 1.0.0rc1): compare normalized.
    if (declared !== undefined && canonicalizeVersion(declared) !== canonicalizeVersion(version)) {
      return {
        state: 'blocked',
        reason: `The release commit ${short(sha)} declares ${declared} in ${file}, but the tag would say ${version}.`,
        hint: 'The bump commit did not reach origin as made: look at `git log origin`, then start a new release.',
      };
    }
    const events = workflowEvents(ctx, 'pypi');
    if (!events.includes('push') && !events.includes('release')) {
      const { config } = await ctx.reads.project.load();
      return {
        state: 'blocked',
        reason:
          `${config.workflows.pypi} runs on ${events.join(', ') || 'no event'}, not on a pushed tag or a published release, so a tag ` +
          `would start nothing.`,
        hint:
          `Let it run on tags (\`on: push: tags\`; \`pyrelease init\` writes such ` +
          `a workflow), commit, then \`pyrelease --resume\`.`,
      };
    }
    if (publishTriggerOf(ctx) === 'release') {
      const published = await ctx.reads.github.releaseByTag(tag);
      if (published && !published.draft)
        return { state: 'done', detail: `the release ${tag} is published: ${published.htmlUrl}` };
    }
    const state = await tagState(ctx, tag, sha);
    if ('conflict' in state)
      return {
        state: 'blocked',
        reason: `${state.conflict}.`,
        hint:
          'A version is released once: if that tag is a mistake and nothing was ' +
          'published, delete it (`git push origin :refs/tags/…`), else prepare the ' +
          'next version.',
      };
    if (state.remote) return { state: 'done', detail: `${tag} is on origin at ${short(sha)}` };
    return {
      state: 'todo',
      ...(state.local ? { detail: `${tag} exists locally at ${short(sha)}; it still has to be pushed` } : {}),
    };
  },
  async describe(ctx) {
    const { tag } = chosenVersion(ctx);
    const at = releaseCommitLabel(ctx);
    const { config } = await ctx.reads.project.load();
    if (publishTriggerOf(ctx) === 'release')
      return [
        `publish the draft GitHub Release ${tag} at ${at} (GitHub creates the tag; it starts ${config.workflows.pypi})`,
      ];
    return [
      `git tag ${config.signTags ? '-s' : '-a'} ${tag} ${at === 'the release commit' ? '<release commit>' : at} -m "Release ${chosenVersion(ctx).version}"`,
      `git push origin refs/tags/${tag}:refs/tags/${tag} (starts ${config.workflows.pypi})`,
    ];
  },
  async run(ctx): Promise<StepOutputs> {
    const { config } = await ctx.reads.project.load();
    const { version, tag, prerelease } = chosenVersion(ctx);
    const sha = releaseCommit(ctx);
    const viaRelease = publishTriggerOf(ctx) === 'release';
    const go = await ctx.ask({
      kind: 'confirm',
      id: 'tag.confirm',
      message: viaRelease
        ? `Publish the GitHub Release ${tag} at ${short(sha)}? This starts the PyPI publish.`
        : `Create ${tag} at ${short(sha)} and push it? This starts the PyPI publish.`,
      detail: `${version} can be published to PyPI only once: a version is never re-used, even after a deletion.`,
      default: true,
    });
    if (!go)
      throw new PyreleaseError('tag.declined', `${tag} was not ${viaRelease ? 'published' : 'pushed'}.`, {
        hint: 'Run `pyrelease --resume` when you are ready.',
      });

    // An earlier session may have recorded the runs and died before the push: keep its record.
    const earlier = recordedTrigger(ctx.outputsOf(STEP));
    const trigger =
      earlier ??
      (await recordTrigger(ctx, {
        workflow: config.workflows.pypi,
        event: viaRelease ? 'release' : 'push',
        headSha: sha,
      }));
    if (viaRelease) return publishDraft(ctx, { tag, sha, prerelease });

    const local = await ctx.reads.git.localTag(tag);
    if (!local) {
      await ctx.writes.git.createTag({ name: tag, sha, message: `Release ${version}`, sign: config.signTags });
      ctx.log(`Created the ${config.signTags ? 'signed' : 'annotated'} tag ${tag} at ${short(sha)}.`);
    }
    const pushed = await ctx.writes.git.pushTag('origin', tag);
    if (!pushed.ok) {
      throw new PyreleaseError('tag.push-refused', `origin refused ${tag}: ${pushed.message}`, {
        hint: pushed.protected
          ? 'A tag protection rule refused it: ask an admin to allow release tags, then `pyrelease --resume`.'
          : 'Fix the cause named above, then `pyrelease --resume`.',
      });
    }
    ctx.log(
      `Pushed ${tag} to origin (${trigger.knownRunIds.length} earlier ${config.workflows.pypi} run(s) noted, so the new one ` +
        `stands out).`,
    );
    return { summary: `${tag} at ${short(sha)}, pushed`, tag, sha, triggered: true };
  },
};

async function publishDraft(
  ctx: WriteContext<ReleasePorts>,
  release: { tag: string; sha: string; prerelease: boolean },
): Promise<StepOutputs> {
  const draft = draftRelease(ctx);
  // A pre-release is never "latest"; a final one is.
  const published = await ctx.writes.github.updateRelease(draft.id, {
    draft: false,
    tagName: release.tag,
    targetCommitish: release.sha,
    prerelease: release.prerelease,
    makeLatest: release.prerelease ? 'false' : 'true',
  });
  ctx.log(`Published the GitHub Release ${release.tag}: ${published.htmlUrl}`);
  return {
    summary: `released ${release.tag} at ${short(release.sha)}: ${published.htmlUrl}`,
    tag: release.tag,
    sha: release.sha,
    triggered: true,
    releasePublished: true,
    releaseUrl: published.htmlUrl,
  };
}
