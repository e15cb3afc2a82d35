import { atxHeading, markdownLines } from './markdown-lines';
import type { SectionId } from './note-entry';
import { sectionIdOf } from './section-titles';

export interface ReleaseNotesSection {
  /** The heading text without `##`. */
  readonly heading: string;
  /** The section it stands for, or undefined for a heading of the maintainer's own. */
  readonly id: SectionId | undefined;
  /** Everything up to the next `#` or `##` heading (`###` and deeper stay inside). */
  readonly body: string;
  /** 1-based line of the heading. */
  readonly line: number;
}

/** The `##` sections of release notes, in order; text before the first one is not a section. */
export function sectionsOf(markdown: string): ReleaseNotesSection[] {
  const sections: { heading: string; line: number; body: string[] }[] = [];
  let current: (typeof sections)[number] | undefined;
  for (const { text, line, inCode } of markdownLines(markdown)) {
    const heading = inCode ? undefined : atxHeading(text);
    if (heading && heading.level <= 2) {
      current = heading.level === 2 ? { heading: heading.text, line, body: [] } : undefined;
      if (current) sections.push(current);
      continue;
    }
    current?.body.push(text);
  }
  return sections.map(({ heading, line, body }) => ({
    heading,
    id: sectionIdOf(heading),
    body: body.join('\n').trim(),
    line,
  }));
}

/**
 * Nothing a reader would see or learn from: HTML comments (pyrelease's placeholders among them),
 * whitespace, and `- None.` in any of its spellings.
 */
export function isSectionEmpty(body: string): boolean {
  const visible = body.replace(/<!--[\s\S]*?(-->|$)/g, '');
  return visible.split('\n').every((line) => /^\s*([*+-]\s*)?(none\.?)?\s*$/i.test(line));
}
