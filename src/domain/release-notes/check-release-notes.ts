import { listPaths } from './list-paths';
import type { SectionId } from './note-entry';
import { SECTION_TITLES } from './section-titles';
import { isSectionEmpty, sectionsOf } from './sections-of';

export interface ReleaseNotesRequirements {
  /** Files under the configured performance paths changed since the last tag. */
  readonly performanceRequired: boolean;
  /** The changed files, named in the message (up to five). */
  readonly performancePaths?: readonly string[];
  /** requiresMigrationNotes(previous, version). */
  readonly migrationRequired: boolean;
}

function problem(section: SectionId, present: boolean, because: string, fix: string): string {
  const title = SECTION_TITLES[section];
  return present
    ? `The "${title}" section is empty, but ${because}. ${fix}`
    : `The "${title}" section is missing, but ${because}. ` +
        `Add a "## ${title}" section: ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`;
}

/**
 * What is wrong with edited release notes, one sentence each; empty means they may be saved.
 * A required section counts when any `##` heading names it (`## Performance` will do) and it
 * holds more than comments, whitespace or `- None.`.
 */
export function checkReleaseNotes(markdown: string, requirements: ReleaseNotesRequirements): string[] {
  const sections = sectionsOf(markdown);
  const state = (id: SectionId) => {
    const matching = sections.filter((section) => section.id === id);
    return { present: matching.length > 0, filled: matching.some((section) => !isSectionEmpty(section.body)) };
  };
  const problems: string[] = [];
  const paths = requirements.performancePaths ?? [];
  const performance = state('performance');
  if (requirements.performanceRequired && !performance.filled) {
    problems.push(
      problem(
        'performance',
        performance.present,
        `files under the configured performance paths changed${paths.length > 0 ? `: ${listPaths(paths)}` : ''}`,
        'Describe the performance impact (speed, memory, benchmarks), or say why there is none.',
      ),
    );
  }
  const migration = state('migration');
  if (requirements.migrationRequired && !migration.filled) {
    problems.push(
      problem(
        'migration',
        migration.present,
        'this release is a breaking bump (a major bump, or a minor bump on a 0.x line)',
        'Tell users what to change when they upgrade.',
      ),
    );
  }
  return problems;
}
