import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileJournalStore, parseJournal } from '../../src/adapters/journal-file';
import { Redactor } from '../../src/domain/redactor';
import { newJournalData } from '../../src/engine/journal';
import { bundleScript } from '../helpers/bundle-script';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const data = () =>
  newJournalData({ releaseId: 'r-1', flow: 'release', params: {}, now: Date.UTC(2026, 10, 21), version: 'test' });

describe('FileJournalStore', () => {
  it('saves and loads the journal, and archives it into history/', async () => {
    const dir = tempDir();
    const store = new FileJournalStore(dir, { redactor: new Redactor() });
    expect(await store.load()).toBeUndefined();
    await store.save(data());
    expect((await store.load())?.releaseId).toBe('r-1');
    const archived = await store.archive(data());
    expect(archived).toBe(join(dir, 'history', 'r-1.json'));
    expect(existsSync(store.path)).toBe(false);
    expect(JSON.parse(readFileSync(archived, 'utf8')).releaseId).toBe('r-1');
  });

  it('never writes a registered token into the file', async () => {
    const dir = tempDir();
    const redactor = new Redactor();
    redactor.add('ghp_abcdefghijklmnop');
    const store = new FileJournalStore(dir, { redactor });
    const journal = data();
    journal.release.project = 'https://x:ghp_abcdefghijklmnop@example.invalid';
    await store.save(journal);
    const text = readFileSync(store.path, 'utf8');
    expect(text).not.toContain('ghp_abcdefghijklmnop');
    expect(text).toContain('https://x:***@example.invalid');
  });

  it('refuses a corrupt journal with a way out, and leaves it untouched', async () => {
    const dir = tempDir();
    const store = new FileJournalStore(dir, { redactor: new Redactor() });
    writeFileSync(store.path, '{"schema": 1, "relea');
    await expect(store.load()).rejects.toMatchObject({
      code: 'journal.corrupt',
      hint: expect.stringContaining('.broken'),
    });
    expect(readFileSync(store.path, 'utf8')).toBe('{"schema": 1, "relea');
  });

  it('refuses a journal from a newer pyrelease', async () => {
    const dir = tempDir();
    const store = new FileJournalStore(dir, { redactor: new Redactor() });
    writeFileSync(store.path, JSON.stringify({ ...data(), schema: 99 }));
    await expect(store.load()).rejects.toMatchObject({
      code: 'journal.newer-schema',
      message: expect.stringContaining('schema 99'),
    });
  });

  it('refuses JSON that is not a journal', () => {
    expect(() => parseJournal('[1,2]', 'j.json')).toThrow(/does not look like a pyrelease journal/);
  });
});

describe('the journal lock', () => {
  it('stops a second session while the first one lives', async () => {
    const dir = tempDir();
    const first = await new FileJournalStore(dir, {
      redactor: new Redactor(),
      pid: 100,
      host: 'box',
      isAlive: () => true,
    }).lock();
    const second = new FileJournalStore(dir, { redactor: new Redactor(), pid: 200, host: 'box', isAlive: () => true });
    await expect(second.lock()).rejects.toMatchObject({
      code: 'journal.locked',
      message: expect.stringContaining('pid 100'),
      hint: expect.stringContaining('kill 100'),
    });
    await first.release();
    const again = await second.lock();
    expect(again.tookOverFrom).toBeUndefined();
    await again.release();
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  });

  it('takes over a stale lock whose process is gone, and says so', async () => {
    const dir = tempDir();
    await new FileJournalStore(dir, { redactor: new Redactor(), pid: 100, host: 'box' }).lock();
    const next = await new FileJournalStore(dir, {
      redactor: new Redactor(),
      pid: 200,
      host: 'box',
      isAlive: (pid) => pid !== 100,
    }).lock();
    expect(next.tookOverFrom).toMatchObject({ pid: 100, host: 'box' });
    expect(JSON.parse(readFileSync(join(dir, 'lock'), 'utf8'))).toMatchObject({ pid: 200 });
  });

  it('does not guess about a lock held on another host', async () => {
    const dir = tempDir();
    await new FileJournalStore(dir, { redactor: new Redactor(), pid: 100, host: 'laptop' }).lock();
    const here = new FileJournalStore(dir, {
      redactor: new Redactor(),
      pid: 200,
      host: 'ci-box',
      isAlive: () => false,
    });
    await expect(here.lock()).rejects.toMatchObject({
      code: 'journal.locked-elsewhere',
      hint: expect.stringContaining(join(dir, 'lock')),
    });
  });

  it('releases only its own lock', async () => {
    const dir = tempDir();
    const mine = await new FileJournalStore(dir, {
      redactor: new Redactor(),
      pid: 100,
      host: 'box',
      isAlive: () => false,
    }).lock();
    const theirs = await new FileJournalStore(dir, {
      redactor: new Redactor(),
      pid: 200,
      host: 'box',
      isAlive: () => false,
    }).lock();
    await mine.release();
    expect(JSON.parse(readFileSync(join(dir, 'lock'), 'utf8'))).toMatchObject({ pid: 200 });
    await theirs.release();
  });
});

describe('atomic saves', () => {
  let writer: string;
  beforeAll(async () => {
    writer = await bundleScript('test/fixtures/scripts/journal-writer.ts');
  });

  it('leave the old or the new journal when the writer is SIGKILLed mid-loop, never a torn one', async () => {
    const dir = tempDir();
    const seen: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      const child = spawn(process.execPath, [writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      const lines = createInterface({ input: child.stdout });
      // Kill at a different depth each round, once the loop is really writing.
      const target = 20 * (1 + (round % 3));
      for await (const line of lines) {
        if (Number(line.split(' ')[1]) >= target) break;
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const journal = parseJournal(readFileSync(join(dir, 'journal.json'), 'utf8'), 'journal.json');
      const counter = journal.schema === 2 ? journal.facts['counter'] : undefined;
      const n = counter && typeof counter === 'object' && !Array.isArray(counter) ? counter['n'] : undefined;
      expect(typeof n).toBe('number');
      seen.push(n as number);
    }
    expect(seen.every((n) => n >= 20)).toBe(true);
    // Leftover temporary files may exist after a kill; the journal itself is always whole.
    expect(readdirSync(dir)).toContain('journal.json');
  });
});
