import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git } from './git-repo';

/** test/fixtures/projects/<shape>/: one static project per version-source shape. */
export const PROJECT_FIXTURES = fileURLToPath(new URL('../fixtures/projects/', import.meta.url));
/** test/fixtures/workflows/*.yml: publish workflows, sound and broken. */
export const WORKFLOW_FIXTURES = fileURLToPath(new URL('../fixtures/workflows/', import.meta.url));

export interface FixtureCopyOptions {
  /** Make the copy a git repository: everything committed on `main`, origin on GitHub. */
  git?: boolean;
  /** Repository name in the origin URL `git@github.com:acme/<repo>.git`; the shape by default. */
  repo?: string;
  /** Tags on that commit (implies `git`), e.g. `['v1.2.3']`. */
  tags?: readonly string[];
}

/**
 * Copies the fixture project `shape` into `parent/<shape>` and returns that directory, so tests
 * that write never touch the fixtures themselves.
 */
export function copyFixture(shape: string, parent: string, options: FixtureCopyOptions = {}): string {
  const source = join(PROJECT_FIXTURES, shape);
  if (!existsSync(join(source, 'pyproject.toml')))
    throw new Error(`There is no fixture project "${shape}" in ${PROJECT_FIXTURES}`);
  const target = join(parent, shape);
  cpSync(source, target, { recursive: true });
  if (options.git || options.tags) makeGitHubCheckout(target, options.repo ?? shape, options.tags ?? []);
  return target;
}

/** Turns `dir` into a checkout: one commit of everything in it, origin `git@github.com:acme/<repo>.git`, tags. */
export function makeGitHubCheckout(dir: string, repo: string, tags: readonly string[] = []): string {
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Initial commit');
  git(dir, 'remote', 'add', 'origin', `git@github.com:acme/${repo}.git`);
  for (const tag of tags) git(dir, 'tag', tag);
  return dir;
}

/** Writes `files` (relative path → text, written as given: no newline conversion) under `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/** The text of test/fixtures/workflows/<name>. */
export function workflowFixture(name: string): string {
  return readFileSync(join(WORKFLOW_FIXTURES, name), 'utf8');
}
