import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PyreleaseError } from '../domain/errors';
import { assertSafeReleaseId, checkJournal } from '../domain/journal-schema';
import type { Redactor } from '../domain/redactor';
import { onStateFile, stateFileError } from './state-file-errors';
import {
  JOURNAL_SCHEMA,
  type JournalData,
  type StoredJournal,
  type JournalStore,
  type LockHandle,
  type LockOwner,
} from '../ports/journal-store';
import { isProcessAlive } from './process-alive';

export interface FileJournalOptions {
  redactor: Redactor;
  pid?: number;
  host?: string;
  now?: () => number;
  /** Whether a process is running on this host. */
  isAlive?: (pid: number) => boolean;
  /**
   * When a running process started (epoch milliseconds), or undefined when that cannot be read. A lock
   * whose pid belongs to a process started after the lock was taken is stale: the pid was reused.
   */
  processStartedAt?: (pid: number) => number | undefined | Promise<number | undefined>;
  /** A running process's command line, for the message about who holds the lock; undefined when unknown. */
  processCommand?: (pid: number) => string | undefined | Promise<string | undefined>;
}

/**
 * How much later than the lock's `startedAt` its holder's process may seem to have started and still
 * be the holder: the start time read back is rounded (clock ticks, whole seconds from `ps`).
 */
export const LOCK_START_TOLERANCE_MS = 2000;

/** USER_HZ: the unit of start times in /proc/<pid>/stat; 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** When a process started (epoch ms): /proc on Linux, `ps` on other Unixes; undefined when unknown. */
export async function processStartTime(pid: number): Promise<number | undefined> {
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  if (process.platform === 'linux') {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so split after the last ')'.
      // Field 22, starttime, is the 20th after comm; it counts clock ticks since boot.
      const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
      const bootTime = Number(/^btime (\d+)$/m.exec(await readFile('/proc/stat', 'utf8'))?.[1]);
      const started = bootTime * 1000 + (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
      return Number.isFinite(started) ? started : undefined;
    } catch {
      return undefined;
    }
  }
  if (process.platform === 'win32') return undefined;
  const started = Date.parse((await runPs(pid, 'lstart=')) ?? '');
  return Number.isNaN(started) ? undefined : started;
}

/** A process's command line: /proc on Linux, `ps` on other Unixes; undefined when unknown. */
export async function processCommandLine(pid: number): Promise<string | undefined> {
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  if (process.platform === 'linux') {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const command = raw.split('\0').filter(Boolean).join(' ');
    return command || undefined;
  }
  if (process.platform === 'win32') return undefined;
  return runPs(pid, 'command=');
}

/** What an optional probe of a process says; undefined when it throws. */
async function settle<T>(probe: () => T | undefined | Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await probe();
  } catch {
    return undefined;
  }
}

function runPs(pid: number, column: string): Promise<string | undefined> {
  return new Promise((done) => {
    execFile(
      'ps',
      ['-o', column, '-p', String(pid)],
      { timeout: 2000, env: { ...process.env, LC_ALL: 'C' } },
      (error, stdout) => done(error ? undefined : stdout.trim() || undefined),
    );
  });
}

/**
 * Writes `text` to `path` so that a reader sees the old or the new file, never a torn one. When a step
 * before the rename fails (a full disk, an immutable file), the old file stays as it was and the
 * temporary file is removed.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  // Make the rename itself durable: sync the directory entry.
  const directory = await open(join(path, '..'), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/**
 * The journal as files in `<git-common-dir>/pyrelease/`: `journal.json` (the release in progress),
 * `lock`, `history/<release-id>.json` (finished releases) and `logs/`.
 */
export class FileJournalStore implements JournalStore {
  readonly path: string;
  readonly lockPath: string;
  readonly historyDir: string;
  private readonly pid: number;
  private readonly host: string;
  private readonly now: () => number;
  private readonly isAlive: (pid: number) => boolean;
  private readonly processStartedAt: NonNullable<FileJournalOptions['processStartedAt']>;
  private readonly processCommand: NonNullable<FileJournalOptions['processCommand']>;

