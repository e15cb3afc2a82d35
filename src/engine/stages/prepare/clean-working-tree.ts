import { PyreleaseError } from '../../../domain/errors';
import type { ReadStep } from '../../step';
import type { ReleasePorts } from '../release-ports';

export const cleanWorkingTree: ReadStep<ReleasePorts> = {
  id: 'prepare.clean-tree',
  title: 'Working tree is clean',
  effect: 'read',
  async run(ctx) {
    const changes = await ctx.reads.git.status();
    if (changes.length > 0) {
      const shown = changes.slice(0, 10).map((line) => `  ${line}`).join('\n');
      const more = changes.length > 10 ? `\n  … and ${changes.length - 10} more` : '';
      throw new PyreleaseError('preflight.dirty-tree', `The working tree has uncommitted changes:\n${shown}${more}`, {
        hint: 'Commit or stash them (`git stash -u`), then run pyrelease again: a release is built from committed code only.',
      });
    }
    return { summary: 'nothing to commit' };
  },
};
