import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { PyreleaseError } from '../domain/errors';
import type { ProjectFiles } from '../domain/pyproject/project-files.js';

/**
 * Reads a project's files relative to `root` for the pyproject domain (which never touches
 * the disk itself). Text is returned exactly as stored, UTF-8, with CRLF and any BOM intact,
 * so a rewrite can preserve every other byte. Missing files, directories and paths that
 * would leave `root` read as `undefined`; other failures (permissions) are thrown.
 */
export function projectFilesAt(root: string): ProjectFiles {
  return {
    read(relativePath) {
      const absolute = resolve(root, relativePath);
      const inside = relative(root, absolute);
      if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
      try {
        return readFileSync(absolute, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
        throw new PyreleaseError(
          'project.unreadable',
          `${relativePath} cannot be read (${code ?? (error as Error).message}).`,
          {
            location: { file: relativePath },
            hint: `Check the file's permissions and links (\`ls -l ${relativePath}\`), then run pyrelease again.`,
            cause: error,
          },
        );
      }
    },
  };
}
