import type { DispatchInput, PushTrigger, ReleaseTrigger, WorkflowTriggers } from './workflow-analysis';

type Mapping = Readonly<Record<string, unknown>>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own keys only: a job or input called `constructor` is data. */
export function field(value: unknown, key: string): unknown {
  return isMapping(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/**
 * Reads the value of `on:` in every form GitHub accepts: a single event (`on: push`), a list
 * (`on: [push, workflow_dispatch]`) or a mapping whose values may be empty (`workflow_dispatch:`).
 */
export function parseTriggers(on: unknown): WorkflowTriggers {
  const events: Mapping =
    typeof on === 'string'
      ? { [on]: null }
      : Array.isArray(on)
        ? Object.fromEntries(on.map((event) => [text(event), null]))
        : isMapping(on)
          ? on
          : {};
  const has = (event: string): boolean => Object.hasOwn(events, event);
  return {
    events: Object.keys(events),
    push: has('push') ? parsePush(events['push']) : undefined,
    release: has('release') ? parseRelease(events['release']) : undefined,
    workflowDispatch: has('workflow_dispatch')
      ? { inputs: parseInputs(field(events['workflow_dispatch'], 'inputs')) }
      : undefined,
  };
}

/** A filter list; GitHub also takes a single string. */
function list(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return (Array.isArray(value) ? value : [value]).map(text);
}

/**
 * `String(value)`; but YAML can give a mapping whose keys hide `toString` and `valueOf`
 * (`tags: [{toString: 1}]`), which `String` cannot convert: that reads as `[object Object]`, as
 * any other mapping does, instead of throwing out of the analysis.
 */
function text(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * GitHub: with only tag filters a push to a branch starts nothing, with only branch filters a tag
 * push starts nothing, and with no filter at all both do ("Using filters", workflow syntax docs).
 */
function parsePush(config: unknown): PushTrigger {
  const tags = list(field(config, 'tags'));
  const tagsIgnore = list(field(config, 'tags-ignore'));
  const branches = list(field(config, 'branches'));
  const branchesIgnore = list(field(config, 'branches-ignore'));
  const tagFilter = tags !== undefined || tagsIgnore !== undefined;
  const branchFilter = branches !== undefined || branchesIgnore !== undefined;
  const anyPositive = (patterns: readonly string[] | undefined): boolean =>
    patterns === undefined || patterns.some((p) => !p.startsWith('!'));
  return {
    tags,
    tagsIgnore,
    branches,
    branchesIgnore,
    onTags: tagFilter ? anyPositive(tags) : !branchFilter,
    onBranches: branchFilter ? anyPositive(branches) : !tagFilter,
  };
}

function parseRelease(config: unknown): ReleaseTrigger {
  const types = list(field(config, 'types'));
  return { types, published: types === undefined || types.includes('published') };
}

function parseInputs(inputs: unknown): DispatchInput[] {
  if (!isMapping(inputs)) return [];
  return Object.keys(inputs).map((name) => {
    const input = inputs[name];
    const fallback = field(input, 'default');
    const description = field(input, 'description');
    return {
      name,
      type: typeof field(input, 'type') === 'string' ? String(field(input, 'type')) : 'string',
      description: typeof description === 'string' ? description : undefined,
      default:
        typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean'
          ? fallback
          : undefined,
      options: list(field(input, 'options')) ?? [],
      required: field(input, 'required') === true,
    };
  });
}
