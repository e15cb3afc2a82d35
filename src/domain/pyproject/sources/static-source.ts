import { describeTomlType, tableAt, valueAt } from '../toml-access.js';
import { versionSourceError } from '../version-source-error.js';
import type { WritableVersionSource } from '../version-source.js';
import { literalSource, type DetectContext } from './detect-context.js';

/** PEP 621 `[project] version = "1.4.0"` (also written `project.version = …` or inline). */
export function staticSource(context: DetectContext): WritableVersionSource {
  const { project } = context;
  return tomlVersionSource(context, ['project', 'version'], 'static', `static version in ${project.file} [project]`);
}

/** A `version` string at `keyPath` of pyproject.toml, located in the text for rewriting. */
export function tomlVersionSource(
  context: DetectContext,
  keyPath: readonly [string, ...string[]],
  kind: 'static' | 'poetry',
  description: string,
): WritableVersionSource {
  const { project } = context;
  const table = tableAt(project.data, ...keyPath.slice(0, -1));
  const key = keyPath.join('.');
  const value = valueAt(table, keyPath[keyPath.length - 1] ?? 'version');
  if (typeof value !== 'string') {
    const header = `[${keyPath.slice(0, -1).join('.')}]`;
    throw versionSourceError(
      value === undefined ? 'version-source.missing' : 'version-source.not-a-string',
      value === undefined
        ? `${project.file} ${header} has no version`
        : `${key} must be a string, found ${describeTomlType(value)}`,
      `Write it as version = "1.2.3" (quoted) in ${header} of ${project.file}, then run pyrelease again.`,
      { file: project.file },
    );
  }
  return literalSource(context, {
    kind,
    file: project.file,
    text: project.text,
    locator: { format: 'toml', keyPath },
    expected: `version = "${value}"`,
    description,
  });
}
