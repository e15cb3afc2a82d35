import { compareVersions } from '../version';
import type { ParsedPyproject } from '../pyproject';
import { normalizeSpecifiers } from './normalize-specifiers';
import { parseRequirement } from './parse-requirement';
import type { SupportChange } from './support-change';

type Support = Pick<ParsedPyproject, 'requiresPython' | 'dependencies' | 'classifiers'>;

const PYTHON_CLASSIFIER = /^Programming Language\s*::\s*Python\s*::\s*(\d+\.\d+)\s*$/;

function requiresPythonChange(before: string | undefined, after: string | undefined): SupportChange[] {
  const same =
    (before === undefined ? undefined : normalizeSpecifiers(before)) ===
    (after === undefined ? undefined : normalizeSpecifiers(after));
  if (same) return [];
  if (before === undefined)
    return [
      { kind: 'requires-python', description: `requires-python is now "${after ?? ''}" (it was not set)`, after },
    ];
  if (after === undefined)
    return [{ kind: 'requires-python', description: `requires-python was removed (it was "${before}")`, before }];
  return [
    { kind: 'requires-python', description: `requires-python changed from "${before}" to "${after}"`, before, after },
  ];
}

/** Dependencies by PEP 503 name; a name listed twice (different markers) keeps every entry. */
function byName(dependencies: readonly string[]): Map<string, { raw: string[]; normalized: string[] }> {
  const map = new Map<string, { raw: string[]; normalized: string[] }>();
  for (const raw of dependencies) {
    const requirement = parseRequirement(raw);
    const entry = map.get(requirement.key) ?? { raw: [], normalized: [] };
    entry.raw.push(raw.trim());
    entry.normalized.push(requirement.normalized);
    map.set(requirement.key, entry);
  }
  return map;
}

function dependencyChanges(before: readonly string[], after: readonly string[]): SupportChange[] {
  const old = byName(before);
  const now = byName(after);
  const names = [...new Set([...old.keys(), ...now.keys()])].sort();
  return names.flatMap((name): SupportChange[] => {
    const a = old.get(name);
    const b = now.get(name);
    const was = a?.raw.join(' | ');
    const is = b?.raw.join(' | ');
    if (!a) return [{ kind: 'dependency', description: `New dependency: ${is ?? name}`, after: is }];
    if (!b) return [{ kind: 'dependency', description: `Dependency removed: ${was ?? name}`, before: was }];
    if ([...a.normalized].sort().join('\n') === [...b.normalized].sort().join('\n')) return [];
    return [
      {
        kind: 'dependency',
        description: `Dependency ${name} changed: ${was ?? ''} → ${is ?? ''}`,
        before: was,
        after: is,
      },
    ];
  });
}

function pythonClassifiers(classifiers: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const classifier of classifiers) {
    const version = PYTHON_CLASSIFIER.exec(classifier)?.[1];
    if (version !== undefined) map.set(version, classifier.trim());
  }
  return map;
}

function classifierChanges(before: readonly string[], after: readonly string[]): SupportChange[] {
  const old = pythonClassifiers(before);
  const now = pythonClassifiers(after);
  const versions = [...new Set([...old.keys(), ...now.keys()])].sort(compareVersions);
  return versions.flatMap((version): SupportChange[] => {
    const was = old.get(version);
    const is = now.get(version);
    if (was !== undefined && is === undefined)
      return [{ kind: 'classifier', description: `The Python ${version} classifier was removed`, before: was }];
    if (was === undefined && is !== undefined)
      return [{ kind: 'classifier', description: `The Python ${version} classifier was added`, after: is }];
    return [];
  });
}

/**
 * What changed in the supported environment since the last tag: `requires-python`, dependencies
 * (added, removed, bounds or markers changed; formatting and name spelling ignored) and the
 * `Programming Language :: Python :: X.Y` classifiers. Without a previous pyproject.toml (no tag
 * yet) there is nothing to compare, so nothing changed.
 */
export function compareSupport(before: Support | undefined, after: Support): SupportChange[] {
  if (before === undefined) return [];
  return [
    ...requiresPythonChange(before.requiresPython, after.requiresPython),
    ...dependencyChanges(before.dependencies, after.dependencies),
    ...classifierChanges(before.classifiers, after.classifiers),
  ];
}
