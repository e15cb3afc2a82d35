import { execa } from 'execa';

/** What a program needs to be handed the user's terminal. */
export interface TerminalHandOver {
  env: NodeJS.ProcessEnv;
  /** Takes the terminal from the front end; the returned function gives it back. */
  suspend: () => Promise<() => Promise<void>>;
}

export interface TerminalResult {
  /** Undefined when the program could not be started. */
  exitCode: number | undefined;
  /** What it wrote on stderr (the person saw it too), or why it could not start. */
  stderr: string;
}

/**
 * Runs a program that may talk to the person (a passphrase prompt), with the front end suspended
 * meanwhile. Never throws for a failing program: the caller knows what the failure means.
 */
export async function runAtTerminal(
  handOver: TerminalHandOver,
  file: string,
  args: readonly string[],
  cwd: string,
): Promise<TerminalResult> {
  const resume = await handOver.suspend();
  try {
    const result = await execa(file, [...args], {
      cwd,
      env: handOver.env,
      extendEnv: true,
      stdin: 'inherit',
      // stdout may carry the front end's own output (`--json`); prompts go to the tty or stderr.
      stdout: 'pipe',
      // Shown as it happens and kept, so the error can quote it.
      stderr: ['inherit', 'pipe'],
      reject: false,
    });
    const stderr = String(result.stderr ?? '').trim();
    if (result.failed && result.exitCode === undefined) {
      const cause = result.cause instanceof Error ? result.cause.message : String(result.cause ?? result.message);
      return { exitCode: undefined, stderr: stderr || cause };
    }
    return { exitCode: result.exitCode ?? 1, stderr };
  } finally {
    await resume();
  }
}
