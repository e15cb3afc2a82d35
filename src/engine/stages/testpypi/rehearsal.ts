import { PyreleaseError } from '../../../domain/errors';
import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';

/**
 * The release candidate being rehearsed: the publish step moves it on when the user retries with
 * the next one, so its record wins over the first choice.
 */
export function rehearsalVersion(ctx: StepContext<ReleasePorts>): string {
  const moved = ctx.outputsOf('testpypi.publish')?.['version'];
  if (typeof moved === 'string') return moved;
  const chosen = ctx.outputsOf('testpypi.candidate')?.['version'];
  if (typeof chosen === 'string') return chosen;
  throw new PyreleaseError(
    'journal.missing-candidate',
    'No release candidate has been chosen for the TestPyPI dry run yet.',
    {
      hint: 'Run `pyrelease --resume` so the choice comes first.',
    },
  );
}
