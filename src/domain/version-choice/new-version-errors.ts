import { PyreleaseError } from '../errors';
import { VERSION_SPEC_URL } from '../version';

const NEVER_REUSED = 'PyPI never allows a version to be used twice, even after it was yanked or deleted';

export function invalidError(text: string, example: string): PyreleaseError {
  // JSON quoting keeps stray whitespace and control characters visible.
  return new PyreleaseError(
    'version.invalid',
    `${JSON.stringify(text)} is not a PEP 440 version; write it like ${example}.`,
    {
      hint: `Spellings such as v1.2.4 or 1.2.4-rc.1 are accepted and normalized; the rules are at ${VERSION_SPEC_URL}`,
    },
  );
}

/** PyPI's own sentence is quoted (warehouse `forklift/legacy.py`), so users can search for it. */
export function localError(version: string, publicPart: string): PyreleaseError {
  return new PyreleaseError(
    'version.local',
    `${version} is a local version, and PyPI refuses them: "The use of local versions in '${version}' is not allowed."`,
    { hint: `Release the public part, ${publicPart}, instead (drop everything from "+").` },
  );
}

export function alreadyTakenError(shown: string, where: string, suggestions: string): PyreleaseError {
  return new PyreleaseError('version.not-greater', `${shown} is ${where}; ${NEVER_REUSED}.`, {
    hint: `Pick a higher version, such as ${suggestions}.`,
  });
}

export function belowTakenError(shown: string, highest: string, where: string, suggestions: string): PyreleaseError {
  return new PyreleaseError(
    'version.not-greater',
    `${shown} is not greater than ${highest}, the highest version ${where}; a release must be ` +
      `above every tagged or published version.`,
    { hint: `Pick a version above ${highest}, such as ${suggestions}.` },
  );
}

export function belowCurrentError(shown: string, current: string, suggestions: string): PyreleaseError {
  return new PyreleaseError(
    'version.not-greater',
    `${shown} is below the project's current version ${current}; releases do not go backwards.`,
    {
      hint: `Pick ${current} itself or a higher version, such as ${suggestions}.`,
    },
  );
}

export function bumpTooSmallError(shown: string, base: string, reason: string, suggestions: string): PyreleaseError {
  return new PyreleaseError(
    'version.bump-too-small',
    `${shown} is only a patch step from ${base}, but ${reason}, so this release needs at least a minor bump.`,
    { hint: `Choose ${suggestions} instead.` },
  );
}
