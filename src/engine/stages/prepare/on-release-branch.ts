import type { StepOutputs } from '../../journal';
import { PyreleaseError } from '../../../domain/errors';
import type { ReadStep } from '../../step';
import type { ReleasePorts } from '../release-ports';

export const onReleaseBranch: ReadStep<ReleasePorts> = {
  id: 'prepare.release-branch',
  title: 'On the release branch',
  effect: 'read',
  async run(ctx): Promise<StepOutputs> {
    const { config } = await ctx.reads.project.load();
    const branch = await ctx.reads.git.currentBranch();
    if (branch !== config.branch) {
      throw new PyreleaseError(
        'preflight.wrong-branch',
        `You are on ${branch ? `\`${branch}\`` : 'a detached HEAD'}, not \`${config.branch}\`.`,
        {
          hint:
            `Switch to it (\`git switch ${config.branch}\`), or set \`branch\` in ` +
            `[tool.pyrelease] if releases come from elsewhere.`,
        },
      );
    }
    return { summary: branch, branch };
  },
};
