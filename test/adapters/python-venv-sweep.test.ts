// Smoke venvs a stopped session left in the temp directory are removed at the next start; the
// ones kept for the user after a failure stay, and are named.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExecaProcessRunner } from '../../src/adapters/process-execa';
import { PythonVenvEnvironments } from '../../src/adapters/python-venv';
import { Redactor } from '../../src/domain/redactor';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A directory as `create` leaves it: the name it makes, the owner's pid, maybe the kept mark. */
function leftover(root: string, suffix: string, files: Record<string, string>): string {
  const dir = join(root, `pyrelease-venv-${suffix}`);
  mkdirSync(join(dir, 'venv'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('sweeping the smoke venvs', () => {
  it('removes what a session that is gone left, keeps what was kept for the user, and leaves the rest', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pyrelease-test-'));
    roots.push(root);
    const DEAD = 424242;
    const LIVE = 515151;
    const abandoned = leftover(root, 'Abc123', { 'owner.pid': `${DEAD}\n` });
    const kept = leftover(root, 'Kep123', { 'owner.pid': `${DEAD}\n`, KEPT: 'kept\n' });
    const running = leftover(root, 'Liv123', { 'owner.pid': `${LIVE}\n` });
    const unknown = leftover(root, 'Unk123', {});
    const foreign = mkdtempSync(join(root, 'other-'));
    const python = new PythonVenvEnvironments(new ExecaProcessRunner(new Redactor()), {
      tempRoot: root,
      isAlive: (pid) => pid === LIVE,
    });

    expect(await python.sweep()).toEqual({ removed: [abandoned], kept: [kept] });
    expect(existsSync(abandoned)).toBe(false);
    for (const dir of [kept, running, unknown, foreign]) expect(existsSync(dir)).toBe(true);
  });

  it('marks a venv kept, so a later sweep leaves it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pyrelease-test-'));
    roots.push(root);
    const dir = leftover(root, 'Fai123', { 'owner.pid': '424242\n' });
    const python = new PythonVenvEnvironments(new ExecaProcessRunner(new Redactor()), {
      tempRoot: root,
      isAlive: () => false,
    });
    await python.keep({
      dir,
      python: join(dir, 'venv', 'bin', 'python'),
      bin: (name) => join(dir, 'venv', 'bin', name),
    });
    expect(await python.sweep()).toEqual({ removed: [], kept: [dir] });
    expect(existsSync(dir)).toBe(true);
  });
});
