// Public API of the PEP 440 version model; the rest of the folder is implementation.
export {
  canonicalizeVersion,
  compareVersions,
  isNormalizedVersion,
  isValidVersion,
  maxVersion,
  normalizeVersion,
  parseVersion,
  requireVersion,
  type Pep440Version,
  type PreLabel,
  type VersionInput,
  type VersionParts,
} from './pep440';
export { BUMP_KINDS, bumpVersion, isBumpKind, resolveRequestedVersion, type BumpKind } from './bump';
export {
  classifyBump,
  isBreakingBump,
  nextFreeCandidate,
  requiresMigrationNotes,
  toSemver,
  type BumpClass,
} from './policy';
export { VERSION_SPEC_URL } from './version-errors';
