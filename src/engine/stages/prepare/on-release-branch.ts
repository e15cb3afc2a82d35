import { PyreleaseError } from '../../../domain/errors';
import type { ReadStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';

export const onReleaseBranch: ReadStep<ReleasePorts> = {
  id: 'prepare.release-branch',
  title: 'On the release branch',
  effect: 'read',
  async run(ctx): Promise<StepResult> {
    const wanted = await ctx.reads.session.branch();
    const branch = await ctx.reads.git.currentBranch();
    if (branch !== wanted) {
      throw new PyreleaseError(
        'preflight.wrong-branch',
        `You are on ${branch ? `\`${branch}\`` : 'a detached HEAD'}, not \`${wanted}\`.`,
        {
          hint:
            `Switch to it (\`git switch ${wanted}\`), or set \`branch\` in ` +
            `[tool.pyrelease] if releases come from elsewhere.`,
        },
      );
    }
    return { detail: branch };
  },
};
