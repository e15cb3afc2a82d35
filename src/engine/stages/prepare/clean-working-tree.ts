import { PyreleaseError } from '../../../domain/errors';
import type { ReadStep, StepResult } from '../../step';
import { ChosenVersion } from '../facts';
import type { ReleasePorts } from '../release-ports';

export const cleanWorkingTree: ReadStep<ReleasePorts> = {
  id: 'prepare.clean-tree',
  title: 'Working tree is clean',
  effect: 'read',
  async run(ctx): Promise<StepResult> {
    let changes = await ctx.reads.git.status();
    // An interrupted run may have written the version and not committed it yet: that change is ours.
    const versionFile = ctx.get(ChosenVersion)?.file;
    if (typeof versionFile === 'string' && changes.length === 1 && changes[0] === ` M ${versionFile}`) {
      ctx.log(`${versionFile} holds the version written by the interrupted run; it will be committed.`);
      changes = [];
    }
    if (changes.length > 0) {
      const shown = changes
        .slice(0, 10)
        .map((line) => `  ${line}`)
        .join('\n');
      const more = changes.length > 10 ? `\n  … and ${changes.length - 10} more` : '';
      throw new PyreleaseError('preflight.dirty-tree', `The working tree has uncommitted changes:\n${shown}${more}`, {
        hint:
          'Commit or stash them (`git stash -u`), then run pyrelease again: a ' +
          'release is built from committed code only.',
      });
    }
    return { detail: 'nothing to commit' };
  },
};
