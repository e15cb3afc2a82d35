import { PyreleaseError } from '../../../domain/errors';
import type { ReadStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';

export const inGitRepository: ReadStep<ReleasePorts> = {
  id: 'prepare.git-repository',
  title: 'Inside a git repository',
  effect: 'read',
  async run(ctx): Promise<StepResult> {
    const top = await ctx.reads.git.topLevel();
    if (!top) {
      throw new PyreleaseError('preflight.not-a-repository', 'This directory is not inside a git repository.', {
        hint: "Run pyrelease from your project's checkout, or pass --cwd DIR.",
      });
    }
    const branch = await ctx.reads.git.currentBranch();
    return { detail: `${top}${branch ? ` on ${branch}` : ' (detached HEAD)'}` };
  },
};
