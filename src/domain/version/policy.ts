/*
 * Semantic-versioning policy on top of PEP 440: how big a step is, and whether it needs migration
 * notes. The size comes from `semver.diff` on a semver rendering of each version; ordering always
 * stays PEP 440's (semver cannot express `.dev` before `a`, nor post-releases).
 */
import { diff } from 'semver';
import {
  buildVersion,
  compareVersions,
  parseVersion,
  requireVersion,
  type Pep440Version,
  type VersionInput,
} from './pep440';
import { PyreleaseError } from '../errors';

export type BumpClass = 'major' | 'minor' | 'patch' | 'prerelease' | 'none';

function mainOf(v: Pep440Version): [number, number, number] {
  return [v.release[0] ?? 0, v.release[1] ?? 0, v.release[2] ?? 0];
}

/**
 * The semver spelling of a PEP 440 version, for measuring steps: `1.0.0rc1` → `1.0.0-rc.1`,
 * `1.0.0.dev2` → `1.0.0-dev.2`, `1.0` → `1.0.0`. Only a version that sorts *below* its own X.Y.Z
 * gets a semver pre-release; what semver has no slot for (a fourth release part, a post-release, a
 * dev of a post-release, the local label) goes to build metadata, which semver ignores for order:
 * `1.0.0.post1` → `1.0.0+post.1`, `1.2.3.4rc1` → `1.2.3+4.rc.1`. The epoch is dropped.
 */
export function toSemver(input: VersionInput): string {
  const v = requireVersion(input);
  const main = mainOf(v);
  const before = compareVersions(v, finalOf({ ...v, release: main })) < 0;
  const tail = [
    ...(v.pre ? [v.pre[0], String(v.pre[1])] : []),
    ...(v.post === undefined ? [] : ['post', String(v.post)]),
    ...(v.dev === undefined ? [] : ['dev', String(v.dev)]),
  ];
  const build = [...v.release.slice(3).map(String), ...(before ? [] : tail), ...(v.local ? v.local.split('.') : [])];
  return `${main.join('.')}${before ? `-${tail.join('.')}` : ''}${build.length ? `+${build.join('.')}` : ''}`;
}

/**
 * How big the step `from` → `to` is. `none` when `to` is not above `from`; an epoch change is
 * `major`. Otherwise `semver.diff`, with its pre-variants folded into their level (`1.2.3` →
 * `2.0.0rc1` is `major`: that rc carries the breaking change) and `prerelease` kept for moves along
 * one X.Y.Z (`1.0.0rc1` → `1.0.0rc2`). Finishing a pre-release counts at the level it releases,
 * as semver does (`1.0.0rc1` → `1.0.0` is `major`, `1.2.0rc1` → `1.2.0` `minor`). Steps semver
 * cannot see (post-releases, a fourth release part) are `patch`, or `prerelease` when `to` is one.
 */
export function classifyBump(from: VersionInput, to: VersionInput): BumpClass {
  const a = requireVersion(from);
  const b = requireVersion(to);
  if (compareVersions(b, a) <= 0) return 'none';
  if (a.epoch !== b.epoch) return 'major';
  const step = diff(toSemver(a), toSemver(b));
  switch (step) {
    case 'major':
    case 'premajor':
      return 'major';
    case 'minor':
    case 'preminor':
      return 'minor';
    case 'patch':
    case 'prepatch':
      return 'patch';
    case 'prerelease':
      return 'prerelease';
    default:
      return b.isPrerelease ? 'prerelease' : 'patch';
  }
}

/**
 * Breaking under semver conventions: a major step, or a minor step on a `0.x` line (semver §4:
 * "Major version zero … anything MAY change"; caret ranges treat `0.y` as the compatibility unit).
 */
export function isBreakingBump(from: VersionInput, to: VersionInput): boolean {
  const step = classifyBump(from, to);
  return step === 'major' || (step === 'minor' && mainOf(requireVersion(from))[0] === 0);
}

/** Release notes must carry migration notes exactly when the step is breaking. */
export function requiresMigrationNotes(from: VersionInput, to: VersionInput): boolean {
  return isBreakingBump(from, to);
}

/**
 * The next release candidate for `base` (a final `X.Y.Z`) given the versions already on the index
 * (any spelling; unparseable ones are ignored): `X.Y.Zrc1`, or the lowest `rcN` above every
 * pre-release of that line already taken, so candidates never go backwards (`rc1`, `rc3` taken →
 * `rc4`; `rc2.dev0` taken → `rc2`). Lines compare by PEP 440, so `1.2.3.0rc1` counts for `1.2.3`.
 * Throws `version.invalid` when `base` is not a plain final release and `version.not-greater` when
 * that final (or a post-release of it) is already taken: any candidate would sort below it.
 */
export function nextFreeCandidate(base: string, taken: readonly string[]): string {
  const line = requireVersion(base, 'Base version');
  if (line.pre || line.post !== undefined || line.dev !== undefined || line.local !== undefined) {
    throw new PyreleaseError(
      'version.invalid',
      `Base version ${line.text} is not a plain final release such as ${line.baseVersion}.`,
      {
        hint: `Pass the release the candidate leads to, e.g. ${line.baseVersion}.`,
      },
    );
  }
  const sameLine = taken
    .map(parseVersion)
    .filter((v): v is Pep440Version => v !== undefined && compareVersions(finalOf(v), line) === 0);
  const released = sameLine.find((v) => compareVersions(v, line) >= 0);
  if (released) {
    throw new PyreleaseError(
      'version.not-greater',
      `${released.text} is already taken, and a release candidate of ${line.text} would sort below it.`,
      { hint: `Prepare a later release instead, such as ${nextPatch(line)}.` },
    );
  }
  const n = Math.max(1, ...sameLine.map((v) => lowestCandidateAbove(line, v)));
  return candidate(line, n).text;
}

function candidate(line: Pep440Version, n: number): Pep440Version {
  return buildVersion({ ...line, pre: ['rc', n] });
}

/** `rcN` is above `rcN.devM` but not above `rcN` or `rcN.postM`; a, b and dev-only lead to rc1. */
function lowestCandidateAbove(line: Pep440Version, v: Pep440Version): number {
  if (v.pre?.[0] !== 'rc') return 1;
  const n = v.pre[1];
  return compareVersions(candidate(line, n), v) > 0 ? n : n + 1;
}

function finalOf(v: Pep440Version): Pep440Version {
  return buildVersion({ ...v, pre: undefined, post: undefined, dev: undefined, local: undefined });
}

function nextPatch(v: Pep440Version): string {
  const [x, y, z] = mainOf(v);
  return buildVersion({ ...v, release: [x, y, z + 1] }).text;
}
