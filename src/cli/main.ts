import { describeError, exitCodeFor, isPyreleaseError } from '../domain/errors';
import { bumpCommand } from './commands/bump';
import { doctorCommand } from './commands/doctor';
import { initCommand } from './commands/init';
import { releaseCommand } from './commands/release';
import { statusCommand } from './commands/status';
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
    switch (options.command) {
      case 'release':
        return await releaseCommand(options, terminal);
      case 'status':
        return await statusCommand(options, process.stdout);
      case 'bump':
        return await bumpCommand(options, process.stdout);
      case 'doctor':
        return await doctorCommand(options, process.stdout);
      case 'init':
        return await initCommand(options, process.stdout);
      case 'demo': {
        // The sandbox (servers, simulators) loads only for the demo: every other start stays light.
        const { demoCommand } = await import('./commands/demo');
        return await demoCommand(options, terminal);
      }
    }
  } catch (error) {
    if (isPyreleaseError(error)) {
      process.stderr.write(`pyrelease: ${describeError(error)}\n`);
      if (error.hint) process.stderr.write(`  → ${error.hint}\n`);
    } else {
      process.stderr.write(`pyrelease: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.stderr.write('  → This is a bug in pyrelease; the journal keeps your place: `pyrelease --resume`.\n');
    }
    return exitCodeFor(error);
  }
}
