// The built binary refuses answers to questions nobody asks, before anything runs (issue 12, item 8).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeRepo } from '../helpers/git-repo';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('an unknown answer id', () => {
  it('stops `pyrelease --yes` with exit 2 and a suggestion, before the journal, the lock or the log exist', async () => {
    const repo = makeRepo(tempDir());
    const run = await runCli(['--answer', 'version.choise=minor', '--yes'], { cwd: repo });
    expect(run.stderr).toMatch(
      /^pyrelease: Unknown answer id "version\.choise"\.\n {2}→ Did you mean `version\.choice`\? The questions of this release: journal\.existing, version\.choice, version\.custom, .*checklist\.<item>, .*publish\.watch\.<item>\.$/,
    );
    expect(run.stdout).toBe('');
    expect(run.exitCode).toBe(2);
    expect(existsSync(join(repo, '.git', 'pyrelease'))).toBe(false);
  });

  it('in an --answers file is refused the same way', async () => {
    const repo = makeRepo(tempDir());
    const file = join(tempDir(), 'answers.json');
    writeFileSync(file, JSON.stringify({ 'version.choice': 'minor', 'tag.confrim': true }));
    const run = await runCli(['--answers', file, '--yes'], { cwd: repo });
    expect(run.stderr).toMatch(/^pyrelease: Unknown answer id "tag\.confrim"\.\n {2}→ Did you mean `tag\.confirm`\? /);
    expect(run.exitCode).toBe(2);
    expect(existsSync(join(repo, '.git', 'pyrelease'))).toBe(false);
  });

  it('is refused before --resume looks for a journal', async () => {
    const run = await runCli(['--resume', '--answer', 'publish.wach.approve=yes'], { cwd: makeRepo(tempDir()) });
    expect(run.stderr).toMatch(
      /^pyrelease: Unknown answer id "publish\.wach\.approve"\.\n {2}→ Did you mean `publish\.watch\.approve`\? /,
    );
    expect(run.stderr).not.toContain('There is no release in progress');
    expect(run.exitCode).toBe(2);
  });

  it('stops `pyrelease demo` before the sandbox is built', async () => {
    const run = await runCli(['demo', '--plain', '--answer', 'version.choise=minor'], { cwd: tempDir() });
    expect(run.stderr).toMatch(
      /^pyrelease: Unknown answer id "version\.choise"\.\n {2}→ Did you mean `version\.choice`\? /,
    );
    expect(run.stdout).not.toContain('Building the sandbox');
    expect(run.exitCode).toBe(2);
  });

  it('is only the unknown one: known ids and ids under a prefix go on to the release', async () => {
    const repo = makeRepo(tempDir());
    const run = await runCli(
      [
        '--dry-run',
        '--answer',
        'version.choice=minor',
        '--answer',
        'checklist.anything=yes',
        '--answer',
        'journal.existing=resume',
      ],
      { cwd: repo },
    );
    expect(run.stderr).not.toContain('Unknown answer id');
    // It ran: the sample repository has no pyproject.toml, which the Prepare stage finds.
    expect(`${run.stdout}\n${run.stderr}`).toContain('pyproject.toml');
    expect(run.exitCode).toBe(1);
  });
});
