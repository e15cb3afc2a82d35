import { floorsDiffer } from './python-floor';
import type { SupportChange } from './support-change';

/** The change that demands a minor bump, if any (see minimumBumpFor). */
function demanding(changes: readonly SupportChange[]): SupportChange | undefined {
  return changes.find((change) =>
    change.kind === 'requires-python'
      ? floorsDiffer(change.before, change.after)
      : change.kind === 'classifier' && change.before !== undefined && change.after === undefined,
  );
}

/**
 * At least a minor bump when the oldest supported Python moves (the `requires-python` floor,
 * raised or lowered: both change who can install, which a patch release must not do) or a Python
 * version classifier is dropped. Adding a classifier, an upper bound, or a dependency change alone
 * does not.
 */
export function minimumBumpFor(changes: readonly SupportChange[]): 'minor' | undefined {
  return demanding(changes) === undefined ? undefined : 'minor';
}

/** Why minimumBumpFor asked for a minor bump, worded to follow "but …" in an error message. */
export function minimumBumpReason(changes: readonly SupportChange[]): string | undefined {
  const change = demanding(changes);
  if (change === undefined) return undefined;
  if (change.kind === 'classifier') return `${change.description.replace(/^The/, 'the')} since the last tag`;
  return `requires-python changed since the last tag ("${change.before ?? 'not set'}" → "${change.after ?? 'not set'}")`;
}
