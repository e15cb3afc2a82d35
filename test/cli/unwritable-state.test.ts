import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalData } from '../../src/ports/journal-store';
import { runCli } from '../helpers/cli';
import { copyFixture } from '../helpers/fixture-copy';
import { git } from '../helpers/git-repo';
import { CAN_LOCK_DOWN_DIRECTORIES, CAN_MAKE_IMMUTABLE, lockDown } from '../helpers/read-only';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const CAUSE = { EPERM: 'operation not permitted (EPERM)', EACCES: 'permission denied (EACCES)' };

/**
 * A checkout of the static fixture with a file:// origin (no network), after a first release that
 * stopped at the publish workflows (there are none): its journal is in .git/pyrelease.
 */
async function stoppedRelease(): Promise<{ dir: string; state: string; journal: string }> {
  const parent = tempDir();
  const dir = copyFixture('static', parent, { git: true });
  git(parent, 'clone', '-q', '--bare', dir, join(parent, 'origin.git'));
  git(dir, 'remote', 'set-url', 'origin', join(parent, 'origin.git'));
  git(dir, 'fetch', '-q', 'origin');
  git(dir, 'branch', '-q', '--set-upstream-to', 'origin/main');
  const first = await runCli([], { cwd: dir });
  expect(first.exitCode).toBe(1);
  const state = join(dir, '.git', 'pyrelease');
  const journal = join(state, 'journal.json');
  expect((JSON.parse(readFileSync(journal, 'utf8')) as JournalData).steps['prepare.workflows']).toMatchObject({
    state: 'failed',
    attempts: 1,
  });
  return { dir, state, journal };
}

/** `--resume` works again once the state is writable: the failed step is tried a second time. */
async function resumesOnceFixed(dir: string, journal: string): Promise<void> {
  const resumed = await runCli(['--resume'], { cwd: dir });
  expect(resumed.stderr).toBe('');
  expect(resumed.exitCode).toBe(1);
  expect(resumed.stdout).toContain('✗ Stopped at');
  expect((JSON.parse(readFileSync(journal, 'utf8')) as JournalData).steps['prepare.workflows']).toMatchObject({
    state: 'failed',
    attempts: 2,
  });
}

describe('pyrelease --resume when .git/pyrelease cannot be written', () => {
  it.runIf(CAN_LOCK_DOWN_DIRECTORIES)(
    'a locked-down state directory: the lock file and the cause are named, never "a bug"; the journal stays; resume works once fixed',
    async () => {
      const { dir, state, journal } = await stoppedRelease();
      const before = readFileSync(journal, 'utf8');
      const locked = lockDown(state)!;
      let run;
      try {
        run = await runCli(['--resume'], { cwd: dir });
      } finally {
        locked.undo();
      }
      expect(run.exitCode).toBe(1);
      expect(run.stderr.split('\n')[0]).toBe(
        `pyrelease: Could not create the lock ${join(state, 'lock')}: ${CAUSE[locked.code]}.`,
      );
      expect(run.stderr).toContain('Then run pyrelease again: `pyrelease --resume` continues the release in progress.');
      expect(run.stderr).not.toMatch(/bug|unexpected error|\n {4}at /);
      expect(readFileSync(journal, 'utf8')).toBe(before);
      await resumesOnceFixed(dir, journal);
    },
  );

  it.runIf(CAN_MAKE_IMMUTABLE)(
    'an immutable journal.json: the journal and the cause are named, the lock is released, the journal stays',
    async () => {
      const { dir, state, journal } = await stoppedRelease();
      const before = readFileSync(journal, 'utf8');
      const locked = lockDown(journal)!;
      let run;
      try {
        run = await runCli(['--resume'], { cwd: dir });
      } finally {
        locked.undo();
      }
      expect(run.exitCode).toBe(1);
      expect(run.stderr.split('\n').slice(0, 2)).toEqual([
        `pyrelease: Could not save the journal to ${journal}: operation not permitted (EPERM). ` +
          'The journal on disk is as it was before this change.',
        `  → If an immutable or append-only attribute is set (\`lsattr -d ${state}\` and \`lsattr ${state}\` show ` +
          `an \`i\` or an \`a\`), clear it with \`sudo chattr -R -i -a ${state}\`; if another user owns it, ` +
          `\`sudo chown -R "$(id -un)" ${state}\`. Then run pyrelease again: \`pyrelease --resume\` continues the ` +
          'release in progress.',
      ]);
      expect(readFileSync(journal, 'utf8')).toBe(before);
      expect(existsSync(join(state, 'lock'))).toBe(false);
      await resumesOnceFixed(dir, journal);
    },
  );
});
