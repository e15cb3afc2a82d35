/**
 * Where a Python module's source file may be, relative to the project root, in the order the
 * build backend looks. setuptools (`setuptools/config/expand.py`, `find_package_path` and
 * `_find_module`): the most specific `package_dir` entry wins, `""` maps the root, then
 * `<path>.py` before `<path>/__init__.py`. Without `package_dir` setuptools' auto-discovery
 * accepts the flat layout and the `src/` layout, so both are tried.
 */
export function moduleFileCandidates(
  moduleName: string,
  packageDir: Readonly<Record<string, string>> | undefined,
): string[] {
  const parts = moduleName.split('.');
  const roots = packageDir === undefined ? [[...parts], ['src', ...parts]] : [mappedPath(parts, packageDir)];
  return roots.flatMap((path) => {
    const base = joinPath(path);
    return [`${base}.py`, joinPath([...path, '__init__.py'])];
  });
}

function mappedPath(parts: string[], packageDir: Readonly<Record<string, string>>): string[] {
  for (let length = parts.length; length > 0; length -= 1) {
    const prefix = parts.slice(0, length).join('.');
    const mapped = packageDir[prefix];
    if (mapped !== undefined) return [...splitPath(mapped), ...parts.slice(length)];
  }
  return [...splitPath(packageDir[''] ?? ''), ...parts];
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}

export function joinPath(parts: string[]): string {
  return parts.filter((part) => part !== '' && part !== '.').join('/');
}
