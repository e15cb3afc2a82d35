import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';

/**
 * How the PyPI workflow starts, from the analysis Prepare made of it: a tag push, or (only when
 * it does not run on tags) a published GitHub Release, which GitHub answers by creating the tag.
 */
export function publishTriggerOf(ctx: StepContext<ReleasePorts>): 'push' | 'release' {
  const triggers = ctx.outputsOf('prepare.workflows')?.['triggers'];
  const events = typeof triggers === 'object' && triggers !== null && !Array.isArray(triggers) ? triggers['pypi'] : undefined;
  const list = Array.isArray(events) ? events : [];
  return !list.includes('push') && list.includes('release') ? 'release' : 'push';
}
