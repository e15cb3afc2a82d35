import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FileJournalStore,
  parseJournal,
  processCommandLine,
  processStartTime,
  type FileJournalOptions,
} from '../../src/adapters/journal-file';
import { MemoryJournalStore } from '../../src/adapters/journal-memory';
import { Redactor } from '../../src/domain/redactor';
import { loadJournal, newJournalData } from '../../src/engine/journal';
import type { JournalData } from '../../src/ports/journal-store';
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
    expect(text).toContain('https://***@example.invalid');
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

/** Every file under `root`, relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** A journal with every optional field set, as a flow that handed over writes it. */
const fullJournal = (): JournalData => ({
  ...data(),
  state: 'paused',
  release: { project: 'quillnote', from: '0.1.0', to: '0.1.1' },
  params: { target: 'v0.1.1', dry: false, list: [1, null, { deep: 'x' }] },
  facts: { 'chosen-version': { version: '0.1.1', tag: 'v0.1.1' }, counter: 3, nothing: null },
  steps: {
    'prepare.push': {
      state: 'failed',
      title: 'Push the release commit',
      startedAt: '2026-11-21T00:00:01.000Z',
      finishedAt: '2026-11-21T00:00:02.000Z',
      attempts: 2,
      detail: 'rejected',
      error: { code: 'git.push', message: 'rejected', hint: 'pull first' },
    },
    'prepare.version': { state: 'done', title: 'Choose the version', attempts: 1 },
  },
  answers: {
    'push.confirm': { value: true, source: 'user', at: '2026-11-21T00:00:01.500Z', step: 'prepare.push' },
    'version.choice': { value: 'patch', source: 'flag', at: '2026-11-21T00:00:00.500Z', step: 'prepare.version' },
    'checklist.all': {
      value: ['a', 'b'],
      source: 'journal',
      at: '2026-11-21T00:00:00.700Z',
      step: 'prepare.checklist',
    },
  },
  parent: { flow: 'release', releaseId: '2026-12-03T14-59-39-766Z-b0b3' },
  handoff: { flow: 'rollback', params: { version: '0.1.1' }, reason: 'the publish failed' },
});

type Raw = Record<string, unknown>;
const v2 = (): Raw => JSON.parse(JSON.stringify(fullJournal())) as Raw;
const v1File = new URL('../fixtures/journals/v1-paused-after-testpypi.json', import.meta.url);
const v1 = (): Raw => JSON.parse(readFileSync(v1File, 'utf8')) as Raw;
const steps = (journal: Raw) => journal['steps'] as Record<string, Raw>;
const answers = (journal: Raw) => journal['answers'] as Record<string, Raw>;

