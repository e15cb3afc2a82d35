import type { StepContext } from '../../step';
import { WorkflowTriggers } from '../facts';
import type { ReleasePorts } from '../release-ports';

/** The events a publish workflow runs on, as Prepare's analysis of it recorded them. */
export function workflowEvents(ctx: StepContext<ReleasePorts>, index: 'pypi' | 'testpypi'): string[] {
  return ctx.need(WorkflowTriggers)[index];
}

/**
 * How the PyPI workflow starts: a tag push, or (only when it does not run on tags) a published
 * GitHub Release, which GitHub answers by creating the tag.
 */
export function publishTriggerOf(ctx: StepContext<ReleasePorts>): 'push' | 'release' {
  const events = workflowEvents(ctx, 'pypi');
  return !events.includes('push') && events.includes('release') ? 'release' : 'push';
}
