import { readConventionalTitle } from './conventional-title';
import type { NoteEntry, SectionId } from './note-entry';

/** Label names (normalized: lowercase, dashes) and the sections they put an entry in. */
const LABEL_SECTIONS: Readonly<Record<string, SectionId>> = {
  enhancement: 'features',
  enhancements: 'features',
  feature: 'features',
  features: 'features',
  feat: 'features',
  bug: 'fixes',
  bugs: 'fixes',
  fix: 'fixes',
  fixes: 'fixes',
  bugfix: 'fixes',
  bugfixes: 'fixes',
  performance: 'performance',
  perf: 'performance',
  speed: 'performance',
  breaking: 'compatibility',
  'breaking-change': 'compatibility',
  'breaking-changes': 'compatibility',
  compatibility: 'compatibility',
  deprecation: 'compatibility',
  deprecations: 'compatibility',
  removal: 'compatibility',
  removals: 'compatibility',
};

/**
 * When labels disagree, the section a reader must not miss wins: a breaking change hidden under
 * Features is the costly mistake, and a performance effect matters more than "it was a fix".
 */
const PRECEDENCE: readonly SectionId[] = ['compatibility', 'performance', 'features', 'fixes'];

/** `Type: Bug`, `kind/feature`, `🐛 bug`, `Breaking change` → `bug`, `feature`, `bug`, `breaking-change`. */
export function normalizeLabel(label: string): string {
  const name = label.toLowerCase().replace(/^.*[:/]/, '');
  return name.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * The known label a heading names (`Exciting New Features 🎉` → `features`), for GitHub's release.yml
 * categories.
 */
export function labelOfHeading(heading: string): string | undefined {
  const words = heading.toLowerCase().split(/[^a-z0-9]+/);
  const pairs = words.slice(0, -1).map((word, index) => `${word}-${words[index + 1] ?? ''}`);
  return [...pairs, ...words].find((word) => LABEL_SECTIONS[word] !== undefined);
}

/**
 * The section an entry belongs in: its labels first, then a conventional-commit prefix of its
 * title, else `other`. One exception to labels-first: a title marked breaking (`feat!:`,
 * `BREAKING CHANGE`) always lands in Compatibility, because its author said so explicitly and a
 * generic `enhancement` label should not hide it. classifyEntry never answers `migration`: migration
 * notes are written by the maintainer, not collected from entries.
 */
export function classifyEntry(entry: NoteEntry): SectionId {
  const title = readConventionalTitle(entry.title);
  if (title.breaking) return 'compatibility';
  const fromLabels = new Set(entry.labels.map((label) => LABEL_SECTIONS[normalizeLabel(label)]));
  const labelled = PRECEDENCE.find((section) => fromLabels.has(section));
  return labelled ?? title.section ?? 'other';
}
