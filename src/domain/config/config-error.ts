import { PyreleaseError } from '../errors';
import type { KeySegment } from './toml-key-lines';

export type ConfigErrorCode =
  /** A key `[tool.pyrelease]` does not know, at any depth. */
  | 'config.unknown-key'
  /** A value of the wrong TOML type (a string where an array is expected…). */
  | 'config.wrong-type'
  /** A value of the right type that is not acceptable (tag format without `{version}`…). */
  | 'config.bad-value'
  /** A key that has no default is absent (a rollback action without `argv`). */
  | 'config.missing-key'
  /** Something that looks like a credential: those never live in configuration. */
  | 'config.credential';

/** One problem in `[tool.pyrelease]`, with the full key path it concerns. */
export class ConfigError extends PyreleaseError {
  override readonly code: ConfigErrorCode;
  /** `tool.pyrelease.smoke.acme.timeout`, `tool.pyrelease.rollback[1].argv`. */
  readonly keyPath: string;
  /** Every problem found in the table, this one included; for the error `loadConfig` throws. */
  readonly problems: readonly ConfigError[];

  constructor(
    code: ConfigErrorCode,
    keyPath: string,
    message: string,
    options: { hint: string; file: string; line: number | undefined; problems?: readonly ConfigError[] },
  ) {
    super(code, message, { hint: options.hint, location: { file: options.file, line: options.line } });
    this.name = 'ConfigError';
    this.code = code;
    this.keyPath = keyPath;
    this.problems = options.problems ?? [this];
  }
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** Writes a key path the way TOML spells it: `tool.pyrelease.smoke."my.tool"`, `rollback[0].argv`. */
export function formatKeyPath(path: readonly KeySegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += `${text === '' ? '' : '.'}${BARE_KEY.test(segment) ? segment : JSON.stringify(segment)}`;
  }
  return text;
}