describe('a journal is checked whole when it is read', () => {
  const corrupt: [string, string, () => unknown][] = [
    ['answers null', 'answers', () => ({ ...v2(), answers: null })],
    ['no answers', 'answers', () => ({ ...v2(), answers: undefined })],
    ['steps an array', 'steps', () => ({ ...v2(), steps: [] })],
    [
      'a step in an unknown state',
      'steps.prepare.push.state',
      () => {
        const journal = v2();
        steps(journal)['prepare.push']!['state'] = 'half-done';
        return journal;
      },
    ],
    [
      'attempts as a string',
      'steps.prepare.version.attempts',
      () => {
        const journal = v2();
        steps(journal)['prepare.version']!['attempts'] = '1';
        return journal;
      },
    ],
    [
      'an answer of the wrong type',
      'answers.push.confirm.value',
      () => {
        const journal = v2();
        answers(journal)['push.confirm']!['value'] = { yes: true };
        return journal;
      },
    ],
    ['facts not an object', 'facts', () => ({ ...v2(), facts: 'chosen-version' })],
    ['facts an array', 'facts', () => ({ ...v2(), facts: [] })],
    ['release not an object', 'release', () => ({ ...v2(), release: 'quillnote 0.1.1' })],
    ['release an array', 'release', () => ({ ...v2(), release: [] })],
    ['answers an array', 'answers', () => ({ ...v2(), answers: [] })],
    ['params an array', 'params', () => ({ ...v2(), params: [] })],
    ['a step an array', 'steps.prepare.version', () => ({ ...v2(), steps: { 'prepare.version': [] } })],
    ['a parent an array', 'parent', () => ({ ...v2(), parent: [] })],
    ['a release field not a string', 'release.to', () => ({ ...v2(), release: { to: 11 } })],
    ['an unknown release state', 'state', () => ({ ...v2(), state: 'resting' })],
    ['schema 0', 'schema', () => ({ ...v2(), schema: 0 })],
    ['schema "2"', 'schema', () => ({ ...v2(), schema: '2' })],
    ['no schema', 'schema', () => ({ ...v2(), schema: undefined })],
    ['schema 2.5', 'schema', () => ({ ...v2(), schema: 2.5 })],
    ['releaseId "../../escape"', 'releaseId', () => ({ ...v2(), releaseId: '../../escape' })],
    ['releaseId with a slash', 'releaseId', () => ({ ...v2(), releaseId: 'a/b' })],
    ['releaseId too long', 'releaseId', () => ({ ...v2(), releaseId: 'x'.repeat(101) })],
    ['releaseId a number', 'releaseId', () => ({ ...v2(), releaseId: 7 })],
    [
      'a parent releaseId "../x"',
      'parent.releaseId',
      () => ({ ...v2(), parent: { flow: 'release', releaseId: '../x' } }),
    ],
    ['a handoff without params', 'handoff.params', () => ({ ...v2(), handoff: { flow: 'rollback', reason: 'r' } })],
    ['null', '', () => null],
    ['a string', '', () => 'journal'],
    [
      'a v1 step output not an object',
      'steps.prepare.push.outputs',
      () => {
        const journal = v1();
        steps(journal)['prepare.push']!['outputs'] = 'origin/main';
        return journal;
      },
    ],
    ['a v1 journal without a mode', 'mode', () => ({ ...v1(), mode: undefined })],
    ['a v1 journal with steps null', 'steps', () => ({ ...v1(), steps: null })],
  ];

  it.each(corrupt)('refuses %s, naming `%s`, and leaves the file untouched', async (_name, path, make) => {
    const root = tempDir();
    const dir = join(root, 'pyrelease');
    mkdirSync(dir);
    const store = new FileJournalStore(dir, { redactor: new Redactor() });
    const text = JSON.stringify(make(), null, 2);
    writeFileSync(store.path, text);
    const error = await store.load().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({
      code: 'journal.corrupt',
      message: expect.stringContaining(path ? `at \`${path}\`: ` : 'at the top level: '),
      hint: expect.stringContaining(`mv ${store.path} ${store.path}.broken`),
    });
    expect(readFileSync(store.path, 'utf8')).toBe(text);
    expect(filesUnder(root)).toEqual(['pyrelease/journal.json']);
  });

  it('names the first problem and counts the others', () => {
    expect(() => parseJournal(JSON.stringify({ ...v2(), answers: null, facts: 1 }), 'j.json')).toThrow(
      /at `facts`: .* \(and 1 more problem\)\./,
    );
  });

  it('never prints a control character from the file', () => {
    const hostile = { ...v2(), steps: { '\u001b[2Jstep': { state: 'done', title: 't', attempts: '\u001b[31m' } } };
    expect(() => parseJournal(JSON.stringify(hostile), 'j.json')).toThrow(/at `steps\.\?\[2Jstep\.attempts`/);
    try {
      parseJournal(JSON.stringify(hostile), 'j.json');
    } catch (error) {
      expect((error as Error).message).not.toContain('\u001b');
    }
  });

  it.each([3, 12])('refuses schema %i as a newer pyrelease, whatever else it holds', async (schema) => {
    const dir = tempDir();
    const store = new FileJournalStore(dir, { redactor: new Redactor() });
    const text = JSON.stringify({ schema, somethingNew: true });
    writeFileSync(store.path, text);
    await expect(store.load()).rejects.toMatchObject({
      code: 'journal.newer-schema',
      message: expect.stringContaining(`schema ${schema}`),
      hint: expect.stringContaining('pyrelease@latest'),
    });
    expect(readFileSync(store.path, 'utf8')).toBe(text);
  });

  it('loads a v2 journal with every field, as it was saved', async () => {
    const dir = tempDir();
    const store = new FileJournalStore(dir, { redactor: new Redactor() });
    await store.save(fullJournal());
    expect(await store.load()).toEqual(fullJournal());
  });

  it('loads the journal pyrelease 0.1 wrote (schema 1) whole, and upgrades it', async () => {
    const dir = tempDir();
    const store = new FileJournalStore(dir, { redactor: new Redactor() });
    writeFileSync(store.path, readFileSync(v1File));
    expect(await store.load()).toEqual(v1());
    const upgraded = await loadJournal(store);
    expect(upgraded).toMatchObject({ schema: 2, flow: 'release', releaseId: '2026-12-03T14-59-39-766Z-b0b3' });
    expect(Object.keys(upgraded?.facts ?? {})).not.toHaveLength(0);
  });
});

