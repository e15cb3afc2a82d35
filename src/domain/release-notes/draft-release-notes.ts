import { classifyEntry } from './classify-entry';
import { displayTitle } from './conventional-title';
import { listPaths } from './list-paths';
import type { NoteEntry, SectionId } from './note-entry';
import { SECTION_TITLES } from './section-titles';

export interface DraftReleaseNotesInput {
  /** The version being released, normalized (`1.3.0`). */
  readonly version: string;
  /** The tag the notes start from; undefined for a first release. */
  readonly previousTag: string | undefined;
  readonly entries: readonly NoteEntry[];
  /** requiresMigrationNotes(previous, version): a major bump, or a minor one on 0.x. */
  readonly migrationRequired: boolean;
  /** Changed files under the configured performance paths; non-empty makes Performance impact required. */
  readonly performancePathsChanged: readonly string[];
  /** GitHub's compare link, for the closing `**Full Changelog**` line. */
  readonly compareUrl?: string;
  /** Lines pyrelease knows belong under Compatibility, such as compareSupport() descriptions. */
  readonly compatibilityNotes?: readonly string[];
}

const ORDER: readonly SectionId[] = ['features', 'fixes', 'performance', 'compatibility', 'migration', 'other'];

/** `- Add --json (#12, @alice)`; titles are kept on one line so the list stays a list. */
function bullet(entry: NoteEntry): string {
  const refs = [
    entry.number === undefined ? undefined : `#${entry.number}`,
    entry.author === undefined ? undefined : `@${entry.author}`,
  ].filter((ref) => ref !== undefined);
  const title = displayTitle(entry.title).replace(/\s+/g, ' ');
  return refs.length > 0 ? `- ${title} (${refs.join(', ')})` : `- ${title}`;
}

/** An HTML comment around `text`, which must not end it early: comments close at the first `-->`. */
function comment(text: string): string {
  return `<!-- ${text.replaceAll('-->', '-- >')} -->`;
}

function placeholder(section: SectionId, input: DraftReleaseNotesInput): string | undefined {
  if (section === 'performance' && input.performancePathsChanged.length > 0) {
    return comment(
      `Required: files under the configured performance paths changed (${listPaths(input.performancePathsChanged)}). ` +
        'Describe the performance impact (speed, memory, benchmarks), or say why there is none.',
    );
  }
  if (section === 'migration' && input.migrationRequired) {
    const from = input.previousTag === undefined ? '' : ` from ${input.previousTag}`;
    return comment(
      `Required: ${input.version} is a breaking release (a major bump, or a minor bump on a 0.x line). ` +
        (`Tell users what to change when they upgrade${from}: removed or renamed ` +
          `APIs, changed defaults, new minimum versions.`),
    );
  }
  return undefined;
}

/**
 * The draft the maintainer edits in $EDITOR: Features, Fixes, Performance impact, Compatibility,
 * Migration notes (only when required) and Other changes. An empty section says `- None.`; an
 * empty *required* section holds a comment saying what to write, which checkReleaseNotes treats as
 * empty, so the draft cannot be saved as-is.
 */
export function draftReleaseNotes(input: DraftReleaseNotesInput): string {
  const since = input.previousTag === undefined ? 'the first release' : `changes since ${input.previousTag}`;
  const blocks = [
    comment(
      `Release notes for ${input.version}, ${since}. Edit freely; comments like this one are not shown on GitHub.`,
    ),
  ];
  for (const section of ORDER) {
    if (section === 'migration' && !input.migrationRequired) continue;
    const lines = [
      ...(section === 'compatibility' ? (input.compatibilityNotes ?? []).map((note) => `- ${note}`) : []),
      ...input.entries.filter((entry) => classifyEntry(entry) === section).map(bullet),
    ];
    const body = lines.length > 0 ? lines.join('\n') : (placeholder(section, input) ?? '- None.');
    blocks.push(`## ${SECTION_TITLES[section]}\n\n${body}`);
  }
  if (input.compareUrl !== undefined) blocks.push(`**Full Changelog**: ${input.compareUrl}`);
  return `${blocks.join('\n\n')}\n`;
}
