import { PyreleaseError } from '../errors.js';

/**
 * Codes raised while finding or writing a version (stable: tests and `--json` rely on them).
 * Each message says what was found; each hint says what to do next.
 */
export type VersionSourceErrorCode =
  | 'version-source.missing'
  | 'version-source.not-a-string'
  | 'version-source.both-static-and-dynamic'
  | 'version-source.no-provider'
  | 'version-source.incomplete'
  | 'version-source.unsupported'
  | 'version-source.attr-unreadable'
  | 'version-source.file-unreadable'
  | 'version-source.no-assignment'
  | 'version-source.not-a-literal'
  | 'version-source.empty'
  | 'version-source.pattern-no-match'
  | 'version-source.pattern-without-version-group'
  | 'version-source.bad-pattern'
  | 'version-source.not-writable'
  | 'version-source.stale'
  | 'version-source.invalid-new-version';

export function versionSourceError(
  code: VersionSourceErrorCode,
  message: string,
  hint: string,
  where: { file: string; line?: number } = { file: 'pyproject.toml' },
): PyreleaseError {
  const location = where.line === undefined ? { file: where.file } : { file: where.file, line: where.line };
  return new PyreleaseError(code, message, { hint, location });
}
