import type { SectionId } from './note-entry';

/** Headings as pyrelease writes them, in the order they appear in a draft. */
export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  features: 'Features',
  fixes: 'Fixes',
  performance: 'Performance impact',
  compatibility: 'Compatibility',
  migration: 'Migration notes',
  other: 'Other changes',
};

/** Heading spellings a maintainer might use instead of ours; tested against the lowercased text. */
const ALIASES: readonly (readonly [RegExp, SectionId])[] = [
  [/^(new )?features?\b|^enhancements?\b/, 'features'],
  [/^(bug ?)?fix(es)?\b|^bugs?\b/, 'fixes'],
  [/^perf(ormance)?\b/, 'performance'],
  [/^compatibility\b|^breaking\b/, 'compatibility'],
  [/^migrations?\b|^upgrad(e|ing)\b/, 'migration'],
  [/^other\b/, 'other'],
];

/**
 * The section a `##` heading stands for, or undefined for a heading of the maintainer's own.
 * Leading emoji and punctuation are skipped (`🐛 Bug fixes` is `fixes`), so an edited heading
 * still counts as the section the check asks for.
 */
export function sectionIdOf(heading: string): SectionId | undefined {
  const text = heading
    .toLowerCase()
    .replace(/^[^a-z0-9]+/, '')
    .replace(/\s+/g, ' ');
  return ALIASES.find(([pattern]) => pattern.test(text))?.[1];
}