describe('archive()', () => {
  it.each(['../../escape', '../history-x', '..', '/tmp/pyrelease-escape', 'a/b', 'a\\b', '', 'x'.repeat(101)])(
    'refuses the release id %j and writes nothing, inside history/ or out',
    async (releaseId) => {
      const root = tempDir();
      const dir = join(root, 'repo', '.git', 'pyrelease');
      const store = new FileJournalStore(dir, { redactor: new Redactor() });
      await store.save(data());
      await expect(store.archive({ ...data(), releaseId })).rejects.toMatchObject({
        code: 'journal.unsafe-release-id',
      });
      expect(filesUnder(root)).toEqual(['repo/.git/pyrelease/journal.json']);
      expect(existsSync('/tmp/pyrelease-escape.json')).toBe(false);
    },
  );

  it('archives an id as pyrelease makes them', async () => {
    const dir = tempDir();
    const store = new FileJournalStore(dir, { redactor: new Redactor() });
    const releaseId = '2026-12-03T14-59-39-766Z-b0b3';
    expect(await store.archive({ ...data(), releaseId })).toBe(join(dir, 'history', `${releaseId}.json`));
  });

  it('is refused the same way by the memory store', async () => {
    const store = new MemoryJournalStore();
    await expect(store.archive({ ...data(), releaseId: '../../escape' })).rejects.toMatchObject({
      code: 'journal.unsafe-release-id',
    });
    expect(store.archived).toEqual([]);
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
    const second = new FileJournalStore(dir, {
      redactor: new Redactor(),
      pid: 200,
      host: 'box',
      isAlive: () => true,
      processStartedAt: () => undefined,
      processCommand: () => undefined,
    });
    await expect(second.lock()).rejects.toMatchObject({
      code: 'journal.locked',
      message: expect.stringContaining('pid 100'),
      hint: expect.stringContaining('pyrelease --resume'),
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

describe('the journal lock and pid reuse', () => {
  const LOCKED_AT = Date.UTC(2026, 10, 21, 12, 0, 0);
  const holder = (dir: string) =>
    new FileJournalStore(dir, { redactor: new Redactor(), pid: 100, host: 'box', now: () => LOCKED_AT }).lock();
  const next = (dir: string, options: Partial<FileJournalOptions>) =>
    new FileJournalStore(dir, { redactor: new Redactor(), pid: 200, host: 'box', isAlive: () => true, ...options });

  it('takes over a lock whose pid is alive but started after the lock was taken', async () => {
    const dir = tempDir();
    await holder(dir);
    const handle = await next(dir, {
      processStartedAt: (pid) => (pid === 100 ? LOCKED_AT + 60_000 : undefined),
    }).lock();
    expect(handle.tookOverFrom).toMatchObject({ pid: 100, host: 'box' });
    expect(JSON.parse(readFileSync(join(dir, 'lock'), 'utf8'))).toMatchObject({ pid: 200 });
  });

  it.each([
    ['long before the lock', LOCKED_AT - 3_600_000],
    ['within the tolerance after it', LOCKED_AT + 1_500],
    ['at an unknown time', undefined],
  ])(
    'refuses a live holder whose process started %s, saying who it is, never suggesting kill',
    async (_when, started) => {
      const dir = tempDir();
      await holder(dir);
      const error = await next(dir, {
        processStartedAt: async () => started,
        processCommand: (pid) => (pid === 100 ? 'node /usr/lib/pyrelease/bin/pyrelease.js --resume' : undefined),
      })
        .lock()
        .then(
          () => undefined,
          (thrown: unknown) => thrown as { code: string; message: string; hint: string },
        );
      expect(error).toMatchObject({
        code: 'journal.locked',
        message: expect.stringContaining('pid 100'),
      });
      expect(`${error?.message} ${error?.hint}`).not.toMatch(/kill/i);
      expect(error?.message).toContain(new Date(LOCKED_AT).toISOString());
      expect(error?.message).toContain('`node /usr/lib/pyrelease/bin/pyrelease.js --resume`');
      expect(error?.hint).toContain('Wait for that session to finish');
      expect(JSON.parse(readFileSync(join(dir, 'lock'), 'utf8'))).toMatchObject({ pid: 100 });
    },
  );

  it('does not print secrets or escapes from the holder command line', async () => {
    const dir = tempDir();
    await holder(dir);
    const redactor = new Redactor();
    redactor.add('ghp_abcdefghijklmnop');
    const store = new FileJournalStore(dir, {
      redactor,
      pid: 200,
      host: 'box',
      isAlive: () => true,
      processStartedAt: () => LOCKED_AT - 1000,
      processCommand: () => 'pyrelease --token ghp_abcdefghijklmnop \u001b[2J',
    });
    const error = await store.lock().catch((thrown: unknown) => thrown as Error);
    expect((error as Error).message).toContain('pyrelease --token ***');
    expect((error as Error).message).not.toContain('\u001b');
  });

  it('treats a lock with pid 0 as stale rather than probing a process group', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lock'), JSON.stringify({ pid: 0, host: 'box', startedAt: '2026-11-21T12:00:00Z' }));
    const handle = await next(dir, {}).lock();
    expect(handle.tookOverFrom).toMatchObject({ pid: 0 });
  });

  describe.skipIf(process.platform === 'win32')('with the real process table', () => {
    it('reads when this process started, and its command line', async () => {
      const started = await processStartTime(process.pid);
      expect(started).toBeDefined();
      expect(Math.abs(started! - (Date.now() - process.uptime() * 1000))).toBeLessThan(2_000);
      expect(await processCommandLine(process.pid)).toContain(process.argv[1]);
    });

    it('takes over a lock that names this live process but predates it (the pid was reused)', async () => {
      const dir = tempDir();
      const lock = { pid: process.pid, host: hostname(), startedAt: '2000-01-01T00:00:00.000Z' };
      writeFileSync(join(dir, 'lock'), JSON.stringify(lock));
      const handle = await new FileJournalStore(dir, { redactor: new Redactor(), pid: 4242 }).lock();
      expect(handle.tookOverFrom).toEqual(lock);
    });

    it('refuses a lock this live process took, naming its command line', async () => {
      const dir = tempDir();
      const lockedAt = new Date(Date.now() - 1000).toISOString();
      const lock = { pid: process.pid, host: hostname(), startedAt: lockedAt };
      writeFileSync(join(dir, 'lock'), JSON.stringify(lock));
      const store = new FileJournalStore(dir, { redactor: new Redactor(), pid: 4242 });
      await expect(store.lock()).rejects.toMatchObject({
        code: 'journal.locked',
        message: expect.stringContaining(`pid ${process.pid}, holding the lock since ${lockedAt}, running \``),
      });
    });
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
