/**
 * The only way the pyproject domain sees a project's files: read one file by its path relative
 * to the project root (forward slashes), `undefined` when it does not exist or is not a file.
 * The domain stays pure (no fs); `src/adapters/project-files.ts` reads real files.
 */
export interface ProjectFiles {
  read(relativePath: string): string | undefined;
}

/** Files held in memory (tests, the sandbox, dry runs): `{ 'pyproject.toml': '...' }`. */
export function projectFilesFromRecord(files: Readonly<Record<string, string>>): ProjectFiles {
  return {
    read: (relativePath) => (Object.hasOwn(files, relativePath) ? files[relativePath] : undefined),
  };
}
