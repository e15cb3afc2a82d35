import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileJournalStore } from '../../src/adapters/journal-file';
import { LogFile } from '../../src/adapters/log-file';
import { stateFileError } from '../../src/adapters/state-file-errors';
import { PyreleaseError } from '../../src/domain/errors';
import { Redactor } from '../../src/domain/redactor';
import { newJournalData } from '../../src/engine/journal';
import type { JournalData } from '../../src/ports/journal-store';
import { CAN_LOCK_DOWN_DIRECTORIES, CAN_MAKE_IMMUTABLE, lockDown, type LockedDown } from '../helpers/read-only';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const journal = (releaseId: string, state: JournalData['state'] = 'in-progress'): JournalData => ({
  ...newJournalData({ releaseId, flow: 'release', params: {}, now: Date.UTC(2026, 10, 21), version: 'test' }),
  state,
});

/** A store in `<temp>/pyrelease` holding one saved journal. */
async function savedStore(): Promise<{ store: FileJournalStore; dir: string; before: string }> {
  const dir = join(tempDir(), 'pyrelease');
  const store = new FileJournalStore(dir, { redactor: new Redactor() });
  await store.save(journal('r-1'));
  return { store, dir, before: readFileSync(store.path, 'utf8') };
}

/** Runs `body` with `path` locked down, and unlocks it afterwards whatever happened (the temp dir must go). */
async function whileLocked(path: string, body: (locked: LockedDown) => Promise<void>): Promise<void> {
  const locked = lockDown(path);
  if (!locked) throw new Error(`cannot lock down ${path} here`);
  try {
    await body(locked);
  } finally {
    locked.undo();
  }
}

const CAUSE: Record<LockedDown['code'], string> = {
  EPERM: 'operation not permitted (EPERM)',
  EACCES: 'permission denied (EACCES)',
};

describe('stateFileError: the causes a user can fix, in words, with the way out', () => {
  const problem = { doing: 'save the journal to', path: '/r/.git/pyrelease/journal.json', dir: '/r/.git/pyrelease' };
  const failed = (code: string) => Object.assign(new Error(`${code}: failed, open '/x'`), { code, errno: -1 });

  it.each([
    ['ENOSPC', 'no space left on the device', '`df -h /r/.git/pyrelease`'],
    ['EDQUOT', 'the disk quota is used up', '`quota -s`'],
    ['EACCES', 'permission denied', '`chmod -R u+w /r/.git/pyrelease`'],
    ['EROFS', 'read-only file system', 'Remount that file system read-write'],
    ['EPERM', 'operation not permitted', '`sudo chattr -R -i -a /r/.git/pyrelease`'],
  ])('%s: %s', (code, words, fix) => {
    const cause = failed(code);
    const error = stateFileError(cause, { ...problem, kept: 'The journal on disk is as it was before this change.' });
    expect(error).toBeInstanceOf(PyreleaseError);
    expect(error).toMatchObject({
      code: 'journal.unwritable',
      kind: 'failed',
      message: `Could not save the journal to /r/.git/pyrelease/journal.json: ${words} (${code}). The journal on disk is as it was before this change.`,
      cause,
    });
    expect((error as PyreleaseError).hint).toContain(fix);
    expect((error as PyreleaseError).hint).toMatch(/Then run pyrelease again: `pyrelease --resume` continues/);
  });

  it('leaves every other error as it was: not the user to fix', () => {
    for (const other of [failed('EIO'), failed('ENOENT'), new Error('plain'), 'text', undefined]) {
      expect(stateFileError(other, problem)).toBe(other);
    }
  });

  it('quotes a directory with spaces in the commands of the hint, and takes another code', () => {
    const error = stateFileError(failed('EACCES'), {
      code: 'log.unwritable',
      doing: 'open the log',
      path: '/home/me/my project/.git/pyrelease/logs/r.log',
      dir: "/home/me/it's/logs",
    }) as PyreleaseError;
    expect(error.code).toBe('log.unwritable');
    expect(error.hint).toContain(`\`chmod -R u+w '/home/me/it'\\''s/logs'\``);
  });
});

