import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const IDENTITY = [
  '-c',
  'user.name=Test Maintainer',
  '-c',
  'user.email=maintainer@example.invalid',
  '-c',
  'init.defaultBranch=main',
  '-c',
  'commit.gpgsign=false',
];

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** A real repository with one commit on `main`. */
export function makeRepo(dir: string): string {
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'README.md'), '# sample\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'Initial commit');
  return dir;
}

/**
 * A shallow clone (`git clone --depth 1`, over file:// so the depth is honoured) of `source` into `target`:
 * only the newest commit, and none of the tags on older ones.
 */
export function shallowClone(source: string, target: string): string {
  execFileSync('git', ['clone', '-q', '--depth', '1', pathToFileURL(source).href, target], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return target;
}
