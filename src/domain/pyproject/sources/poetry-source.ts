import { isTable, tableAt, valueAt } from '../toml-access.js';
import { versionSourceError } from '../version-source-error.js';
import type { WritableVersionSource } from '../version-source.js';
import type { DetectContext } from './detect-context.js';
import { tomlVersionSource } from './static-source.js';

/**
 * Poetry 1 (`[tool.poetry] version`, no `[project]`) and Poetry 2 with `dynamic = ["version"]`
 * and the base version in `[tool.poetry] version` (TECH-FACTS §2, shapes G and H).
 */
export function poetrySource(context: DetectContext): WritableVersionSource {
  const { project } = context;
  // poetry-dynamic-versioning replaces the version with one derived from git tags at build
  // time; the `[tool.poetry] version` left in the file is only a placeholder (often "0.0.0").
  const plugin = tableAt(project.data, 'tool', 'poetry-dynamic-versioning');
  if (isTable(plugin) && valueAt(plugin, 'enable') === true) {
    throw versionSourceError(
      'version-source.unsupported',
      `${project.file} enables poetry-dynamic-versioning ([tool.poetry-dynamic-versioning] ` +
        `enable = true): the version comes from git tags through a Poetry plugin ` +
        `pyrelease does not support`,
      'Either disable the plugin and keep the version in [tool.poetry] ' +
        'version, or switch to a supported source (static [project] version, ' +
        'hatch-vcs, setuptools-scm), then run pyrelease again.',
      { file: project.file },
    );
  }
  const kind = project.metadataSource === 'poetry' ? 'Poetry 1' : 'Poetry 2 base';
  return tomlVersionSource(
    context,
    ['tool', 'poetry', 'version'],
    'poetry',
    `${kind} version in ${project.file} [tool.poetry]`,
  );
}
