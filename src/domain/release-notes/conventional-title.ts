/*
 * Conventional Commits titles (https://www.conventionalcommits.org/en/v1.0.0/): `type(scope)!: text`.
 * Only the types below are stripped for display, so a title such as `Windows: fix path quoting`
 * keeps its first word.
 */
import type { SectionId } from './note-entry';

const TYPE_SECTIONS: Readonly<Record<string, SectionId>> = {
  feat: 'features',
  feature: 'features',
  fix: 'fixes',
  bugfix: 'fixes',
  perf: 'performance',
  docs: 'other',
  doc: 'other',
  chore: 'other',
  ci: 'other',
  test: 'other',
  tests: 'other',
  build: 'other',
  style: 'other',
  refactor: 'other',
  revert: 'other',
  deps: 'other',
};

const PREFIX = /^\s*(?<type>[a-z][a-z0-9-]*)(?:\([^()]*\))?(?<bang>!)?:\s*(?<rest>.*)$/i;

export interface ConventionalTitle {
  /** The section the type maps to, or undefined for an unknown type or a plain title. */
  readonly section: SectionId | undefined;
  /** `type!:` on any type, or a `BREAKING CHANGE` / `BREAKING-CHANGE` footer quoted in the title. */
  readonly breaking: boolean;
  /** The title without a known prefix; the title as given otherwise. */
  readonly text: string;
}

export function readConventionalTitle(title: string): ConventionalTitle {
  const match = PREFIX.exec(title);
  const type = match?.groups?.['type']?.toLowerCase();
  const section = type === undefined ? undefined : TYPE_SECTIONS[type];
  const rest = match?.groups?.['rest'] ?? '';
  return {
    section,
    breaking: match?.groups?.['bang'] === '!' || /\bBREAKING[ -]CHANGE\b/.test(title),
    text: section !== undefined && rest !== '' ? rest : title.trim(),
  };
}

/** The title as the notes show it: `feat(cli): add --json` → `add --json`. */
export function displayTitle(title: string): string {
  return readConventionalTitle(title).text;
}
