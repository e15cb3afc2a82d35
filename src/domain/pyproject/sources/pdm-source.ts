import { compilePythonRegex } from '../python-regex.js';
import { stringAt, tableAt } from '../toml-access.js';
import { versionSourceError } from '../version-source-error.js';
import type { VersionSource } from '../version-source.js';
import { literalSource, type DetectContext } from './detect-context.js';
import { scmSource } from './scm-source.js';

/**
 * pdm-backend's file pattern (`pdm/backend/hooks/version/__init__.py`, compiled with re.M):
 * `__version__ = "…"` with either quote and an optional trailing comment. TECH-FACTS §2 also
 * lists `VERSION = "…"` as accepted, so both names are.
 */
const PDM_DEFAULT_PATTERN = `^(?:__version__|VERSION)\\s*=\\s*["'](?P<version>.+?)["']\\s*(?:#.*)?$`;

/**
 * `[tool.pdm.version]`: `source = "file"` (with `path`), "scm" (the tag), or "call" (a
 * function pyrelease cannot run). https://backend.pdm-project.org/metadata/#dynamic-project-version
 */
export function pdmSource(context: DetectContext): VersionSource {
  const { project, files } = context;
  const table = tableAt(project.data, 'tool', 'pdm', 'version');
  const source = stringAt(table, 'source');
  if (source === 'scm') {
    return scmSource(context, {
      kind: 'pdm-scm',
      description: 'pdm-backend scm: the version is the latest git tag',
      generatedFile: stringAt(table, 'write_to'),
      tagPattern: stringAt(table, 'tag_regex'),
    });
  }
  if (source !== 'file') {
    throw versionSourceError(
      source === undefined ? 'version-source.incomplete' : 'version-source.unsupported',
      source === undefined
        ? '[tool.pdm.version] has no source'
        : `[tool.pdm.version] source = "${source}" ` +
            `computes the version by ${source === 'call' ? `calling ${stringAt(table, 'getter') ?? 'a function'}` : 'an unknown method'}; ` +
            `pyrelease can neither read nor rewrite it`,
      'Use source = "file" with path = "src/pkg/__init__.py", or source = ' +
        '"scm", or a static [project] version, then run pyrelease again.',
      { file: project.file },
    );
  }
  const path = stringAt(table, 'path');
  if (path === undefined) {
    throw versionSourceError(
      'version-source.incomplete',
      '[tool.pdm.version] source = "file" has no path',
      'Add path = "src/your_package/__init__.py" (the file with __version__ = "…"), then run pyrelease again.',
      { file: project.file },
    );
  }
  const custom = stringAt(table, 'pattern');
  const compiled = compilePythonRegex(custom ?? PDM_DEFAULT_PATTERN, 'm');
  if (!compiled.ok) {
    throw versionSourceError(
      'version-source.bad-pattern',
      `[tool.pdm.version] pattern cannot be used: ${compiled.reason}`,
      'Simplify the pattern to one capturing group around the version, then run pyrelease again.',
      { file: project.file },
    );
  }
  const text = files.read(path);
  if (text === undefined) {
    throw versionSourceError(
      'version-source.file-unreadable',
      `[tool.pdm.version] path "${path}" cannot be read`,
      `Create ${path} with __version__ = "0.1.0", or fix path in [tool.pdm.version], then run pyrelease again.`,
      { file: project.file },
    );
  }
  return literalSource(context, {
    kind: 'pdm-file',
    file: path,
    text,
    // A custom pattern has one group, named or not.
    locator: {
      format: 'regex',
      pattern: compiled.regex.source,
      flags: compiled.regex.flags,
      group: /\(\?<version>/.test(compiled.regex.source) ? 'version' : 1,
    },
    expected: '__version__ = "1.2.3"',
    description: `pdm-backend file ${path}`,
  });
}
