import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';

/** The events a publish workflow runs on, as Prepare's analysis of it recorded them. */
export function workflowEvents(ctx: StepContext<ReleasePorts>, index: 'pypi' | 'testpypi'): string[] {
  const triggers = ctx.outputsOf('prepare.workflows')?.['triggers'];
  const events =
    typeof triggers === 'object' && triggers !== null && !Array.isArray(triggers) ? triggers[index] : undefined;
  return Array.isArray(events) ? events.filter((event): event is string => typeof event === 'string') : [];
}

/**
 * How the PyPI workflow starts: a tag push, or (only when it does not run on tags) a published
 * GitHub Release, which GitHub answers by creating the tag.
 */
export function publishTriggerOf(ctx: StepContext<ReleasePorts>): 'push' | 'release' {
  const events = workflowEvents(ctx, 'pypi');
  return !events.includes('push') && events.includes('release') ? 'release' : 'push';
}
