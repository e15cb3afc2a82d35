import { PyreleaseError } from '../errors';

/** Where the rules live, for hints. */
export const VERSION_SPEC_URL = 'https://packaging.python.org/en/latest/specifications/version-specifiers/';

/** JSON quoting keeps stray whitespace and control characters visible in the message. */
function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * `text` failed the PEP 440 grammar. `subject` names what it was ("Version", "Current version"),
 * `example` is a valid spelling to copy.
 */
export function invalidVersionError(
  text: string,
  options: { subject?: string; example?: string } = {},
): PyreleaseError {
  const subject = options.subject ?? 'Version';
  const example = options.example ?? '1.2.4 or 1.3.0rc1';
  return new PyreleaseError(
    'version.invalid',
    `${subject} ${quote(text)} is not a PEP 440 version; write it like ${example}.`,
    {
      hint: `Spellings such as v1.2.3 or 1.2.3-rc.1 are accepted and normalized; the rules are at ${VERSION_SPEC_URL}`,
    },
  );
}

/**
 * PyPI refuses local versions (TECH-FACTS §1.1, warehouse `forklift/legacy.py`); the quoted
 * sentence is Warehouse's own so users can search for it.
 */
export function localVersionError(normalized: string, publicPart: string): PyreleaseError {
  return new PyreleaseError(
    'version.local',
    `${normalized} is a local version, and PyPI refuses them: "The use of local ` +
      `versions in '${normalized}' is not allowed."`,
    { hint: `Release the public part, ${publicPart}, instead (drop everything from "+").` },
  );
}

/** The requested version is not strictly above the current one (equal counts: PyPI files are immutable). */
export function notGreaterError(shown: string, current: string, equal: boolean, suggestions: string): PyreleaseError {
  const problem = equal
    ? `${shown} is the same version as the current ${current} under PEP 440 ordering ` +
      `(trailing zeros and spelling do not count)`
    : `${shown} is not greater than the current version ${current}`;
  return new PyreleaseError('version.not-greater', `${problem}; a new release needs a higher version.`, {
    hint: `Pick a version above ${current}, such as ${suggestions}.`,
  });
}

/** `final` asked of something that is already final (no pre-release or dev segment to drop). */
export function finalOfFinalError(current: string, suggestions: string): PyreleaseError {
  return new PyreleaseError(
    'version.final-of-final',
    `${current} is already a final release; "final" only finishes a pre-release (a, b, rc or .dev).`,
    { hint: `Use ${suggestions}.` },
  );
}
