import { describeError, exitCodeFor, isPyreleaseError } from '../domain/errors';
import { helpText } from './help';
import { parseOptions } from './options';
import { VERSION } from './version';

/** The front door: parse, dispatch, turn errors into a message and an exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const terminal = { stdout: process.stdout, stdin: process.stdin, env: process.env };
  try {
    const options = parseOptions(argv);
    if (options.help) {
      process.stdout.write(helpText());
      return 0;
    }
    if (options.version) {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    // Each command loads its own code when it runs: `--help`, `status` and the rest start light,
    // and the sandbox (servers, simulators) loads only for the demo.
    switch (options.command) {
      case 'release':
        return await (await import('./commands/release')).releaseCommand(options, terminal);
      case 'status':
        return await (await import('./commands/status')).statusCommand(options, process.stdout);
      case 'bump':
        return await (await import('./commands/bump')).bumpCommand(options, process.stdout);
      case 'doctor':
        return await (await import('./commands/doctor')).doctorCommand(options, process.stdout);
      case 'init':
        return await (await import('./commands/init')).initCommand(options, process.stdout);
      case 'demo':
        return await (await import('./commands/demo')).demoCommand(options, terminal);
    }
  } catch (error) {
    // The redactor of the command that failed (or a new one, for an error before any command ran).
    const redactor = (await import('./workspace')).sessionRedactor(process.env);
    const print = (text: string) => void process.stderr.write(redactor.redact(text));
    if (isPyreleaseError(error)) {
      print(`pyrelease: ${describeError(error)}\n`);
      if (error.hint) print(`  → ${error.hint}\n`);
    } else {
      print(
        `pyrelease: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.stderr.write('  → This is a bug in pyrelease; the journal keeps your place: `pyrelease --resume`.\n');
    }
    return exitCodeFor(error);
  }
}
