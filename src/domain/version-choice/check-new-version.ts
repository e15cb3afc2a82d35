import {
  bumpVersion,
  classifyBump,
  compareVersions,
  parseVersion,
  requireVersion,
  type Pep440Version,
} from '../version';
import {
  alreadyTakenError,
  belowCurrentError,
  belowTakenError,
  bumpTooSmallError,
  invalidError,
  localError,
} from './new-version-errors';
import { whereTaken, type TakenVersion } from './taken-version';

export interface NewVersionRules {
  /** The project's version now (pyproject.toml or wherever it lives). */
  readonly current: string;
  /** Every tag version and every version on PyPI and TestPyPI, yanked ones included. */
  readonly taken: readonly TakenVersion[];
  /** From support's minimumBumpFor(). */
  readonly minimumBump?: 'minor';
  /** Why, worded to follow "but": support's minimumBumpReason(). */
  readonly minimumBumpReason?: string;
}

export interface NewVersion {
  /** PEP 440 normal form. */
  readonly version: string;
  /** What the user wrote, when it differs from the normal form (`v1.2.0` for `1.2.0`). */
  readonly normalizedFrom?: string;
}

interface Taken {
  readonly parsed: Pep440Version;
  readonly entry: TakenVersion;
}

const DEFAULT_REASON = 'the supported Python versions changed since the last tag';

function parseTaken(taken: readonly TakenVersion[]): Taken[] {
  return taken.flatMap((entry) => {
    const parsed = parseVersion(entry.version);
    return parsed ? [{ parsed, entry }] : [];
  });
}

function highestOf<T>(items: readonly T[], version: (item: T) => Pep440Version): T | undefined {
  return items.reduce<T | undefined>(
    (best, item) => (best === undefined || compareVersions(version(item), version(best)) > 0 ? item : best),
    undefined,
  );
}

/** "1.2.4, 1.2.4rc1 or 1.3.0": the next patch, candidate and minor above `v`, without repeats. */
function suggestionsAbove(v: Pep440Version): string {
  const list = [...new Set((['patch', 'rc', 'minor'] as const).map((kind) => bumpVersion(v, kind)))];
  const last = list.pop() ?? '';
  return list.length > 0 ? `${list.join(', ')} or ${last}` : last;
}

/**
 * Validates a version the maintainer asked for, in the order the problems matter: PEP 440 at
 * all (`version.invalid`), public (`version.local`), above everything tagged or published and not
 * below the current version (`version.not-greater`; equal to the current version is fine when it
 * is not taken yet: the maintainer may have written it already), and at least a minor step from
 * the last final release when support changed (`version.bump-too-small`).
 */
export function checkNewVersion(text: string, rules: NewVersionRules): NewVersion {
  const current = requireVersion(rules.current, 'Current version');
  const requested = parseVersion(text);
  if (!requested) throw invalidError(text, `${bumpVersion(current, 'patch')} or ${bumpVersion(current, 'rc')}`);
  const written = text.trim();
  const shown = written === requested.text ? requested.text : `${written} (normal form ${requested.text})`;
  if (requested.hasLocal) throw localError(requested.text, requested.public);

  const taken = parseTaken(rules.taken);
  const highest = highestOf(taken, (item) => item.parsed);
  if (highest && compareVersions(requested, highest.parsed) <= 0) {
    const same = taken.find((item) => compareVersions(item.parsed, requested) === 0);
    if (same) {
      const spelling = same.parsed.text === requested.text ? '' : ` as ${same.parsed.text}`;
      throw alreadyTakenError(shown, `${whereTaken(same.entry)}${spelling}`, suggestionsAbove(highest.parsed));
    }
    throw belowTakenError(shown, highest.parsed.text, whereTaken(highest.entry), suggestionsAbove(highest.parsed));
  }
  if (compareVersions(requested, current) < 0) throw belowCurrentError(shown, current.text, suggestionsAbove(current));

  if (rules.minimumBump === 'minor') {
    // "Since the last tag": measured from the newest final release, not from a dev or rc version.
    const base = highestOf(
      taken.filter((item) => !item.parsed.isPrerelease),
      (item) => item.parsed,
    );
    const step = base === undefined ? undefined : classifyBump(base.parsed, requested);
    if (base && step !== 'minor' && step !== 'major') {
      const top = highestOf([current, ...taken.map((item) => item.parsed)], (v) => v) ?? current;
      const suggestions = `${bumpVersion(top, 'minor')} (minor) or ${bumpVersion(top, 'major')} (major)`;
      throw bumpTooSmallError(shown, base.parsed.text, rules.minimumBumpReason ?? DEFAULT_REASON, suggestions);
    }
  }
  return written === requested.text
    ? { version: requested.text }
    : { version: requested.text, normalizedFrom: written };
}
