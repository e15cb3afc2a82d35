import { findPythonAssignment } from '../find-python-assignment.js';
import { stringAt, tableAt } from '../toml-access.js';
import { versionSourceError } from '../version-source-error.js';
import type { WritableVersionSource } from '../version-source.js';
import { literalSource, type DetectContext } from './detect-context.js';
import { joinPath } from './module-files.js';

/** Files of a package flit reads `__version__` from, most authoritative first (`__init__.py` wins). */
const PACKAGE_VERSION_FILES = ['__init__.py', 'version.py', '_version.py', '__version__.py'];

/**
 * flit_core: the import name is `[tool.flit.module] name`, else the project name with `-`
 * turned into `_` (flit_core/config.py `read_pep621_metadata`); the package or single-file
 * module sits next to pyproject.toml or under `src/`; `__version__` is read as a plain string
 * from `__init__.py`, else from version.py/_version.py/__version__.py (flit_core/common.py).
 */
export function flitSource(context: DetectContext): WritableVersionSource {
  const { project, files } = context;
  const moduleName =
    stringAt(tableAt(project.data, 'tool', 'flit', 'module'), 'name') ?? project.name.replace(/-/g, '_');
  const modulePath = moduleName.split('.');
  const tried: string[] = [];
  for (const root of ['', 'src']) {
    const packageDir = joinPath([root, ...modulePath]);
    const candidates =
      files.read(`${packageDir}/__init__.py`) !== undefined
        ? PACKAGE_VERSION_FILES.map((name) => `${packageDir}/${name}`)
        : [`${packageDir}.py`];
    for (const file of candidates) {
      const text = files.read(file);
      tried.push(file);
      if (text === undefined || findPythonAssignment(text, '__version__').found !== 'literal') continue;
      return literalSource(context, {
        kind: 'flit',
        file,
        text,
        locator: { format: 'python', name: '__version__' },
        expected: '__version__ = "1.2.3"',
        description: `flit module ${moduleName}, __version__ in ${file}`,
      });
    }
  }
  const found = tried.filter((file) => files.read(file) !== undefined);
  if (found.length === 0) {
    throw versionSourceError(
      'version-source.attr-unreadable',
      `flit takes the version from module ${moduleName}, but none of ${tried.join(', ')} can be read`,
      `Create ${moduleName.replace(/\./g, '/')}/__init__.py (or src/…) with __version__ = "0.1.0", or set ` +
        `[tool.flit.module] name to the import name, then run pyrelease again.`,
      { file: project.file },
    );
  }
  throw versionSourceError(
    'version-source.no-assignment',
    `flit takes the version from module ${moduleName}, but ${found.join(', ')} has no module-level ` +
      `__version__ = "…" string`,
    `Add __version__ = "0.1.0" at the top level of ${found[0] ?? 'the module'} (a plain string: flit ` +
      `reads it without importing), then run pyrelease again.`,
    { file: found[0] ?? project.file },
  );
}
