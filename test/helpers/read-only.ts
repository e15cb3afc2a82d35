import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A path nobody may change until `undo()`, and the error code a write into it fails with. */
export interface LockedDown {
  code: 'EPERM' | 'EACCES';
  undo(): void;
}

const chattr = (flag: '+i' | '-i', path: string) =>
  execFileSync('chattr', [flag, path], { stdio: ['ignore', 'ignore', 'pipe'] });

/** Whether this process may set the immutable attribute here (root with CAP_LINUX_IMMUTABLE, on ext4 and the like). */
function immutableWorks(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'pyrelease-chattr-'));
  try {
    chattr('+i', dir);
    try {
      writeFileSync(join(dir, 'probe'), '');
      return false;
    } catch {
      return true;
    } finally {
      chattr('-i', dir);
    }
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const CAN_MAKE_IMMUTABLE = immutableWorks();
const IS_ROOT = process.getuid?.() === 0;

/**
 * Makes a file or directory unwritable in a way its owner cannot bypass: immutable (`chattr +i`, EPERM)
 * where that works; else, for a user who is not root, a directory without write permission (EACCES).
 * Undefined when neither is possible here (root without CAP_LINUX_IMMUTABLE, or a file as a non-root user,
 * whose replacement by rename chmod does not stop).
 */
export function lockDown(path: string): LockedDown | undefined {
  if (CAN_MAKE_IMMUTABLE) {
    chattr('+i', path);
    return { code: 'EPERM', undo: () => chattr('-i', path) };
  }
  if (IS_ROOT || !statSync(path).isDirectory()) return undefined;
  const mode = statSync(path).mode & 0o7777;
  chmodSync(path, 0o555);
  return { code: 'EACCES', undo: () => chmodSync(path, mode) };
}

/** Whether `lockDown` can lock a directory here. */
export const CAN_LOCK_DOWN_DIRECTORIES = CAN_MAKE_IMMUTABLE || !IS_ROOT;
