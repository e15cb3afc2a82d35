import { normalizeProjectName } from '../pyproject';
import { normalizeSpecifiers } from './normalize-specifiers';

export interface Requirement {
  /** PEP 503 name: how two spellings of one dependency are matched. */
  readonly key: string;
  /** The requirement with formatting removed; equal forms mean nothing changed. */
  readonly normalized: string;
}

// PEP 508: name, optional [extras], then a version spec (maybe in parentheses, as Poetry 1 writes
// it) or `@ url`, then an optional `; marker`.
const REQUIREMENT =
  /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*([^;]*?)\s*(?:;\s*(.*?))?\s*$/s;

function normalizeMarker(marker: string): string {
  return marker
    .replaceAll('"', "'")
    .replace(/\s*(===|==|!=|<=|>=|~=|<|>)\s*/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s+/g, ' ')
    .trim();
}

function normalizeSpec(spec: string): string {
  const bare = spec.replace(/^\(\s*(.*?)\s*\)$/s, '$1');
  if (bare.startsWith('@')) return `@ ${bare.slice(1).trim()}`;
  return normalizeSpecifiers(bare);
}

/** A dependency string (PEP 508, or Poetry 1's `name (constraint)`) reduced to its meaning. */
export function parseRequirement(text: string): Requirement {
  const match = REQUIREMENT.exec(text);
  if (!match) return { key: text.trim().toLowerCase(), normalized: text.replace(/\s+/g, '') };
  const key = normalizeProjectName(match[1] ?? '');
  const extras = (match[2] ?? '')
    .split(',')
    .map((extra) => normalizeProjectName(extra.trim()))
    .filter((extra) => extra !== '')
    .sort();
  const spec = normalizeSpec(match[3] ?? '');
  const marker = normalizeMarker(match[4] ?? '');
  const normalized = `${key}${extras.length > 0 ? `[${extras.join(',')}]` : ''}${spec.startsWith('@') ? ` ${spec}` : spec}${marker === '' ? '' : `; ${marker}`}`;
  return { key, normalized };
}
