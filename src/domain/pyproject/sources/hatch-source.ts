import { compilePythonRegex } from '../python-regex.js';
import { stringAt, tableAt, valueAt } from '../toml-access.js';
import { versionSourceError } from '../version-source-error.js';
import type { VersionSource } from '../version-source.js';
import { literalSource, type DetectContext } from './detect-context.js';
import { scmSource } from './scm-source.js';

/**
 * hatchling's default version pattern (`hatchling/version/core.py` DEFAULT_PATTERN, compiled
 * with re.MULTILINE): `__version__` or `VERSION` (any case), `=`, a quoted string, optional `v`.
 */
export const HATCH_DEFAULT_PATTERN = `(?i)^(__version__|VERSION) *= *(['"])v?(?P<version>.+?)\\2`;

/**
 * `[tool.hatch.version]`: `source` absent or "regex" → the `version` group of `pattern` in
 * `path`; "vcs" → hatch-vcs (the tag). "code", "env" and plugins compute the version by
 * running something, which pyrelease cannot rewrite. https://hatch.pypa.io/latest/version/
 */
export function hatchSource(context: DetectContext): VersionSource {
  const { project, files } = context;
  const table = tableAt(project.data, 'tool', 'hatch', 'version');
  const source = stringAt(table, 'source') ?? 'regex';
  if (source === 'vcs') {
    return scmSource(context, {
      kind: 'hatch-vcs',
      description: 'hatch-vcs: the version is the latest git tag',
      generatedFile: stringAt(tableAt(project.data, 'tool', 'hatch', 'build', 'hooks', 'vcs'), 'version-file'),
      tagPattern: stringAt(table, 'tag-pattern'),
    });
  }
  if (source !== 'regex') {
    throw versionSourceError(
      'version-source.unsupported',
      `[tool.hatch.version] source = "${source}" computes the version by running ` +
        `${source === 'code' ? 'Python code' : source === 'env' ? 'an environment lookup' : 'a plugin'}; pyrelease can neither read nor rewrite it`,
      'Use the default regex source ([tool.hatch.version] path = ' +
        '"src/pkg/__about__.py") or source = "vcs", or a static [project] ' +
        'version, then run pyrelease again.',
      { file: project.file },
    );
  }
  const path = stringAt(table, 'path');
  if (path === undefined) {
    throw versionSourceError(
      'version-source.incomplete',
      '[tool.hatch.version] has no path: hatch does not know which file holds the version',
      `Add path = "src/${project.name.replace(/[-.]/g, '_')}/__about__.py" (the file with __version__ = "…") to ` +
        `[tool.hatch.version], then run pyrelease again.`,
      { file: project.file },
    );
  }
  const custom = valueAt(table, 'pattern');
  const pattern = typeof custom === 'string' ? custom : HATCH_DEFAULT_PATTERN;
  const compiled = compilePythonRegex(pattern, 'm');
  if (!compiled.ok) {
    throw versionSourceError(
      'version-source.bad-pattern',
      `[tool.hatch.version] pattern cannot be used: ${compiled.reason}`,
      'Simplify the pattern (a named group (?P<version>…) is all hatch needs), then run pyrelease again.',
      { file: project.file },
    );
  }
  if (!/\(\?<version>/.test(compiled.regex.source)) {
    throw versionSourceError(
      'version-source.pattern-without-version-group',
      '[tool.hatch.version] pattern has no named group "version"',
      'Hatch requires one: wrap the version part of the pattern in (?P<version>…), then run pyrelease again.',
      { file: project.file },
    );
  }
  const text = files.read(path);
  if (text === undefined) {
    throw versionSourceError(
      'version-source.file-unreadable',
      `[tool.hatch.version] path "${path}" cannot be read`,
      `Create ${path} with __version__ = "0.1.0", or fix path in [tool.hatch.version], then run pyrelease again.`,
      { file: project.file },
    );
  }
  return literalSource(context, {
    kind: 'hatch-regex',
    file: path,
    text,
    locator: { format: 'regex', pattern: compiled.regex.source, flags: compiled.regex.flags, group: 'version' },
    expected:
      typeof custom === 'string'
        ? 'a version line that the pattern in [tool.hatch.version] matches'
        : '__version__ = "1.2.3"',
    description: `hatch regex${typeof custom === 'string' ? ' (custom pattern)' : ''} in ${path}`,
  });
}
