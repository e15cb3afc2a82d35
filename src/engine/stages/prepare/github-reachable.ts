import type { ReadStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';

export const githubReachable: ReadStep<ReleasePorts> = {
  id: 'prepare.github',
  title: 'GitHub reachable with your token',
  effect: 'read',
  async run(ctx): Promise<StepResult> {
    const repository = await ctx.reads.repository();
    // A cheap read that needs the token's access to the repository.
    await ctx.reads.github.listReleases(1);
    return { detail: `${repository.owner}/${repository.repo}` };
  },
};