  constructor(
    readonly dir: string,
    private readonly options: FileJournalOptions,
  ) {
    this.path = join(dir, 'journal.json');
    this.lockPath = join(dir, 'lock');
    this.historyDir = join(dir, 'history');
    this.pid = options.pid ?? process.pid;
    this.host = options.host ?? hostname();
    this.now = options.now ?? Date.now;
    this.isAlive = options.isAlive ?? isProcessAlive;
    this.processStartedAt = options.processStartedAt ?? processStartTime;
    this.processCommand = options.processCommand ?? processCommandLine;
  }

  async load(): Promise<StoredJournal | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return parseJournal(text, this.path);
  }

  async save(data: JournalData): Promise<void> {
    await this.makeDir(this.dir);
    await onStateFile(() => writeFileAtomic(this.path, this.serialize(data)), {
      doing: 'save the journal to',
      path: this.path,
      dir: this.dir,
      kept: 'The journal on disk is as it was before this change.',
    });
  }

  async archive(data: JournalData): Promise<string> {
    // The id names a file: it must stay a plain name inside history/ (the schema checked it on load;
    // this checks again, whatever the data came from).
    assertSafeReleaseId(data.releaseId);
    const target = resolve(this.historyDir, `${data.releaseId}.json`);
    if (dirname(target) !== resolve(this.historyDir)) {
      throw new PyreleaseError(
        'journal.unsafe-release-id',
        `The release id ${JSON.stringify(data.releaseId)} would put its record outside ${this.historyDir}. Nothing was written.`,
        { hint: 'Release ids come from pyrelease itself; a journal edited by hand must keep the one it had.' },
      );
    }
    await this.makeDir(this.historyDir);
    await onStateFile(() => writeFileAtomic(target, this.serialize(data)), {
      doing: 'archive the journal to',
      path: target,
      dir: this.dir,
      kept: `The journal ${this.path} is still in place.`,
    });
    await unlink(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return;
      throw stateFileError(error, {
        doing: 'remove the archived journal',
        path: this.path,
        dir: this.dir,
        kept: `Its record is in ${target}.`,
      });
    });
    return target;
  }

  async lock(): Promise<LockHandle> {
    await this.makeDir(this.dir);
    const owner: LockOwner = { pid: this.pid, host: this.host, startedAt: new Date(this.now()).toISOString() };
    const lockProblem = { doing: 'create the lock', path: this.lockPath, dir: this.dir };
    let tookOverFrom: LockOwner | undefined;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const handle = await open(this.lockPath, 'wx', 0o600).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return undefined;
        throw stateFileError(error, lockProblem);
      });
      if (handle) {
        try {
          try {
            await handle.writeFile(JSON.stringify(owner) + '\n');
            await handle.sync();
          } finally {
            await handle.close();
          }
        } catch (error) {
          // Half written, it would only be taken for a stale lock: leave none.
          await unlink(this.lockPath).catch(() => undefined);
          throw stateFileError(error, lockProblem);
        }
        await this.removeTemporaryFiles();
        return { tookOverFrom, release: () => this.unlock(owner) };
      }
      const holder = await this.readLock();
      if (holder && holder.host !== this.host) {
        throw new PyreleaseError(
          'journal.locked-elsewhere',
          `A pyrelease session on ${holder.host} (pid ${holder.pid}, ` +
            `since ${holder.startedAt}) holds the lock of this ` +
            `repository.`,
          {
            hint: `If no session is running there any more, delete ${this.lockPath} and run \`pyrelease --resume\`.`,
          },
        );
      }
      if (holder && (await this.holds(holder))) {
        const command = await this.commandOf(holder.pid);
        throw new PyreleaseError(
          'journal.locked',
          `Another pyrelease session is working on this repository: pid ${holder.pid}, holding the lock since ` +
            `${holder.startedAt}${command ? `, running \`${command}\`` : ''}.`,
          {
            hint:
              'Wait for that session to finish, or end it (Ctrl-C in its terminal), then run `pyrelease --resume`. ' +
              `If pid ${holder.pid} is not a pyrelease session, delete ${this.lockPath} and run \`pyrelease --resume\`.`,
          },
        );
      }
      // The holder is gone (a crash or a kill, its pid maybe reused since): the lock is stale and safe to take over.
      tookOverFrom = holder ?? { pid: 0, host: this.host, startedAt: 'unknown' };
      await unlink(this.lockPath).catch((error: NodeJS.ErrnoException) => {
        // Left in place, it would look like a session that took the lock at the same moment.
        if (error.code !== 'ENOENT')
          throw stateFileError(error, { doing: 'remove the stale lock', path: this.lockPath, dir: this.dir });
      });
    }
    throw new PyreleaseError('journal.lock-race', 'Another pyrelease session took the lock at the same moment.', {
      hint: 'Run one session at a time; try again once the other one has finished.',
    });
  }

  /**
   * Whether the lock's holder still runs: its pid is alive and is the same process, not a later one
   * that was given the pid after the holder ended. When the start time cannot be read, an alive pid holds.
   */
  private async holds(holder: LockOwner): Promise<boolean> {
    if (!this.isAlive(holder.pid)) return false;
    const lockedAt = Date.parse(holder.startedAt);
    if (Number.isNaN(lockedAt)) return true;
    const started = await settle(() => this.processStartedAt(holder.pid));
    return started === undefined || started <= lockedAt + LOCK_START_TOLERANCE_MS;
  }

  private async commandOf(pid: number): Promise<string | undefined> {
    const command = await settle(() => this.processCommand(pid));
    if (!command) return undefined;
    // eslint-disable-next-line no-control-regex
    const line = this.options.redactor.redact(command).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
    return line.length > 200 ? `${line.slice(0, 200)}…` : line;
  }

  private async readLock(): Promise<LockOwner | undefined> {
    try {
      const { pid, host, startedAt } = JSON.parse(await readFile(this.lockPath, 'utf8')) as Partial<LockOwner>;
      // pid 0 or below would name a process group to `kill(pid, 0)`: no holder writes one.
      if (typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 0 && typeof host === 'string') {
        return { pid, host, startedAt: String(startedAt) };
      }
    } catch {
      // An unreadable or half-written lock belongs to nobody alive: treat it as stale.
    }
    return undefined;
  }

  private async unlock(owner: LockOwner): Promise<void> {
    const holder = await this.readLock();
    if (holder && holder.pid === owner.pid && holder.startedAt === owner.startedAt) {
      await unlink(this.lockPath).catch(() => undefined);
    }
  }

  /** Temporary files left by a session killed mid-write. Only called while holding the lock. */
  private async removeTemporaryFiles(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter((name) => name.endsWith('.tmp')).map((name) => unlink(join(this.dir, name)).catch(() => undefined)),
    );
  }

  private async makeDir(path: string): Promise<void> {
    await onStateFile(() => mkdir(path, { recursive: true }), { doing: 'create the directory', path, dir: this.dir });
  }

  private serialize(data: JournalData): string {
    return this.options.redactor.redact(JSON.stringify(data, null, 2)) + '\n';
  }
}

