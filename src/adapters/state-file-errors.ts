import { PyreleaseError } from '../domain/errors';

/**
 * The reasons a file of pyrelease's own state (`.git/pyrelease/`: journal, lock, history, logs) cannot be
 * written that the user can fix: a full disk, no permission, a read-only mount, an immutable attribute.
 * Anything else stays as it was: it is not the user's to fix.
 */
const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  EPERM: 'operation not permitted',
};

/** The error code of a failed file system call, if it has one. */
function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A path as a shell word: bare when that is safe, else in single quotes. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

const AGAIN = 'Then run pyrelease again: `pyrelease --resume` continues the release in progress.';

export interface StateFileProblem {
  /** The error code; `journal.unwritable` unless said otherwise. */
  code?: string;
  /** What pyrelease was doing, as a verb phrase before the path: "save the journal to", "create the lock". */
  doing: string;
  /** The file or directory the call failed on. */
  path: string;
  /** The state directory, for the commands of the hint. */
  dir: string;
  /** What is still as it was, said after the cause: "The journal keeps its last saved state." */
  kept?: string;
}

/**
 * Turns a full disk, a missing permission, a read-only file system or an immutable file into a
 * `journal.unwritable` error (or the code given) that names the path, the cause in words and what to
 * do; returns any other error unchanged.
 */
export function stateFileError(error: unknown, problem: StateFileProblem): unknown {
  const code = errnoCode(error);
  if (code === undefined || !Object.hasOwn(CAUSES, code)) return error;
  const cause = CAUSES[code];
  const dir = shellWord(problem.dir);
  const owner = `\`sudo chown -R "$(id -un)" ${dir}\``;
  const fix: Record<string, string> = {
    ENOSPC: `Free some space on that file system (\`df -h ${dir}\` shows how full it is).`,
    EDQUOT: 'Free some space within your disk quota (`quota -s` shows it).',
    EACCES: `Give yourself write access with \`chmod -R u+w ${dir}\`, or ${owner} if another user owns it.`,
    EROFS: 'Remount that file system read-write, or release from a clone on a writable one.',
    EPERM:
      `If an immutable or append-only attribute is set (\`lsattr -d ${dir}\` and \`lsattr ${dir}\` show an ` +
      `\`i\` or an \`a\`), clear it with \`sudo chattr -R -i -a ${dir}\`; if another user owns it, ${owner}.`,
  };
  return new PyreleaseError(
    problem.code ?? 'journal.unwritable',
    `Could not ${problem.doing} ${problem.path}: ${cause} (${code}).${problem.kept ? ` ${problem.kept}` : ''}`,
    { hint: `${fix[code]} ${AGAIN}`, cause: error },
  );
}

/** Runs a file system call on pyrelease's state, turning what the user can fix into `journal.unwritable`. */
export async function onStateFile<T>(call: () => Promise<T>, problem: StateFileProblem): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw stateFileError(error, problem);
  }
}
