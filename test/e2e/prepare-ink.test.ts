import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseCommand } from '../../src/cli/commands/release';
import type { Terminal } from '../../src/cli/front-end';
import { parseOptions } from '../../src/cli/options';
import type { Sandbox } from '../../src/sandbox/sandbox';
import { sandboxGit } from '../../src/sandbox/sample-project/sandbox-git';
import { FakeTtyIn, FakeTtyOut } from '../helpers/fake-tty';
import { fastSandbox } from '../helpers/sandbox-cli';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

describe('Prepare in the Ink interface, driven by keys', () => {
  it('asks with real prompts, takes the keys, and ends with the stage done', async () => {
    sandbox = await fastSandbox();
    const stdout = new FakeTtyOut();
    const stdin = new FakeTtyIn();
    // A person at a terminal: no CI variable, no editor configured.
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      ...sandbox.env,
      PYRELEASE_POLL_INTERVAL_MS: '25',
      EDITOR: '',
      VISUAL: '',
      GIT_EDITOR: 'true',
    };
    const terminal = { stdout, stdin, env } as unknown as Terminal;
    const options = parseOptions(['--stop-after', 'prepare'], sandbox.project.projectDir);
    const done = releaseCommand(options, terminal);

    await stdout.waitFor('? Which version?');
    expect(stdout.text()).toContain('❯ 0.1.1 patch');
    stdin.type('\u001B[B'); // down: minor
    await stdout.waitFor('❯ 0.2.0 minor');
    stdin.type('\u001B[A'); // back up: patch
    await stdout.waitFor('❯ 0.1.1 patch', 2);
    stdin.type('\r');
    await stdout.waitFor('to origin/main? (Y/n)');
    stdin.type('y');
    for (const item of [
      'Release notes reviewed',
      'SUPPORT_MATRIX.md matches requires-python',
      'Documentation links point at the new version',
    ]) {
      await stdout.waitFor(`? ${item}`);
      stdin.type('y');
    }
    expect(await done).toBe(0);
    const screen = stdout.text();
    expect(screen).toContain('✓ Choose the version — 0.1.0 → 0.1.1 (patch)');
    expect(screen).toContain('? Which version? 0.1.1');
    expect(screen).toContain('✓ CI green on the release commit — 7 required check(s) green');
    expect(screen).toContain('✓ Launch checklist — 3 item(s) confirmed');
    expect(screen).toContain('Paused after Prepare, as asked.');
    expect(await sandboxGit(sandbox.project.remoteDir, ['log', '-1', '--format=%s', 'main'])).toBe('Release 0.1.1');
    expect(sandbox.github.releases().filter((release) => release.tagName === 'v0.1.1' && release.draft)).toHaveLength(
      1,
    );
  });

  it('hands the terminal to the editor for the release notes, and takes what was written', async () => {
    sandbox = await fastSandbox();
    // The "editor": fills the Migration notes that a 0.x minor release requires.
    const fill = join(sandbox.workspace, 'fill-notes.py');
    writeFileSync(
      fill,
      [
        'import re, sys',
        'path = sys.argv[1]',
        'text = open(path, encoding="utf-8").read()',
        'text = re.sub(r"(## Migration notes\\n\\n)<!--.*?-->", r"\\1- Notebooks moved to ~/.quillnote: run `quillnote --migrate` once.", text, flags=re.S)',
        'open(path, "w", encoding="utf-8").write(text)',
        '',
      ].join('\n'),
    );
    const stdout = new FakeTtyOut();
    const stdin = new FakeTtyIn();
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      ...sandbox.env,
      PYRELEASE_POLL_INTERVAL_MS: '25',
      VISUAL: '',
      EDITOR: `python3 ${fill}`,
    };
    const terminal = { stdout, stdin, env } as unknown as Terminal;
    const done = releaseCommand(
      parseOptions(
        ['--stop-after', 'prepare', '--answer', 'version.choice=minor', '--answer', 'push.confirm=yes'],
        sandbox.project.projectDir,
      ),
      terminal,
    );
    for (const item of [
      'Release notes reviewed',
      'SUPPORT_MATRIX.md matches requires-python',
      'Documentation links point at the new version',
    ]) {
      await stdout.waitFor(`? ${item}`);
      stdin.type('y');
    }
    expect(await done).toBe(0);
    const draft = sandbox.github.releases().find((release) => release.tagName === 'v0.2.0');
    expect(draft?.draft).toBe(true);
    expect(draft?.body).toContain(
      '## Migration notes\n\n- Notebooks moved to ~/.quillnote: run `quillnote --migrate` once.',
    );
  });
});
