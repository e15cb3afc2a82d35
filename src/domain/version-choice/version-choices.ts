import { isPyreleaseError } from '../errors';
import {
  bumpVersion,
  classifyBump,
  nextFreeCandidate,
  requireVersion,
  requiresMigrationNotes,
  type BumpClass,
} from '../version';
import { checkNewVersion, type NewVersionRules } from './check-new-version';

export type ChoiceKind = 'patch' | 'minor' | 'major' | 'rc';

export interface VersionChoice {
  readonly kind: ChoiceKind;
  readonly version: string;
  /** classifyBump(current, version). */
  readonly bumpClass: BumpClass;
  /** A major step, or a minor one on 0.x: the release notes need a Migration notes section. */
  readonly migrationNotesRequired: boolean;
  /** Why this choice cannot be released (checkNewVersion's message); absent when it can. */
  readonly refusedBecause?: string;
}

const KINDS: readonly ChoiceKind[] = ['patch', 'minor', 'major', 'rc'];

/**
 * The release candidate to offer: the next `rcN` of the line `bumpVersion(current, 'rc')` lands on
 * (the next patch after a final, the current line for a pre-release), skipping every candidate
 * already taken, since TestPyPI keeps refused candidates forever too. When the line's final is
 * already out, the plain bump stands and checkNewVersion explains why it is refused.
 */
function candidateFor(rules: NewVersionRules): string {
  const naive = bumpVersion(rules.current, 'rc');
  try {
    return nextFreeCandidate(requireVersion(naive).baseVersion, [
      rules.current,
      ...rules.taken.map((taken) => taken.version),
    ]);
  } catch (error) {
    if (isPyreleaseError(error)) return naive;
    throw error;
  }
}

function refusal(version: string, rules: NewVersionRules): string | undefined {
  try {
    checkNewVersion(version, rules);
    return undefined;
  } catch (error) {
    if (isPyreleaseError(error)) return error.message;
    throw error;
  }
}

/**
 * The menu of the version step: patch, minor, major and release candidate, each with its semver
 * class and, when it cannot be released, the reason (the same rules as a custom version).
 */
export function versionChoices(rules: NewVersionRules): VersionChoice[] {
  return KINDS.map((kind) => {
    const version = kind === 'rc' ? candidateFor(rules) : bumpVersion(rules.current, kind);
    const refusedBecause = refusal(version, rules);
    return {
      kind,
      version,
      bumpClass: classifyBump(rules.current, version),
      migrationNotesRequired: requiresMigrationNotes(rules.current, version),
      ...(refusedBecause === undefined ? {} : { refusedBecause }),
    };
  });
}
