// Public API of the version step: the menu of next versions and the check of a typed-in one.
export { versionChoices, type ChoiceKind, type VersionChoice } from './version-choices';
export { checkNewVersion, type NewVersion, type NewVersionRules } from './check-new-version';
export { takenVersions, whereTaken, type TakenVersion, type VersionSource } from './taken-version';
