import type { ProjectFiles } from '../project-files.js';
import { versionSourceError } from '../version-source-error.js';
import { moduleFileCandidates } from './module-files.js';

export interface AttrModule {
  readonly file: string;
  readonly text: string;
  /** The attribute to read, e.g. `__version__` or `VERSION`. */
  readonly attribute: string;
}

/**
 * Resolves a setuptools `attr:` reference (`acme_tool.__version__`, `acme_tool.about.VERSION`)
 * to the module file that should assign it. Like setuptools' `read_attr`: the last dotted part
 * is the attribute, the rest the module (`__init__` when empty), found via `package_dir`.
 * `declared` names where the reference was written, for messages.
 */
export function findAttrModule(
  reference: string,
  packageDir: Readonly<Record<string, string>> | undefined,
  files: ProjectFiles,
  declared: { file: string; what: string },
): AttrModule {
  const parts = reference.trim().split('.');
  const attribute = parts.pop() ?? '';
  const moduleName = parts.join('.') || '__init__';
  const tried = moduleFileCandidates(moduleName, packageDir);
  for (const file of tried) {
    const text = files.read(file);
    if (text !== undefined) return { file, text, attribute };
  }
  throw versionSourceError(
    'version-source.attr-unreadable',
    `${declared.what} "${reference}" points at module ${moduleName}, but none of ${tried.join(', ')} can be read`,
    packageDir === undefined
      ? `Fix the attr reference, or if the package lives elsewhere declare it ` +
          `with [tool.setuptools.package-dir] (e.g. "" = "src"), then run ` +
          `pyrelease again.`
      : `Fix the attr reference or the package-dir mapping so it reaches the module file, then run pyrelease again.`,
    { file: declared.file },
  );
}
