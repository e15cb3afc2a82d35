import { PyreleaseError } from '../../../domain/errors';
import type { ProbeResult, ReadStep, StepResult } from '../../step';
import { pushedReleaseCommit } from './pushed-release';
import type { ReleasePorts } from '../release-ports';

export const upToDate: ReadStep<ReleasePorts> = {
  id: 'prepare.up-to-date',
  title: 'Up to date with origin (fetched, tags too)',
  effect: 'read',
  // Checked before the release commit went out; after that, origin moving on is no reason to stop.
  async probe(ctx): Promise<ProbeResult> {
    const pushed = await pushedReleaseCommit(ctx);
    return pushed
      ? { state: 'done', detail: `the release commit ${pushed.slice(0, 7)} is on origin` }
      : { state: 'todo' };
  },
  async run(ctx): Promise<StepResult> {
    const branch = await ctx.reads.session.branch();
    await ctx.reads.git.fetch('origin');
    const remote = await ctx.reads.git.resolve(`refs/remotes/origin/${branch}`);
    if (!remote) {
      throw new PyreleaseError('preflight.no-remote-branch', `origin has no branch \`${branch}\`.`, {
        hint: `Push it first: \`git push -u origin ${branch}\`.`,
      });
    }
    const head = await ctx.reads.git.resolve('HEAD');
    if (!head || !(await ctx.reads.git.isAncestor(remote, head))) {
      const missing = await ctx.reads.git.commits(head, remote);
      throw new PyreleaseError(
        'preflight.behind',
        `origin/${branch} has ${missing.length} commit(s) that are not here, e.g. "${missing[0]?.subject ?? '?'}".`,
        {
          hint: `Bring them in first: \`git pull --ff-only origin ${branch}\`.`,
        },
      );
    }
    const ahead = await ctx.reads.git.commits(remote, head);
    if (ahead.length > 0)
      ctx.warn(`${ahead.length} local commit(s) are not on origin yet; they will be pushed with the release commit.`);
    return {
      detail: ahead.length ? `${ahead.length} commit(s) ahead of origin/${branch}` : `even with origin/${branch}`,
    };
  },
};
