import { findPythonAssignment } from './find-python-assignment.js';
import { findTomlString } from './find-toml-string.js';
import { groupSpan } from './python-regex.js';
import { spanAt, type TextSpan } from './text-span.js';
import type { VersionLocator } from './version-source.js';

export type LocatedVersion =
  | { readonly ok: true; readonly literal: string; readonly span: TextSpan }
  | {
      readonly ok: false;
      /** `missing`: nothing there; `not-literal`: something there, but not one plain string. */
      readonly problem: 'missing' | 'not-literal' | 'empty';
      /** What was found instead, for the message (`__version__ = get_version()` at line 3). */
      readonly detail?: string;
      readonly line?: number;
    };

/** Finds the version literal described by `locator` in `text`; pure, used to read and to write. */
export function locateVersion(locator: VersionLocator, text: string): LocatedVersion {
  switch (locator.format) {
    case 'toml':
      return locateToml(text, locator.keyPath);
    case 'python':
      return locatePython(text, locator.name);
    case 'regex':
      return locateRegex(text, locator);
    case 'text':
      return locateText(text);
  }
}

function found(text: string, start: number, end: number): LocatedVersion {
  if (start === end) return { ok: false, problem: 'empty', line: spanAt(text, start, end).line };
  return { ok: true, literal: text.slice(start, end), span: spanAt(text, start, end) };
}

function locateToml(text: string, keyPath: readonly string[]): LocatedVersion {
  const location = findTomlString(text, keyPath);
  if (location === undefined) return { ok: false, problem: 'missing' };
  const raw = text.slice(location.start, location.end);
  // Escapes or line breaks would make the literal differ from the value; versions never need them.
  if (/[\\\r\n]/.test(raw)) {
    return {
      ok: false,
      problem: 'not-literal',
      detail: 'a string with escapes or line breaks',
      line: spanAt(text, location.start, location.end).line,
    };
  }
  return found(text, location.start, location.end);
}

function locatePython(text: string, name: string): LocatedVersion {
  const assignment = findPythonAssignment(text, name);
  if (assignment.found === 'nothing') return { ok: false, problem: 'missing' };
  if (assignment.found === 'expression')
    return { ok: false, problem: 'not-literal', detail: assignment.source, line: assignment.line };
  return found(text, assignment.start, assignment.end);
}

function locateRegex(text: string, locator: Extract<VersionLocator, { format: 'regex' }>): LocatedVersion {
  const flags = locator.flags.includes('d') ? locator.flags : `${locator.flags}d`;
  const match = new RegExp(locator.pattern, flags.replace('g', '').replace('y', '')).exec(text);
  if (match === null) return { ok: false, problem: 'missing' };
  const span = groupSpan(match, locator.group);
  if (span === undefined)
    return { ok: false, problem: 'missing', detail: 'the pattern matched, but its version group did not take part' };
  return found(text, span.start, span.end);
}

/** A VERSION file: the text without surrounding whitespace (setuptools strips it too). */
function locateText(text: string): LocatedVersion {
  if (text.trim() === '') return found(text, 0, 0);
  return found(text, text.length - text.trimStart().length, text.trimEnd().length);
}
