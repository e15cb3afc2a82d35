import { execa } from 'execa';
import { PyreleaseError } from '../domain/errors';
import type { Redactor } from '../domain/redactor';
import { untrustedEnvironment } from '../domain/untrusted-env';
import type { ProcessOptions, ProcessResult, ProcessRunner } from '../ports/process';

/** Quotes an argument for display only; nothing here is ever handed to a shell. */
function displayArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function displayCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map(displayArg).join(' ');
}

/**
 * Runs programs through execa with argument arrays. Every line is redacted before it goes
 * anywhere (the live panel, the result, an error message), and an aborted signal stops the child.
 */
export class ExecaProcessRunner implements ProcessRunner {
  constructor(
    private readonly redactor: Redactor,
    private readonly defaults: { cwd?: string; env?: Record<string, string | undefined>; signal?: AbortSignal } = {},
  ) {}

  async run(file: string, args: readonly string[], options: ProcessOptions = {}): Promise<ProcessResult> {
    const command = this.redactor.redact(displayCommand(file, args));
    const relay = (stream: 'stdout' | 'stderr') =>
      function* (line: unknown): Generator<string> {
        const clean = redactorRef.redact(String(line));
        options.onLine?.(clean, stream);
        yield clean;
      };
    const redactorRef = this.redactor;
    const signal = options.signal ?? this.defaults.signal;
    const env = options.untrusted
      ? { ...this.untrustedBase(options.untrusted.allow), ...options.env }
      : { ...this.defaults.env, ...options.env };
    const result = await execa(file, [...args], {
      cwd: options.cwd ?? this.defaults.cwd,
      env,
      // An untrusted child starts from the allowlist alone: nothing of this process's environment.
      extendEnv: !options.untrusted,
      ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
      stdout: [relay('stdout')],
      stderr: [relay('stderr')],
      ...(signal ? { cancelSignal: signal } : {}),
      ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
      forceKillAfterDelay: 3000,
      reject: false,
    });
    const stdout = String(result.stdout ?? '');
    const stderr = String(result.stderr ?? '');
    if (result.isCanceled) {
      throw new PyreleaseError('process.cancelled', `Stopped: ${command}`, { kind: 'cancelled' });
    }
    if (result.timedOut) {
      throw new PyreleaseError(
        'process.timeout',
        `${command} did not finish within ${Math.round((options.timeoutMs ?? 0) / 1000)} s.`,
        {
          hint: 'Look at its output above; raise the timeout in [tool.pyrelease] if it is just slow.',
        },
      );
    }
    if (result.failed && result.exitCode === undefined) {
      const cause = result.cause instanceof Error ? result.cause.message : String(result.cause ?? result.message);
      throw new PyreleaseError('process.spawn', `Could not run ${file}: ${this.redactor.redact(cause)}`, {
        hint: `Check that ${file} is installed and on your PATH.`,
      });
    }
    const exitCode = result.exitCode ?? 1;
    if (exitCode !== 0 && options.reject !== false) {
      const tail = (stderr || stdout).split('\n').slice(-5).join('\n');
      throw new PyreleaseError('process.failed', `${command} exited with code ${exitCode}${tail ? `:\n${tail}` : '.'}`);
    }
    return { command, exitCode, stdout, stderr };
  }

  /** What an untrusted child may see of this command's environment (the user's, as it was given). */
  private untrustedBase(allow: readonly string[]): Record<string, string> {
    // A value the redactor would mask is a secret, whatever variable holds it.
    const isSecret = (value: string) => this.redactor.redact(value) !== value;
    return untrustedEnvironment({ ...process.env, ...this.defaults.env }, allow, isSecret);
  }
}
