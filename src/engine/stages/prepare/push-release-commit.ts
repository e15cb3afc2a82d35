import type { StepOutputs } from '../../journal';
import { PyreleaseError } from '../../../domain/errors';
import type { ProbeResult, StepContext, WriteContext, WriteStep } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { chosenVersion } from './outputs';
import { pushedReleaseCommit } from './pushed-release';

type Ctx = StepContext<ReleasePorts>;

async function mergedPullRequest(ctx: Ctx): Promise<{ sha: string; number: number } | undefined> {
  const number = ctx.outputsOf('prepare.push')?.['pullRequest'];
  if (typeof number !== 'number') return undefined;
  const pull = await ctx.reads.github.pullRequest(number);
  return pull?.merged && pull.mergeCommitSha ? { sha: pull.mergeCommitSha, number } : undefined;
}

/** Waits until the maintainer (or their reviewers) merge the release pull request. */
async function waitForMerge(ctx: WriteContext<ReleasePorts>, number: number, url: string): Promise<string> {
  let announced = false;
  for (;;) {
    const pull = await ctx.reads.github.pullRequest(number);
    if (pull?.merged && pull.mergeCommitSha) return pull.mergeCommitSha;
    if (pull?.state === 'closed') {
      throw new PyreleaseError('push.pull-request-closed', `Pull request #${number} was closed without being merged.`, {
        hint: `Reopen and merge it (${url}), then run \`pyrelease --resume\`.`,
      });
    }
    if (!announced) ctx.log(`Waiting for pull request #${number} to be merged: ${url}`);
    announced = true;
    await ctx.reads.clock.sleep(ctx.reads.pacing.pollIntervalMs, ctx.signal);
  }
}

/** The release commit on origin: pushed, or merged through a pull request when the branch is protected. */
export const pushReleaseCommit: WriteStep<ReleasePorts> = {
  id: 'prepare.push',
  needs: ['prepare.bump-commit'],
  title: 'Push the release commit',
  effect: 'write',
  async probe(ctx): Promise<ProbeResult> {
    const merged = await mergedPullRequest(ctx);
    if (merged) {
      await ctx.reads.git.fetch('origin');
      return {
        state: 'done',
        detail: `merged in pull request #${merged.number}`,
        outputs: { sha: merged.sha, pullRequest: merged.number },
      };
    }
    if (typeof ctx.outputsOf('prepare.push')?.['pullRequest'] === 'number') return { state: 'todo' };
    const pushed = await pushedReleaseCommit(ctx);
    if (pushed)
      return {
        state: 'done',
        detail: `the release commit ${pushed.slice(0, 7)} is on origin`,
        outputs: { sha: pushed },
      };
    const { config } = await ctx.reads.project.load();
    await ctx.reads.git.fetch('origin');
    const head = await ctx.reads.git.resolve('HEAD');
    const remote = await ctx.reads.git.resolve(`refs/remotes/origin/${config.branch}`);
    if (head && remote && head === remote)
      return { state: 'done', detail: `origin/${config.branch} is at ${head.slice(0, 7)}`, outputs: { sha: head } };
    return { state: 'todo' };
  },
  async describe(ctx) {
    const { config } = await ctx.reads.project.load();
    return [`git push origin HEAD:refs/heads/${config.branch}`];
  },
  async run(ctx): Promise<StepOutputs> {
    const { config } = await ctx.reads.project.load();
    const { version, tag } = chosenVersion(ctx);
    const head = await ctx.reads.git.resolve('HEAD');
    if (!head) throw new PyreleaseError('push.no-head', 'HEAD does not name a commit.');
    const recorded = ctx.outputsOf('prepare.push')?.['pullRequest'];
    if (typeof recorded === 'number') {
      const url = String(ctx.outputsOf('prepare.push')?.['pullRequestUrl'] ?? `#${recorded}`);
      const sha = await waitForMerge(ctx, recorded, url);
      await ctx.reads.git.fetch('origin');
      return { summary: `merged in pull request #${recorded} (${sha.slice(0, 7)})`, sha, pullRequest: recorded };
    }
    const go = await ctx.ask({
      kind: 'confirm',
      id: 'push.confirm',
      message: `Push the release commit ${head.slice(0, 7)} to origin/${config.branch}?`,
      default: true,
    });
    if (!go)
      throw new PyreleaseError('push.declined', 'The release commit was not pushed.', {
        hint: 'Run `pyrelease --resume` when you are ready to push it.',
      });
    const outcome = await ctx.writes.git.push('origin', `HEAD:refs/heads/${config.branch}`);
    if (outcome.ok) return { summary: `origin/${config.branch} at ${head.slice(0, 7)}`, sha: head };
    if (!outcome.protected) {
      throw new PyreleaseError('push.refused', `origin refused the push:\n${outcome.message}`, {
        hint: 'Pull or fix what it says, then run `pyrelease --resume`.',
      });
    }
    const branch = `release/${tag}`;
    const viaPull = await ctx.ask({
      kind: 'confirm',
      id: 'push.pull-request',
      message: `${config.branch} is protected. Push ${branch} and open a pull request for it?`,
      default: true,
    });
    if (!viaPull)
      throw new PyreleaseError('push.protected', `origin refused the push to the protected ${config.branch}.`, {
        hint: 'Merge the release commit through a pull request yourself, then run `pyrelease --resume`.',
      });
    const pushed = await ctx.writes.git.push('origin', `HEAD:refs/heads/${branch}`);
    if (!pushed.ok)
      throw new PyreleaseError('push.refused', `origin refused ${branch}:\n${pushed.message}`, {
        hint: 'Fix what it says, then run `pyrelease --resume`.',
      });
    const pull = await ctx.writes.github.createPullRequest({
      title: `Release ${version}`,
      head: branch,
      base: config.branch,
      body: `The release commit of ${version}, opened by pyrelease. Merge it to continue the release.`,
    });
    await ctx.record({ pullRequest: pull.number, pullRequestUrl: pull.htmlUrl });
    const sha = await waitForMerge(ctx, pull.number, pull.htmlUrl);
    await ctx.reads.git.fetch('origin');
    return {
      summary: `merged in pull request #${pull.number} (${sha.slice(0, 7)})`,
      sha,
      pullRequest: pull.number,
      pullRequestUrl: pull.htmlUrl,
    };
  },
};
