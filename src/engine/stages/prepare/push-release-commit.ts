import { PyreleaseError } from '../../../domain/errors';
import type { ProbeResult, StepContext, StepResult, WriteContext, WriteStep } from '../../step';
import { ChosenVersion, ReleaseCommit, ReleasePullRequest, VersionCommit } from '../facts';
import type { ReleasePorts } from '../release-ports';
import { pushedReleaseCommit } from './pushed-release';
import { waitingNotice } from '../shared/waiting-notice';

type Ctx = StepContext<ReleasePorts>;

async function mergedPullRequest(ctx: Ctx): Promise<{ sha: string; number: number } | undefined> {
  const recorded = ctx.get(ReleasePullRequest);
  if (!recorded) return undefined;
  const pull = await ctx.reads.github.pullRequest(recorded.number);
  return pull?.merged && pull.mergeCommitSha ? { sha: pull.mergeCommitSha, number: recorded.number } : undefined;
}

/** Waits until the maintainer (or their reviewers) merge the release pull request. */
async function waitForMerge(ctx: WriteContext<ReleasePorts>, number: number, url: string): Promise<string> {
  const notice = waitingNotice(ctx);
  for (;;) {
    const pull = await ctx.reads.github.pullRequest(number);
    if (pull?.merged && pull.mergeCommitSha) return pull.mergeCommitSha;
    if (pull?.state === 'closed') {
      throw new PyreleaseError('push.pull-request-closed', `Pull request #${number} was closed without being merged.`, {
        hint: `Reopen and merge it (${url}), then run \`pyrelease --resume\`.`,
      });
    }
    notice(`pull request #${number} to be merged: ${url}`);
    await ctx.reads.clock.sleep(ctx.reads.pacing.pollIntervalMs, ctx.signal);
  }
}

/** The release commit on origin: pushed, or merged through a pull request when the branch is protected. */
export const pushReleaseCommit: WriteStep<ReleasePorts> = {
  id: 'prepare.push',
  title: 'Push the release commit',
  effect: 'write',
  needs: [ChosenVersion, VersionCommit],
  gives: [ReleaseCommit, ReleasePullRequest],
  asks: ['push.confirm', 'push.pull-request'],
  async probe(ctx): Promise<ProbeResult> {
    const merged = await mergedPullRequest(ctx);
    if (merged) {
      await ctx.reads.git.fetch('origin');
      await ctx.give(ReleaseCommit, { sha: merged.sha });
      return { state: 'done', detail: `merged in pull request #${merged.number}` };
    }
    if (ctx.get(ReleasePullRequest)) return { state: 'todo' };
    const pushed = await pushedReleaseCommit(ctx);
    if (pushed) {
      await ctx.give(ReleaseCommit, { sha: pushed });
      return { state: 'done', detail: `the release commit ${pushed.slice(0, 7)} is on origin` };
    }
    const branch = await ctx.reads.session.branch();
    await ctx.reads.git.fetch('origin');
    const head = await ctx.reads.git.resolve('HEAD');
    const remote = await ctx.reads.git.resolve(`refs/remotes/origin/${branch}`);
    if (head && remote && head === remote) {
      await ctx.give(ReleaseCommit, { sha: head });
      return { state: 'done', detail: `origin/${branch} is at ${head.slice(0, 7)}` };
    }
    return { state: 'todo' };
  },
  async describe(ctx) {
    return [`git push origin HEAD:refs/heads/${await ctx.reads.session.branch()}`];
  },
  async run(ctx): Promise<StepResult> {
    const target = await ctx.reads.session.branch();
    const { version, tag } = ctx.need(ChosenVersion);
    const head = await ctx.reads.git.resolve('HEAD');
    if (!head) throw new PyreleaseError('push.no-head', 'HEAD does not name a commit.');
    const recorded = ctx.get(ReleasePullRequest);
    if (recorded) return merged(ctx, recorded);
    const go = await ctx.ask({
      kind: 'confirm',
      id: 'push.confirm',
      message: `Push the release commit ${head.slice(0, 7)} to origin/${target}?`,
      default: true,
    });
    if (!go) {
      throw new PyreleaseError('push.declined', 'The release commit was not pushed.', {
        hint: 'Run `pyrelease --resume` when you are ready to push it.',
      });
    }
    const outcome = await ctx.writes.git.push('origin', `HEAD:refs/heads/${target}`);
    if (outcome.ok) {
      await ctx.give(ReleaseCommit, { sha: head });
      return { detail: `origin/${target} at ${head.slice(0, 7)}` };
    }
    if (!outcome.protected) {
      throw new PyreleaseError('push.refused', `origin refused the push:\n${outcome.message}`, {
        hint: 'Pull or fix what it says, then run `pyrelease --resume`.',
      });
    }
    const branch = `release/${tag}`;
    const viaPull = await ctx.ask({
      kind: 'confirm',
      id: 'push.pull-request',
      message: `${target} is protected. Push ${branch} and open a pull request for it?`,
      default: true,
    });
    if (!viaPull) {
      throw new PyreleaseError('push.protected', `origin refused the push to the protected ${target}.`, {
        hint: 'Merge the release commit through a pull request yourself, then run `pyrelease --resume`.',
      });
    }
    const pushed = await ctx.writes.git.push('origin', `HEAD:refs/heads/${branch}`);
    if (!pushed.ok) {
      throw new PyreleaseError('push.refused', `origin refused ${branch}:\n${pushed.message}`, {
        hint: 'Fix what it says, then run `pyrelease --resume`.',
      });
    }
    const pull = await ctx.writes.github.createPullRequest({
      title: `Release ${version}`,
      head: branch,
      base: target,
      body: `The release commit of ${version}, opened by pyrelease. Merge it to continue the release.`,
    });
    const opened = { number: pull.number, url: pull.htmlUrl };
    await ctx.give(ReleasePullRequest, opened);
    return merged(ctx, opened);
  },
};

/** The release commit once the pull request is merged: the merge commit. */
async function merged(ctx: WriteContext<ReleasePorts>, pull: { number: number; url: string }): Promise<StepResult> {
  const sha = await waitForMerge(ctx, pull.number, pull.url);
  await ctx.reads.git.fetch('origin');
  await ctx.give(ReleaseCommit, { sha });
  return { detail: `merged in pull request #${pull.number} (${sha.slice(0, 7)})` };
}
