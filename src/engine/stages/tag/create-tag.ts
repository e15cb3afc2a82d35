import { PyreleaseError } from '../../../domain/errors';
import { canonicalizeVersion } from '../../../domain/version';
import type { ProbeResult, StepContext, StepResult, WriteContext, WriteStep } from '../../step';
import { ChosenVersion, DraftRelease, PublishTrigger, ReleaseCommit, WorkflowTriggers } from '../facts';
import type { ReleasePorts } from '../release-ports';
import { publishTriggerOf, workflowEvents } from '../shared/publish-trigger';
import { triggerRecord } from '../shared/started-run';
import { tagAndPush } from '../shared/tag-and-push';
import { versionAtCommit } from './version-at-commit';

type Ctx = StepContext<ReleasePorts>;

const short = (sha: string) => sha.slice(0, 7);

/** Whether the published GitHub Release becomes the repository's "latest" (never for a pre-release). */
export function makeLatest(options: { latest: boolean }, prerelease: boolean): 'true' | 'false' {
  return options.latest && !prerelease ? 'true' : 'false';
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
export function createTag(options: { latest: boolean }): WriteStep<ReleasePorts> {
  return {
    id: 'tag.create',
    title: 'Tag the release commit',
    effect: 'write',
    needs: [ChosenVersion, ReleaseCommit, DraftRelease, WorkflowTriggers],
    gives: [PublishTrigger],
    asks: ['tag.confirm'],
    async probe(ctx): Promise<ProbeResult> {
      const { version, tag } = ctx.need(ChosenVersion);
      const sha = ctx.need(ReleaseCommit).sha;
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
        const { config } = await ctx.reads.session.project();
        return {
          state: 'blocked',
          reason:
            `${config.workflows.pypi} runs on ${events.join(', ') || 'no event'}, not on a pushed tag or ` +
            `a published release, so a tag ` +
            `would start nothing.`,
          hint:
            `Let it run on tags (\`on: push: tags\`; \`pyrelease init\` writes such ` +
            `a workflow), commit, then \`pyrelease --resume\`.`,
        };
      }
      if (publishTriggerOf(ctx) === 'release') {
        const published = await ctx.reads.github.releaseByTag(tag);
        if (published && !published.draft) {
          await ctx.give(PublishTrigger, {
            ...ctx.get(PublishTrigger),
            tag,
            sha,
            pushed: true,
            releaseUrl: published.htmlUrl,
          });
          return { state: 'done', detail: `the release ${tag} is published: ${published.htmlUrl}` };
        }
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
      // Where publishing the release starts the workflow, a tag pushed by hand does not: the draft is still to publish.
      if (state.remote && publishTriggerOf(ctx) === 'push') {
        // What was recorded before the push stays: the publish run is found by it.
        await ctx.give(PublishTrigger, { ...ctx.get(PublishTrigger), tag, sha, pushed: true });
        return { state: 'done', detail: `${tag} is on origin at ${short(sha)}` };
      }
      return {
        state: 'todo',
        ...(state.local ? { detail: `${tag} exists locally at ${short(sha)}; it still has to be pushed` } : {}),
      };
    },
    async describe(ctx) {
      const { tag } = ctx.need(ChosenVersion);
      const at = ctx.get(ReleaseCommit)?.sha.slice(0, 7) ?? 'the release commit';
      const { config } = await ctx.reads.session.project();
      if (publishTriggerOf(ctx) === 'release')
        return [
          `publish the draft GitHub Release ${tag} at ${at} (GitHub ` +
            `creates the tag; it starts ${config.workflows.pypi})`,
        ];
      const commit = at === 'the release commit' ? '<release commit>' : at;
      return [
        `git tag ${config.signTags ? '-s' : '-a'} ${tag} ${commit} -m "Release ${ctx.need(ChosenVersion).version}"`,
        `git push origin refs/tags/${tag}:refs/tags/${tag} (starts ${config.workflows.pypi})`,
      ];
    },
    async run(ctx): Promise<StepResult> {
      const { config } = await ctx.reads.session.project();
      const { version, tag, prerelease } = ctx.need(ChosenVersion);
      const sha = ctx.need(ReleaseCommit).sha;
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
      const trigger =
        ctx.get(PublishTrigger)?.trigger ??
        (await triggerRecord(ctx, {
          workflow: config.workflows.pypi,
          event: viaRelease ? 'release' : 'push',
          headSha: sha,
        }));
      await ctx.give(PublishTrigger, { trigger, tag, sha });
      if (viaRelease) return publishDraft(ctx, { tag, sha, prerelease, latest: makeLatest(options, prerelease) });

      await tagAndPush(
        ctx,
        { name: tag, sha, message: `Release ${version}`, sign: config.signTags },
        { elsewhere: 'tag.elsewhere', refused: 'tag.push-refused' },
      );
      await ctx.give(PublishTrigger, { trigger, tag, sha, pushed: true });
      ctx.log(
        `Pushed ${tag} to origin (${trigger.knownRunIds.length} earlier ${config.workflows.pypi} ` +
          `run(s) noted, so the new one ` +
          `stands out).`,
      );
      return { detail: `${tag} at ${short(sha)}, pushed` };
    },
  };
}

async function publishDraft(
  ctx: WriteContext<ReleasePorts>,
  release: { tag: string; sha: string; prerelease: boolean; latest: 'true' | 'false' },
): Promise<StepResult> {
  const draft = ctx.need(DraftRelease);
  const published = await ctx.writes.github.updateRelease(draft.id, {
    draft: false,
    tagName: release.tag,
    targetCommitish: release.sha,
    prerelease: release.prerelease,
    makeLatest: release.latest,
  });
  ctx.log(`Published the GitHub Release ${release.tag}: ${published.htmlUrl}`);
  await ctx.give(PublishTrigger, {
    ...ctx.get(PublishTrigger),
    tag: release.tag,
    sha: release.sha,
    pushed: true,
    releaseUrl: published.htmlUrl,
  });
  return { detail: `released ${release.tag} at ${short(release.sha)}: ${published.htmlUrl}` };
}
