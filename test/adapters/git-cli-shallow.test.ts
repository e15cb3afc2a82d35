import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitCli } from '../../src/adapters/git-cli';
import { ExecaProcessRunner } from '../../src/adapters/process-execa';
import { Redactor } from '../../src/domain/redactor';
import { UNSHALLOW_COMMAND } from '../../src/domain/shallow-clone';
import { git, makeRepo, shallowClone } from '../helpers/git-repo';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const reads = (cwd: string) => new GitCli(new ExecaProcessRunner(new Redactor(), { cwd }), cwd);

/** A bare repository with two commits on main, the first tagged v1.0.0. */
function origin(): string {
  const root = tempDir();
  const work = join(root, 'work');
  mkdirSync(work);
  makeRepo(work);
  git(work, 'tag', '-a', '-m', 'Release 1.0.0', 'v1.0.0');
  writeFileSync(join(work, 'CHANGES.md'), '# changes\n');
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', 'Second commit');
  git(root, 'clone', '-q', '--bare', work, join(root, 'origin.git'));
  return join(root, 'origin.git');
}

describe('GitCli.isShallow', () => {
  it('is true in a shallow clone, and false once the command it is told to run has fetched the rest', async () => {
    const clone = shallowClone(origin(), join(tempDir(), 'clone'));
    const cli = reads(clone);
    expect(await cli.isShallow()).toBe(true);
    // What makes it matter: the tag on the older commit is not there.
    expect(await cli.tags()).toEqual([]);

    git(clone, ...UNSHALLOW_COMMAND.split(' ').slice(1));
    expect(await cli.isShallow()).toBe(false);
    expect(await cli.tags()).toEqual(['v1.0.0']);
  });

  it('is false in a full clone and in a repository made here', async () => {
    const source = origin();
    const full = join(tempDir(), 'full');
    git(tempDir(), 'clone', '-q', source, full);
    expect(await reads(full).isShallow()).toBe(false);
    expect(await reads(makeRepo(tempDir())).isShallow()).toBe(false);
  });
});
