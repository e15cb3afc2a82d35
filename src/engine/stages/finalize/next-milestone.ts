import { formatTag } from '../../../domain/tags';
import { bumpVersion, parseVersion } from '../../../domain/version';
import type { ProbeResult, StepContext, WriteStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { ChosenVersion, NextMilestone } from '../facts';

/** The next patch after the release (after `1.2.0rc1` comes `1.2.0`), named as its tag will be. */
async function nextTitle(ctx: StepContext<ReleasePorts>): Promise<{ title: string; version: string }> {
  const { config } = await ctx.reads.session.project();
  const { version } = ctx.need(ChosenVersion);
  const next = parseVersion(version)?.isPrerelease ? bumpVersion(version, 'final') : bumpVersion(version, 'patch');
  return { title: formatTag(config.tagFormat, next), version: next };
}

/** Stage 6: a milestone for what comes next, unless one of that name exists (open or closed). */
export const nextMilestone: WriteStep<ReleasePorts> = {
  id: 'finalize.milestone',
  title: 'Open the next milestone',
  effect: 'write',
  needs: [ChosenVersion],
  gives: [NextMilestone],
  async probe(ctx): Promise<ProbeResult> {
    const { title } = await nextTitle(ctx);
    const existing = (await ctx.reads.github.milestones('all')).find((milestone) => milestone.title === title);
    if (!existing) return { state: 'todo' };
    await ctx.give(NextMilestone, { title, url: existing.htmlUrl });
    return { state: 'done', detail: `${title} exists (${existing.state}): ${existing.htmlUrl}` };
  },
  async describe(ctx) {
    return [`create the milestone ${(await nextTitle(ctx)).title}`];
  },
  async run(ctx): Promise<StepResult> {
    const { title, version } = await nextTitle(ctx);
    const milestone = await ctx.writes.github.createMilestone({ title, description: `What goes into ${version}.` });
    await ctx.give(NextMilestone, { title, url: milestone.htmlUrl });
    return { detail: `${title}: ${milestone.htmlUrl}` };
  },
};
