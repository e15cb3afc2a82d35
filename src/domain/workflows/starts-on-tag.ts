import { matchesFilters } from './filter-pattern';
import type { WorkflowTriggers } from './workflow-analysis';

/** Whether pushing `tag` starts a run of the workflow (its `on.push` tag filters let it through). */
export function startsOnTag(triggers: WorkflowTriggers, tag: string): boolean {
  const push = triggers.push;
  return push !== undefined && push.onTags && matchesFilters(tag, push.tags, push.tagsIgnore);
}
