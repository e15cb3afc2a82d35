import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PyreleaseError } from '../domain/errors';
import type { Redactor } from '../domain/redactor';
import {
  JOURNAL_SCHEMA,
  type JournalData,
  type StoredJournal,
  type JournalStore,
  type LockHandle,
  type LockOwner,
} from '../ports/journal-store';

export interface FileJournalOptions {
  redactor: Redactor;
  pid?: number;
  host?: string;
  now?: () => number;
  /** Whether a process is running on this host. */
  isAlive?: (pid: number) => boolean;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes `text` to `path` so that a reader sees the old or the new file, never a torn one. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
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
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.path, this.serialize(data));
  }

  async archive(data: JournalData): Promise<string> {
    await mkdir(this.historyDir, { recursive: true });
    const target = join(this.historyDir, `${data.releaseId}.json`);
    await writeFileAtomic(target, this.serialize(data));
    await unlink(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    return target;
  }

  async lock(): Promise<LockHandle> {
    await mkdir(this.dir, { recursive: true });
    const owner: LockOwner = { pid: this.pid, host: this.host, startedAt: new Date(this.now()).toISOString() };
    let tookOverFrom: LockOwner | undefined;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const handle = await open(this.lockPath, 'wx', 0o600);
        try {
          await handle.writeFile(JSON.stringify(owner) + '\n');
          await handle.sync();
        } finally {
          await handle.close();
        }
        await this.removeTemporaryFiles();
        return { tookOverFrom, release: () => this.unlock(owner) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
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
      if (holder && this.isAlive(holder.pid)) {
        throw new PyreleaseError(
          'journal.locked',
          `Another pyrelease session (pid ${holder.pid}, since ${holder.startedAt}) is working on this repository.`,
          {
            hint: `Wait for it to finish, or stop it (\`kill ${holder.pid}\`) and run \`pyrelease --resume\`.`,
          },
        );
      }
      // The holder is gone (a crash or a kill): the lock is stale and safe to take over.
      tookOverFrom = holder ?? { pid: 0, host: this.host, startedAt: 'unknown' };
      await unlink(this.lockPath).catch(() => undefined);
    }
    throw new PyreleaseError('journal.lock-race', 'Another pyrelease session took the lock at the same moment.', {
      hint: 'Run one session at a time; try again once the other one has finished.',
    });
  }

  private async readLock(): Promise<LockOwner | undefined> {
    try {
      const parsed = JSON.parse(await readFile(this.lockPath, 'utf8')) as Partial<LockOwner>;
      if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
        return { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt) };
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

  private serialize(data: JournalData): string {
    return this.options.redactor.redact(JSON.stringify(data, null, 2)) + '\n';
  }
}

/** Parses a journal file, refusing a corrupt or newer one with a way out; never overwrites it. */
export function parseJournal(text: string, path: string): StoredJournal {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PyreleaseError(
      'journal.corrupt',
      `The journal ${path} is not valid JSON (${(error as Error).message}). It was left untouched.`,
      {
        hint: `Look at it, then move it aside (\`mv ${path} ${path}.broken\`) to start over; nothing else is lost.`,
        cause: error,
      },
    );
  }
  const data = parsed as Partial<StoredJournal> | null;
  if (
    !data ||
    typeof data !== 'object' ||
    typeof data.schema !== 'number' ||
    typeof data.releaseId !== 'string' ||
    typeof data.steps !== 'object'
  ) {
    throw new PyreleaseError(
      'journal.corrupt',
      `The journal ${path} does not look like a pyrelease journal. It was left untouched.`,
      {
        hint: `Move it aside (\`mv ${path} ${path}.broken\`) to start over.`,
      },
    );
  }
  if (data.schema > JOURNAL_SCHEMA) {
    throw new PyreleaseError(
      'journal.newer-schema',
      `The journal ${path} was written by a newer pyrelease (journal schema ${data.schema}; ` +
        `this one reads ${JOURNAL_SCHEMA}). It was left untouched.`,
      {
        hint: 'Upgrade pyrelease (`npx pyrelease@latest --resume`) to continue this release.',
      },
    );
  }
  return data as StoredJournal;
}
