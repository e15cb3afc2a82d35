import type { TomlTableWithoutBigInt as TomlTable, TomlValueWithoutBigInt as TomlValue } from 'smol-toml';

export type { TomlTable, TomlValue };

/** A TOML table (not an array, not a date): what `[header]` and `{ inline }` produce. */
export function isTable(value: unknown): value is TomlTable {
  // smol-toml builds tables without Object.prototype, so test what they are not.
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The table at `path` below `root`, or `undefined` when any step is missing or not a table. */
export function tableAt(root: TomlTable, ...path: string[]): TomlTable | undefined {
  let current: TomlTable = root;
  for (const key of path) {
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (!isTable(next)) return undefined;
    current = next;
  }
  return current;
}

/** The raw value under `key`, own properties only (a key named `constructor` is data, not a method). */
export function valueAt(table: TomlTable | undefined, key: string): TomlValue | undefined {
  if (table === undefined || !Object.hasOwn(table, key)) return undefined;
  return table[key];
}

export function stringAt(table: TomlTable | undefined, key: string): string | undefined {
  const value = valueAt(table, key);
  return typeof value === 'string' ? value : undefined;
}

/** Strings of an array value; non-strings dropped (callers validate shape where it matters). */
export function stringsAt(table: TomlTable | undefined, key: string): string[] {
  const value = valueAt(table, key);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** TOML-ish rendering of a value's type for messages: "a string", "a table", "an array". */
export function describeTomlType(value: unknown): string {
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return 'an array';
  return 'a table';
}
