/*
 * Next-version arithmetic on PEP 440 versions. Every result is strictly greater than the input
 * under PEP 440 ordering (TECH-FACTS §1.3), public (no `+local`: PyPI rejects those, §1.1) and in
 * normal form.
 *
 * Release tuples: a bump that starts a new release line uses three parts (`1.0` + patch → `1.0.1`,
 * `1.2.3.4` + patch → `1.2.4`); a move along the current line keeps the release as written
 * (`1.0rc1` + rc → `1.0rc2`, + final → `1.0`). A local label on the *current* version (a
 * setuptools-scm working copy, `1.2.4.dev3+g1a2b3c`) is ignored: the result never carries one.
 */
import {
  buildVersion,
  compareVersions,
  parseVersion,
  requireVersion,
  type Pep440Version,
  type VersionInput,
  type VersionParts,
} from './pep440';
import { finalOfFinalError, invalidVersionError, localVersionError, notGreaterError } from './version-errors';
import { PyreleaseError } from '../errors';

export type BumpKind = 'patch' | 'minor' | 'major' | 'rc' | 'final' | 'dev';

export const BUMP_KINDS: readonly BumpKind[] = ['patch', 'minor', 'major', 'rc', 'final', 'dev'];

export function isBumpKind(text: string): text is BumpKind {
  return (BUMP_KINDS as readonly string[]).includes(text);
}

type Level = 'patch' | 'minor' | 'major';

function onRelease(from: Pep440Version, release: readonly number[], extra: Partial<VersionParts> = {}): Pep440Version {
  return buildVersion({
    epoch: from.epoch,
    release,
    pre: undefined,
    post: undefined,
    dev: undefined,
    local: undefined,
    ...extra,
  });
}

/** The final release of the line `v` sits on (`1.2.3rc1` → `1.2.3`, epoch kept). */
function finalOfLine(v: Pep440Version): Pep440Version {
  return onRelease(v, v.release);
}

/** True once the line's final is out: a final, a post-release, or a dev of a post-release. */
function isPastFinal(v: Pep440Version): boolean {
  return compareVersions(v, finalOfLine(v)) >= 0;
}

function threeParts(v: Pep440Version): [number, number, number] {
  return [v.release[0] ?? 0, v.release[1] ?? 0, v.release[2] ?? 0];
}

/**
 * The lowest `level` release above `v`. For a final that is the usual increment; for a pre-release
 * of that very level it is its own final, because PEP 440 puts `2.0.0rc2 < 2.0.0`: `2.0.0rc2` + major
 * → `2.0.0`, `1.3.0rc1` + minor → `1.3.0`, `1.2.3.dev0` + patch → `1.2.3`, but `1.2.3rc1` + minor → `1.3.0`.
 */
function nextAtLevel(v: Pep440Version, level: Level): Pep440Version {
  const [x, y, z] = threeParts(v);
  const line = level === 'major' ? [x, 0, 0] : level === 'minor' ? [x, y, 0] : [x, y, z];
  const own = onRelease(v, line);
  if (compareVersions(own, v) > 0) {
    // Same line as `v` (only trailing zeros differ): keep the release as the project wrote it.
    return compareVersions(own, finalOfLine(v)) === 0 ? finalOfLine(v) : own;
  }
  const next = level === 'major' ? [x + 1, 0, 0] : level === 'minor' ? [x, y + 1, 0] : [x, y, z + 1];
  return onRelease(v, next);
}

/** `rc`: first candidate of the next patch after a final; else the next rc on the current line. */
function nextCandidate(v: Pep440Version): Pep440Version {
  if (isPastFinal(v)) return onRelease(v, nextAtLevel(v, 'patch').release, { pre: ['rc', 1] });
  // a/b and .devN lead to rc1; rcN leads to rcN itself when that is still ahead (`rc1.dev0` → `rc1`).
  const n = v.pre?.[0] === 'rc' ? v.pre[1] : 1;
  const same = onRelease(v, v.release, { pre: ['rc', n] });
  return compareVersions(same, v) > 0 ? same : onRelease(v, v.release, { pre: ['rc', n + 1] });
}

/** `final`: drop the dev segment, and the pre segment (with any post of it) when there is one. */
function finalize(v: Pep440Version): Pep440Version {
  if (!v.isPrerelease) {
    throw finalOfFinalError(v.public, suggestLevels(v));
  }
  return v.pre ? finalOfLine(v) : onRelease(v, v.release, { post: v.post });
}

/** `dev`: next dev of a dev release; dev0 of the next pre-release; else dev0 of the next patch. */
function nextDev(v: Pep440Version): Pep440Version {
  if (v.dev !== undefined) return onRelease(v, v.release, { pre: v.pre, post: v.post, dev: v.dev + 1 });
  if (v.pre) return onRelease(v, v.release, { pre: [v.pre[0], v.pre[1] + 1], dev: 0 });
  return onRelease(v, nextAtLevel(v, 'patch').release, { dev: 0 });
}

function nextVersion(v: Pep440Version, kind: BumpKind): Pep440Version {
  switch (kind) {
    case 'patch':
    case 'minor':
    case 'major':
      return nextAtLevel(v, kind);
    case 'rc':
      return nextCandidate(v);
    case 'final':
      return finalize(v);
    case 'dev':
      return nextDev(v);
    default:
      throw new PyreleaseError('version.bump-kind', `Unknown bump kind ${JSON.stringify(kind)}.`, {
        kind: 'usage',
        hint: `Use one of: ${BUMP_KINDS.join(', ')}.`,
      });
  }
}

/** "patch (1.2.4), minor (1.3.0) or major (2.0.0)" for `v`, for hints. */
function suggestLevels(v: Pep440Version): string {
  const [patch, minor, major] = (['patch', 'minor', 'major'] as const).map(
    (level) => `${level} (${nextAtLevel(v, level).text})`,
  );
  return `${patch}, ${minor} or ${major}`;
}

/**
 * The version after `current` for a bump kind, in normal form. Throws `version.invalid` for an
 * unparseable current version and `version.final-of-final` for `final` on a final release.
 */
export function bumpVersion(current: VersionInput, kind: BumpKind): string {
  return nextVersion(requireVersion(current, 'Current version'), kind).text;
}

/**
 * What the user asked for, as the normalized version to release: a bump kind (case-insensitive)
 * or an explicit version in any PEP 440 spelling (`v1.3.0-RC.1` → `1.3.0rc1`). Throws
 * `version.invalid`, `version.local` (PyPI rejects local versions) or `version.not-greater`
 * (must be strictly above `current`; messages show the normal form when it differs from the text).
 */
export function resolveRequestedVersion(current: VersionInput, request: string): string {
  const currentVersion = requireVersion(current, 'Current version');
  const kind = request.trim().toLowerCase();
  if (isBumpKind(kind)) return nextVersion(currentVersion, kind).text;

  const requested = requireRequested(currentVersion, request);
  const shown =
    request.trim() === requested.text ? requested.text : `${request.trim()} (normal form ${requested.text})`;
  if (requested.hasLocal) throw localVersionError(requested.text, requested.public);
  const order = compareVersions(requested, currentVersion);
  if (order <= 0) throw notGreaterError(shown, currentVersion.text, order === 0, suggestLevels(currentVersion));
  return requested.text;
}

function requireRequested(current: Pep440Version, request: string): Pep440Version {
  const parsed = parseVersion(request);
  if (parsed) return parsed;
  const example = `${nextAtLevel(current, 'patch').text} or ${nextCandidate(current).text}`;
  throw invalidVersionError(request, { example });
}
