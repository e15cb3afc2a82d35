import { ConfigError, formatKeyPath, type ConfigErrorCode } from './config-error';
import { CREDENTIALS_HINT, looksLikeCredentialKey, looksLikeCredentialValue } from './credentials';
import { nearestKey } from './nearest-key';
import type { KeySegment, TomlKeyLines } from './toml-key-lines';

export type Table = Readonly<Record<string, unknown>>;

/** A TOML table as smol-toml returns it: not an array, not a date (TomlDate extends Date). */
export function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Own properties only: a key named `constructor` is data, not a method. */
export function valueOf(table: Table, key: string): unknown {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** What was found, for messages: `the string "mian"`, `the integer 5`, `a table`. Never echoes a token. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    if (looksLikeCredentialValue(value)) return 'a string that looks like a token (not shown)';
    return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  }
  if (typeof value === 'bigint') return `the integer ${value}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value))
    return value.length === 0 ? 'an empty array' : `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return 'a table';
}

/** Collects every problem of the table instead of stopping at the first. */
export class ConfigReader {
  readonly problems: ConfigError[] = [];

  constructor(
    private readonly lines: TomlKeyLines,
    private readonly file: string,
  ) {}

  report(code: ConfigErrorCode, path: readonly KeySegment[], message: string, hint: string): void {
    const keyPath = formatKeyPath(path);
    const line = this.lines.lineOf(path);
    this.problems.push(
      new ConfigError(code, keyPath, message.replaceAll('{key}', keyPath), { hint, file: this.file, line }),
    );
  }

  wrongType(path: readonly KeySegment[], expected: string, found: unknown, hint: string): void {
    this.report('config.wrong-type', path, `{key} must be ${expected}, but it is ${describeFound(found)}.`, hint);
  }

  badValue(path: readonly KeySegment[], expected: string, found: unknown, hint: string): void {
    this.report('config.bad-value', path, `{key} must be ${expected}, but it is ${describeFound(found)}.`, hint);
  }

  missing(path: readonly KeySegment[], expected: string, hint: string): void {
    this.report('config.missing-key', path, `{key} is missing: expected ${expected}.`, hint);
  }

  /** The table at `path`; `{}` when absent (so defaults apply) or, after a report, when not a table. */
  table(value: unknown, path: readonly KeySegment[], example: string): Table {
    if (value === undefined) return {};
    if (isTable(value)) return value;
    this.wrongType(path, 'a table', value, `Write it as a table, for example ${example}.`);
    return {};
  }

  /** Reports every key of `table` outside `known`; a credential-looking key gets its own message. */
  onlyKnownKeys(table: Table, path: readonly KeySegment[], known: readonly string[]): void {
    for (const key of Object.keys(table)) {
      if (known.includes(key)) continue;
      if (looksLikeCredentialKey(key)) {
        this.report(
          'config.credential',
          [...path, key],
          '{key} looks like a credential, and credentials never live in configuration.',
          CREDENTIALS_HINT,
        );
        continue;
      }
      const suggestion = nearestKey(key, known);
      const hint = suggestion
        ? `Did you mean \`${suggestion}\`? Rename the key, or remove it.`
        : 'Remove it, or rename it to one of the known keys.';
      this.report(
        'config.unknown-key',
        [...path, key],
        `{key} is not a pyrelease setting; the keys here are: ${known.join(', ')}.`,
        hint,
      );
    }
  }
}
