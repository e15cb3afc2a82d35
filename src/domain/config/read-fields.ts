import type { ConfigReader, Table } from './config-reader';
import { valueOf } from './config-reader';
import type { KeySegment } from './toml-key-lines';
import { tomlLiteral } from './toml-literal';

/** Returns what a valid value must be (`"a path relative to the repository root"`) or `undefined` when fine. */
export type Check<T> = (value: T) => string | undefined;

interface Field<T> {
  /** Used when the key is absent; `undefined` makes the key required. */
  fallback: T | undefined;
  /** A valid value, shown in hints: `key = <example>`. */
  example: T;
  check?: Check<T>;
}

type Scalar = string | number | boolean | readonly string[];

function hintFor<T extends Scalar>(key: string, field: Field<T>): string {
  const example = `\`${key} = ${tomlLiteral(field.example)}\``;
  return field.fallback === undefined
    ? `Write it like ${example}.`
    : `Write it like ${example}, or remove the key to use the default (${tomlLiteral(field.fallback)}).`;
}

function read<T extends Scalar>(
  reader: ConfigReader,
  table: Table,
  path: readonly KeySegment[],
  key: string,
  field: Field<T>,
  expected: string,
  accept: (value: unknown) => T | undefined,
): T | undefined {
  const value = valueOf(table, key);
  const at = [...path, key];
  if (value === undefined) {
    if (field.fallback === undefined)
      reader.missing(at, expected, `Add it, for example \`${key} = ${tomlLiteral(field.example)}\`.`);
    return field.fallback;
  }
  const accepted = accept(value);
  if (accepted === undefined) {
    reader.wrongType(at, expected, value, hintFor(key, field));
    return field.fallback;
  }
  const problem = field.check?.(accepted);
  if (problem !== undefined) {
    reader.badValue(at, problem, value, hintFor(key, field));
    return field.fallback;
  }
  return accepted;
}

export function readString(
  reader: ConfigReader,
  table: Table,
  path: readonly KeySegment[],
  key: string,
  field: Field<string>,
): string | undefined {
  return read(reader, table, path, key, field, 'a string', (value) => (typeof value === 'string' ? value : undefined));
}

export function readBoolean(
  reader: ConfigReader,
  table: Table,
  path: readonly KeySegment[],
  key: string,
  field: Field<boolean>,
): boolean | undefined {
  return read(reader, table, path, key, field, '`true` or `false`', (value) =>
    typeof value === 'boolean' ? value : undefined,
  );
}

/** A whole number (TOML integer; smol-toml may hand large ones over as bigint). */
export function readInteger(
  reader: ConfigReader,
  table: Table,
  path: readonly KeySegment[],
  key: string,
  field: Field<number>,
): number | undefined {
  return read(reader, table, path, key, field, 'a whole number', (value) => {
    if (typeof value === 'bigint') return Number(value);
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  });
}

/** A number of seconds or minutes: an integer or a float, within `[min, max]`, `min` excluded. */
export function readDuration(
  reader: ConfigReader,
  table: Table,
  path: readonly KeySegment[],
  key: string,
  field: Field<number> & { unit: string; max: number },
): number | undefined {
  const check: Check<number> = (value) =>
    value > 0 && value <= field.max ? undefined : `a number of ${field.unit} greater than 0 and at most ${field.max}`;
  return read(reader, table, path, key, { ...field, check }, `a number of ${field.unit}`, (value) => {
    if (typeof value === 'bigint') return Number(value);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  });
}

/**
 * An array of strings. A string where an array is expected is a wrong type, never split on spaces:
 * argv stays an array (PRODUCT.md, Never: "arguments are arrays").
 */
export function readStringList(
  reader: ConfigReader,
  table: Table,
  path: readonly KeySegment[],
  key: string,
  field: ListField,
): readonly string[] | undefined {
  return checkStringList(reader, valueOf(table, key), [...path, key], key, field);
}

type ListField = Field<readonly string[]> & { nonEmpty?: boolean; checkItem?: Check<string> };

/** `readStringList` for a value already in hand at `at` (an argv given directly as an array item). */
export function checkStringList(
  reader: ConfigReader,
  value: unknown,
  at: readonly KeySegment[],
  key: string,
  field: ListField,
): readonly string[] | undefined {
  const expected = field.nonEmpty ? 'a non-empty array of strings' : 'an array of strings';
  if (value === undefined) {
    if (field.fallback === undefined)
      reader.missing(at, expected, `Add it, for example \`${key} = ${tomlLiteral(field.example)}\`.`);
    return field.fallback;
  }
  if (!Array.isArray(value)) {
    reader.wrongType(at, expected, value, hintFor(key, field));
    return field.fallback;
  }
  let fine = true;
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string') {
      reader.wrongType([...at, index], 'a string', item, hintFor(key, field));
      fine = false;
      return;
    }
    const problem = field.checkItem?.(item);
    if (problem !== undefined) {
      reader.badValue([...at, index], problem, item, hintFor(key, field));
      fine = false;
    }
  });
  if (fine && field.nonEmpty && value.length === 0) {
    reader.badValue(at, expected, value, hintFor(key, field));
    fine = false;
  }
  return fine ? (value as string[]) : field.fallback;
}

/** Checks shared by several keys. */
export const nonEmpty: Check<string> = (value) => (value.trim() === '' ? 'a non-empty string' : undefined);

export const relativePath: Check<string> = (value) => {
  if (value.trim() === '') return 'a non-empty path relative to the repository root';
  return /^(?:[/\\]|[A-Za-z]:[/\\])/.test(value) ? 'a path relative to the repository root' : undefined;
};
