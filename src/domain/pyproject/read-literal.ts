import { locateVersion } from './locate-version.js';
import type { TextSpan } from './text-span.js';
import { versionSourceError } from './version-source-error.js';
import type { VersionLocator } from './version-source.js';

/**
 * The version literal in `text` (the contents of `file`), or a PyreleaseError that names the
 * file and what was expected there. `expected` reads like `__version__ = "…"`.
 */
export function readLiteral(
  text: string,
  file: string,
  locator: VersionLocator,
  expected: string,
): { literal: string; span: TextSpan } {
  const located = locateVersion(locator, text);
  if (located.ok) return located;
  const where = located.line === undefined ? { file } : { file, line: located.line };
  if (located.problem === 'empty') {
    return fail(
      'version-source.empty',
      `the version in ${file} is empty`,
      `Write the current version there (${expected}), then run pyrelease again.`,
      where,
    );
  }
  if (located.problem === 'not-literal') {
    return fail(
      'version-source.not-a-literal',
      `${file} sets the version with ${located.detail ?? 'an expression'}, not one plain string literal`,
      `Write it as ${expected} so build tools and pyrelease can read it without ` +
        `running code, then run pyrelease again.`,
      where,
    );
  }
  if (locator.format === 'toml') {
    const key = locator.keyPath.join('.');
    return fail(
      'version-source.missing',
      `could not find the string value of ${key} in the text of ${file}`,
      `Write it as ${expected}, then run pyrelease again.`,
      where,
    );
  }
  if (locator.format === 'regex') {
    return fail(
      'version-source.pattern-no-match',
      `the version pattern matched nothing in ${file}${located.detail ? ` (${located.detail})` : ''}`,
      `Add ${expected.startsWith('a ') ? expected : `a line like ${expected}`} to ${file}, or fix the pattern in ` +
        `pyproject.toml, then run ` +
        `pyrelease again.`,
      where,
    );
  }
  return fail(
    'version-source.no-assignment',
    `${file} has no module-level ${expected} assignment`,
    `Add ${expected} at the top level of ${file} (not inside an if/try block, not ` +
      `imported from elsewhere), then run pyrelease again.`,
    where,
  );
}

function fail(
  code: Parameters<typeof versionSourceError>[0],
  message: string,
  hint: string,
  where: { file: string; line?: number },
): never {
  throw versionSourceError(code, message, hint, where);
}
