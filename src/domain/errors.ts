/**
 * The one error type the product raises on purpose. `message` says what is wrong, `hint` says
 * what to do next (every message the user sees ends with a way forward), and `code` is a stable
 * identifier tests and `--json` output can rely on.
 */
export type ErrorKind =
  /** The user's input or project is wrong: fixable by them. Exit 1. */
  | 'failed'
  /** The command line itself is wrong. Exit 2. */
  | 'usage'
  /** Stopped on request (Ctrl-C); the journal allows `--resume`. Exit 130. */
  | 'cancelled';

export interface PyreleaseErrorOptions {
  hint?: string;
  kind?: ErrorKind;
  cause?: unknown;
  /** Where in a file the problem is, for messages like `pyproject.toml:3:7: …`. */
  location?: { file: string; line?: number; column?: number };
}

export class PyreleaseError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly kind: ErrorKind;
  readonly location: PyreleaseErrorOptions['location'];

  constructor(code: string, message: string, options: PyreleaseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PyreleaseError';
    this.code = code;
    this.hint = options.hint;
    this.kind = options.kind ?? 'failed';
    this.location = options.location;
  }
}

export function isPyreleaseError(error: unknown): error is PyreleaseError {
  return error instanceof PyreleaseError;
}

/** `file:line:col: message` when a location is known, else the message alone. */
export function describeError(error: PyreleaseError): string {
  const where = error.location;
  if (!where) return error.message;
  const parts = [where.file, where.line, where.column].filter((part) => part !== undefined);
  return `${parts.join(':')}: ${error.message}`;
}

export function exitCodeFor(error: unknown): number {
  if (!isPyreleaseError(error)) return 1;
  if (error.kind === 'usage') return 2;
  if (error.kind === 'cancelled') return 130;
  return 1;
}
