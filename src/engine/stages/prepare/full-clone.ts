import { PyreleaseError } from '../../../domain/errors';
import { UNSHALLOW_COMMAND } from '../../../domain/shallow-clone';
import type { ReadStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';

/**
 * A shallow clone lacks older commits and the tags on them: the latest release, the version of a project
 * versioned by its tags and the release notes would all be read wrong, and later git commands would fail
 * on missing commits. Checked before `prepare.project` reads the tags. Like `prepare.git-repository` it has
 * no probe, so every session checks again.
 *
 * It stops and names the command rather than running it: fetching the whole history can be large and slow,
 * and is the user's call.
 */
export const fullClone: ReadStep<ReleasePorts> = {
  id: 'prepare.full-clone',
  title: 'A full clone, with every tag',
  effect: 'read',
  async run(ctx): Promise<StepResult> {
    if (await ctx.reads.git.isShallow()) {
      throw new PyreleaseError(
        'preflight.shallow',
        'This is a shallow clone: older commits and their tags are missing, so the latest release, the version ' +
          'and the release notes cannot be read from its history.',
        { hint: `Fetch the rest with \`${UNSHALLOW_COMMAND}\`, then run pyrelease again.` },
      );
    }
    return { detail: 'not shallow' };
  },
};
