export interface ProcessOptions {
  cwd?: string;
  /** Added to the inherited environment (or, for `untrusted`, to the allowlisted part of it). */
  env?: Record<string, string | undefined>;
  /**
   * The child runs code from a package index: it inherits only an allowlist (PATH, HOME, locale,
   * TMPDIR, TERM, SYSTEMROOT and `allow`), never a credential or a value the redactor holds.
   */
  untrusted?: { allow: readonly string[] };
  /** Text written to the child's stdin. */
  input?: string;
  timeoutMs?: number;
  /** Every line of output, redacted, as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Throw on a non-zero exit (default true). */
  reject?: boolean;
  signal?: AbortSignal;
}

export interface ProcessResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs programs with argument arrays, never a shell string. The same interface serves reads and
 * writes; which one a call is depends on the slot it was reached through (`reads` or `writes`).
 */
export interface ProcessRunner {
  run(file: string, args: readonly string[], options?: ProcessOptions): Promise<ProcessResult>;
}