describe.runIf(CAN_LOCK_DOWN_DIRECTORIES)('FileJournalStore in a directory it may not write', () => {
  it('save: names the journal and the cause, keeps the journal as it was, and saves again once fixed', async () => {
    const { store, dir, before } = await savedStore();
    await whileLocked(dir, async (locked) => {
      const error = await store.save(journal('r-1', 'failed')).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PyreleaseError);
      expect(error).toMatchObject({
        code: 'journal.unwritable',
        message:
          `Could not save the journal to ${store.path}: ${CAUSE[locked.code]}. ` +
          'The journal on disk is as it was before this change.',
        hint: expect.stringContaining('`pyrelease --resume`'),
      });
      expect(readFileSync(store.path, 'utf8')).toBe(before);
    });
    await store.save(journal('r-1', 'failed'));
    expect((await store.load())?.state).toBe('failed');
    expect(readdirSync(dir)).toEqual(['journal.json']);
  });

  it('lock: names the lock file and the cause', async () => {
    const { store, dir } = await savedStore();
    await whileLocked(dir, async (locked) => {
      await expect(store.lock()).rejects.toMatchObject({
        code: 'journal.unwritable',
        message: `Could not create the lock ${store.lockPath}: ${CAUSE[locked.code]}.`,
      });
    });
    const lock = await store.lock();
    await lock.release();
  });

  it('lock: a stale lock that cannot be removed is named as such, not as a race with another session', async () => {
    const { store, dir } = await savedStore();
    writeFileSync(store.lockPath, JSON.stringify({ pid: 2 ** 22 + 1, host: 'this-host', startedAt: 'x' }));
    const stale = new FileJournalStore(dir, { redactor: new Redactor(), host: 'this-host', isAlive: () => false });
    await whileLocked(dir, async (locked) => {
      await expect(stale.lock()).rejects.toMatchObject({
        code: 'journal.unwritable',
        message: `Could not remove the stale lock ${store.lockPath}: ${CAUSE[locked.code]}.`,
      });
    });
    const lock = await stale.lock();
    expect(lock.tookOverFrom?.pid).toBe(2 ** 22 + 1);
    await lock.release();
  });

  it('archive: history/ locked, the journal stays in place', async () => {
    const { store, dir, before } = await savedStore();
    mkdirSync(join(dir, 'history'));
    await whileLocked(join(dir, 'history'), async (locked) => {
      await expect(store.archive(journal('r-1', 'done'))).rejects.toMatchObject({
        code: 'journal.unwritable',
        message:
          `Could not archive the journal to ${join(dir, 'history', 'r-1.json')}: ${CAUSE[locked.code]}. ` +
          `The journal ${store.path} is still in place.`,
      });
    });
    expect(readFileSync(store.path, 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'history'))).toEqual([]);
  });

  it('the state directory cannot be made: names it', async () => {
    const parent = tempDir();
    const store = new FileJournalStore(join(parent, 'pyrelease'), { redactor: new Redactor() });
    await whileLocked(parent, async (locked) => {
      await expect(store.save(journal('r-1'))).rejects.toMatchObject({
        code: 'journal.unwritable',
        message: `Could not create the directory ${store.dir}: ${CAUSE[locked.code]}.`,
      });
    });
  });
});

describe.runIf(CAN_MAKE_IMMUTABLE)('FileJournalStore with an immutable journal.json (chattr +i)', () => {
  it('save: the new journal cannot replace it; it stays as it was, and no temporary file is left', async () => {
    const { store, dir, before } = await savedStore();
    await whileLocked(store.path, async () => {
      await expect(store.save(journal('r-1', 'failed'))).rejects.toMatchObject({
        code: 'journal.unwritable',
        message: expect.stringContaining(`${store.path}: operation not permitted (EPERM).`),
        hint: expect.stringContaining(`\`sudo chattr -R -i -a ${dir}\``),
      });
      expect(readFileSync(store.path, 'utf8')).toBe(before);
      expect(readdirSync(dir)).toEqual(['journal.json']);
    });
  });
});

describe('LogFile', () => {
  it.runIf(CAN_LOCK_DOWN_DIRECTORIES)('a log directory it may not write: log.unwritable, naming the log', () => {
    const logs = join(tempDir(), 'logs');
    mkdirSync(logs);
    const path = join(logs, 'r-1.log');
    const locked = lockDown(logs)!;
    try {
      expect(() => new LogFile(path)).toThrow(
        expect.objectContaining({
          code: 'log.unwritable',
          message: `Could not open the log ${path}: ${CAUSE[locked.code]}.`,
        }),
      );
    } finally {
      locked.undo();
    }
    expect(existsSync(path)).toBe(false);
  });

  it.runIf(existsSync('/dev/full'))('a full disk while writing (/dev/full): one warning, no crash', async () => {
    const heard: unknown[] = [];
    let told!: () => void;
    const toldOnce = new Promise<void>((resolve) => (told = resolve));
    const log = new LogFile('/dev/full', (error) => {
      heard.push(error);
      told();
    });
    log.write('› Inside a git repository');
    await toldOnce;
    log.write('a line after the disk filled up');
    await log.close();
    expect(heard).toEqual([
      expect.objectContaining({
        code: 'log.unwritable',
        message: 'Could not write the log to /dev/full: no space left on the device (ENOSPC).',
      }),
    ]);
  });

  it('writes every line, and closes', async () => {
    const path = join(tempDir(), 'logs', 'r-1.log');
    const log = new LogFile(path);
    log.write('one');
    log.write('two\n');
    await log.close();
    expect(readFileSync(path, 'utf8')).toBe('one\ntwo\n');
    // Appends: a resumed session adds to the same log.
    const again = new LogFile(path);
    again.write('three');
    await again.close();
    expect(readFileSync(path, 'utf8')).toBe('one\ntwo\nthree\n');
  });
});
