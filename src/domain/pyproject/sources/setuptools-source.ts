import { isTable, stringAt, tableAt, valueAt, type TomlTable } from '../toml-access.js';
import { versionSourceError } from '../version-source-error.js';
import type { VersionSource, WritableVersionSource } from '../version-source.js';
import { literalSource, type DetectContext } from './detect-context.js';
import { findAttrModule } from './find-attr-module.js';
import { scmSource } from './scm-source.js';

/**
 * setuptools: `[tool.setuptools.dynamic] version = {attr = "pkg.__version__"}` or
 * `{file = "VERSION"}` (https://setuptools.pypa.io/en/latest/userguide/pyproject_config.html#dynamic-metadata),
 * else setuptools-scm. Returns undefined when setuptools declares no version provider here,
 * so the caller can look at setup.cfg.
 */
export function setuptoolsSource(context: DetectContext): VersionSource | undefined {
  const { project } = context;
  const dynamic = valueAt(tableAt(project.data, 'tool', 'setuptools', 'dynamic'), 'version');
  if (isTable(dynamic) && valueAt(dynamic, 'attr') !== undefined) return attrSource(context, dynamic);
  if (isTable(dynamic) && valueAt(dynamic, 'file') !== undefined) return fileSource(context, dynamic);
  if (dynamic !== undefined) {
    throw versionSourceError(
      'version-source.unsupported',
      '[tool.setuptools.dynamic] version is neither {attr = "…"} nor {file = "…"}',
      'Write version = {attr = "your_package.__version__"} or version = {file ' +
        '= "VERSION"} in [tool.setuptools.dynamic], then run pyrelease again.',
      { file: project.file },
    );
  }
  if (usesSetuptoolsScm(project.data, project.buildRequires)) {
    const scm = tableAt(project.data, 'tool', 'setuptools_scm');
    return scmSource(context, {
      kind: 'setuptools-scm',
      description: 'setuptools-scm: the version is the latest git tag',
      generatedFile: stringAt(scm, 'version_file') ?? stringAt(scm, 'write_to'),
      tagPattern: stringAt(scm, 'tag_regex'),
    });
  }
  return undefined;
}

/** setuptools-scm activates on a `[tool.setuptools_scm]` table (may be empty) or its build requirement. */
export function usesSetuptoolsScm(data: TomlTable, buildRequires: readonly string[]): boolean {
  return (
    tableAt(data, 'tool', 'setuptools_scm') !== undefined ||
    buildRequires.some((requirement) => /^setuptools[-_.]scm\b/i.test(requirement.trim()))
  );
}

function attrSource(context: DetectContext, dynamic: TomlTable): WritableVersionSource {
  const { project, files } = context;
  const reference = stringAt(dynamic, 'attr') ?? '';
  const module = findAttrModule(reference, packageDir(project.data), files, {
    file: project.file,
    what: '[tool.setuptools.dynamic] version attr',
  });
  return literalSource(context, {
    kind: 'setuptools-attr',
    file: module.file,
    text: module.text,
    locator: { format: 'python', name: module.attribute },
    expected: `${module.attribute} = "1.2.3"`,
    description: `setuptools attr ${reference} in ${module.file}`,
  });
}

function fileSource(context: DetectContext, dynamic: TomlTable): WritableVersionSource {
  const { project, files } = context;
  const value = valueAt(dynamic, 'file');
  // setuptools accepts one path or a list (joined); a version lives in the first.
  const path =
    typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
  if (path === undefined) {
    throw versionSourceError(
      'version-source.incomplete',
      '[tool.setuptools.dynamic] version file is not a path',
      'Write version = {file = "VERSION"} in [tool.setuptools.dynamic], then run pyrelease again.',
      { file: project.file },
    );
  }
  const text = files.read(path);
  if (text === undefined) {
    throw versionSourceError(
      'version-source.file-unreadable',
      `[tool.setuptools.dynamic] version file "${path}" cannot be read`,
      `Create ${path} containing just the version (e.g. 0.1.0), or fix the path, then run pyrelease again.`,
      { file: project.file },
    );
  }
  return literalSource(context, {
    kind: 'setuptools-file',
    file: path,
    text,
    locator: { format: 'text' },
    expected: 'the version alone (e.g. 1.2.3)',
    description: `setuptools file ${path}`,
  });
}

/**
 * `[tool.setuptools] package-dir` when it is a simple table of strings (`"" = "src"`,
 * `acme_tool = "lib/acme_tool"`); anything else is left to auto-discovery (root, then src/).
 */
function packageDir(data: TomlTable): Record<string, string> | undefined {
  const table = tableAt(data, 'tool', 'setuptools', 'package-dir');
  if (table === undefined) return undefined;
  const entries = Object.entries(table);
  if (!entries.every((entry): entry is [string, string] => typeof entry[1] === 'string')) return undefined;
  return Object.fromEntries(entries);
}
