import type { StepContext } from '../../step';
import { ReleaseCommit } from '../facts';
import type { ReleasePorts } from '../release-ports';

/**
 * The release commit, once pushed and still on origin's release branch. From then on Prepare's
 * checks of the working tree and the version are history: the branch may move on (a teammate's
 * merge, the next development version) without the release moving with it.
 */
export async function pushedReleaseCommit(ctx: StepContext<ReleasePorts>): Promise<string | undefined> {
  const sha = ctx.get(ReleaseCommit)?.sha;
  if (sha === undefined) return undefined;
  const branch = await ctx.reads.session.branch();
  await ctx.reads.git.fetch('origin');
  const remote = await ctx.reads.git.resolve(`refs/remotes/origin/${branch}`);
  return remote !== undefined && (remote === sha || (await ctx.reads.git.isAncestor(sha, remote))) ? sha : undefined;
}
