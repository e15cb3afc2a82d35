// Public API of the release-notes domain: collect entries, classify them, draft and check the notes.
export type { NoteEntry, SectionId } from './note-entry';
export { parseGeneratedNotes } from './parse-generated-notes';
export { entriesFromCommits, type CommitSubject, type EntriesFromCommitsOptions } from './entries-from-commits';
export { classifyEntry, labelOfHeading, normalizeLabel } from './classify-entry';
export { displayTitle, readConventionalTitle, type ConventionalTitle } from './conventional-title';
export { SECTION_TITLES, sectionIdOf } from './section-titles';
export { draftReleaseNotes, type DraftReleaseNotesInput } from './draft-release-notes';
export { checkReleaseNotes, type ReleaseNotesRequirements } from './check-release-notes';
export { isSectionEmpty, sectionsOf, type ReleaseNotesSection } from './sections-of';