/**
 * Parses a journal file and checks it whole against its schema, refusing a corrupt or newer one with
 * a way out; never overwrites it.
 */
export function parseJournal(text: string, path: string): StoredJournal {
  const wayOut = `Look at it, then move it aside (\`mv ${path} ${path}.broken\`) to start over; nothing else is lost.`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PyreleaseError(
      'journal.corrupt',
      `The journal ${path} is not valid JSON (${(error as Error).message}). It was left untouched.`,
      { hint: wayOut, cause: error },
    );
  }
  const checked = checkJournal(parsed);
  if (checked.ok) return checked.journal;
  if ('newerSchema' in checked) {
    throw new PyreleaseError(
      'journal.newer-schema',
      `The journal ${path} was written by a newer pyrelease (journal schema ${checked.newerSchema}; ` +
        `this one reads ${JOURNAL_SCHEMA}). It was left untouched.`,
      {
        hint: 'Upgrade pyrelease (`npx pyrelease@latest --resume`) to continue this release.',
      },
    );
  }
  const more = checked.more > 0 ? ` (and ${checked.more} more problem${checked.more === 1 ? '' : 's'})` : '';
  throw new PyreleaseError(
    'journal.corrupt',
    `The journal ${path} does not look like a pyrelease journal: ` +
      `${checked.path ? `at \`${checked.path}\`` : 'at the top level'}: ${checked.problem}${more}. ` +
      'It was left untouched.',
    { hint: wayOut },
  );
}
