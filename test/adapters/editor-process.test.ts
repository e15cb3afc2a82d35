import { execa } from 'execa';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITOR_SHELL, ProcessEditor, editorInvocation, resolveEditor } from '../../src/adapters/editor-process';
import type { PyreleaseError } from '../../src/domain/errors';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/**
 * An editor that appends to the file it edits (its last argument) its own name, every argument it
 * got in brackets, and $EDITOR_MARK: the edited text shows how it was started.
 */
const RECORDING_EDITOR = `#!/bin/sh
for file; do :; done
{
  printf 'edited by %s' "$(basename "$0")"
  for arg; do printf ' [%s]' "$arg"; done
  printf ' mark=%s\\n' "\${EDITOR_MARK-unset}"
} >> "$file"
`;

async function script(path: string, body = RECORDING_EDITOR): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, body);
  await chmod(path, 0o755);
  return path;
}

/** A ProcessEditor at a terminal, in an environment made only of PATH, TERM and `env`. */
function editorWith(env: Record<string, string>, gitEditor?: string) {
  const handOvers: string[] = [];
  const editor = new ProcessEditor({
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TERM: 'xterm', ...env },
    gitEditor,
    interactive: true,
    suspend: async () => {
      handOvers.push('suspend');
      return async () => {
        handOvers.push('resume');
      };
    },
  });
  return { editor, handOvers };
}

/** The error `edit` rejects with; the text it says it kept is checked and its directory removed. */
async function editFailure(editor: ProcessEditor, text: string): Promise<PyreleaseError> {
  const error = await editor.edit(text, { fileName: 'NOTES.md' }).then(
    () => expect.unreachable('the edit should fail'),
    (caught: PyreleaseError) => caught,
  );
  const kept = /your text is kept in (.+NOTES\.md)\.$/.exec(error.message)?.[1];
  expect(kept, error.message).toBeDefined();
  expect(await readFile(kept!, 'utf8')).toContain(text);
  await rm(dirname(kept!), { recursive: true, force: true });
  return error;
}

const EDITED_FILE = /\[(\/[^\]]*\/pyrelease-edit-[^/\]]+\/NOTES\.md)\] mark=/;

describe('resolveEditor: the editor `git commit` would open', () => {
  const cases: { name: string; env: Record<string, string>; coreEditor?: string; expected: string | undefined }[] = [
    {
      name: '$GIT_EDITOR first',
      env: { GIT_EDITOR: 'g', VISUAL: 'v', EDITOR: 'e', TERM: 'xterm' },
      coreEditor: 'c',
      expected: 'g',
    },
    {
      name: 'core.editor before $VISUAL',
      env: { VISUAL: 'v', EDITOR: 'e', TERM: 'xterm' },
      coreEditor: 'c',
      expected: 'c',
    },
    { name: '$VISUAL before $EDITOR', env: { VISUAL: 'v', EDITOR: 'e', TERM: 'xterm' }, expected: 'v' },
    { name: 'no $VISUAL on a dumb terminal', env: { VISUAL: 'v', EDITOR: 'e', TERM: 'dumb' }, expected: 'e' },
    { name: 'no $VISUAL without $TERM', env: { VISUAL: 'v', EDITOR: 'e' }, expected: 'e' },
    { name: 'nothing on a dumb terminal', env: { TERM: 'dumb' }, expected: undefined },
    {
      name: 'the value as written',
      env: { EDITOR: '"/opt/my editor/ed" --wait', TERM: 'xterm' },
      expected: '"/opt/my editor/ed" --wait',
    },
  ];

  it.each(cases)('$name', ({ env, coreEditor, expected }) => {
    expect(resolveEditor(env, coreEditor)).toBe(expected);
  });

  it("falls back to vi without git's answer; an empty value counts as unset", () => {
    expect(resolveEditor({ TERM: 'xterm' })).toBe('vi');
    expect(resolveEditor({ GIT_EDITOR: '', VISUAL: ' ', EDITOR: 'e', TERM: 'xterm' }, '')).toBe('e');
  });

  it("agrees with `git var GIT_EDITOR`, given core.editor or given git's own answer", async () => {
    for (const { name, env, coreEditor } of cases) {
      const repo = tempDir();
      const gitEnv = { PATH: process.env['PATH'] ?? '', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
      await execa('git', ['init', '-q', repo], { env: gitEnv, extendEnv: false });
      if (coreEditor) await execa('git', ['-C', repo, 'config', 'core.editor', coreEditor], { env: gitEnv });
      const git = await execa('git', ['-C', repo, 'var', 'GIT_EDITOR'], {
        env: { ...gitEnv, ...env },
        extendEnv: false,
        reject: false,
      });
      const answer = git.exitCode === 0 ? git.stdout : undefined;
      expect(resolveEditor(env, coreEditor), name).toBe(answer);
      expect(resolveEditor(env, answer), name).toBe(answer);
    }
  });
});

describe('editorInvocation: started as git starts it', () => {
  it('executes a command without shell metacharacters directly, the file its one argument', () => {
    for (const editor of ['vim', '/usr/bin/nvim', 'my-editor.sh', 'ed+1,x:y@z{a}b]!^']) {
      expect(editorInvocation(editor, '/tmp/x/NOTES.md')).toEqual({
        file: editor,
        args: ['/tmp/x/NOTES.md'],
        viaShell: false,
      });
    }
  });

  it('runs any other through /bin/sh -c \'<editor> "$@"\', the file a separate argument', () => {
    expect(editorInvocation('code --wait', '/tmp/a b/NOTES.md')).toEqual({
      file: '/bin/sh',
      args: ['-c', 'code --wait "$@"', 'code --wait', '/tmp/a b/NOTES.md'],
      viaShell: true,
    });
    // git's set, character for character (run-command.c).
    for (const metacharacter of '|&;<>()$`\\"\' \t\n*?[#~=%') {
      expect(editorInvocation(`ed${metacharacter}x`, '/f').viaShell, JSON.stringify(metacharacter)).toBe(true);
    }
  });
});

describe('ProcessEditor', () => {
  it('opens a quoted path with spaces, the temporary file its one argument', async () => {
    const root = tempDir();
    const path = await script(join(root, 'dir with space', 'my editor.sh'));
    const { editor, handOvers } = editorWith({ EDITOR: `"${path}"` });

    const edited = await editor.edit('notes\n', { fileName: 'NOTES.md' });

    expect(edited).toMatch(/^notes\nedited by my editor\.sh \[[^\]]+\] mark=unset\n$/);
    expect(edited).toMatch(EDITED_FILE);
    expect(handOvers).toEqual(['suspend', 'resume']);
  });

  it('passes options written after the command, with the file last (`code --wait`)', async () => {
    const path = await script(join(tempDir(), 'ed.sh'));
    const { editor } = editorWith({}, `${path} --wait`);

    const edited = await editor.edit('notes\n', { fileName: 'NOTES.md' });

    expect(edited).toMatch(/^notes\nedited by ed\.sh \[--wait\] \[[^\]]+\] mark=unset\n$/);
    expect(edited).toMatch(EDITED_FILE);
  });

  it('expands a variable in the setting through the shell, from the environment it was given', async () => {
    const root = tempDir();
    await script(join(root, 'ed.sh'));
    const { editor } = editorWith({ VISUAL: '$MY_EDITOR_DIR/ed.sh', MY_EDITOR_DIR: root });

    expect(await editor.edit('notes\n', { fileName: 'NOTES.md' })).toMatch(/^notes\nedited by ed\.sh \[[^\]]+\]/);
  });

  it('executes a plain path directly', async () => {
    const path = await script(join(tempDir(), 'plain-editor'));
    const { editor } = editorWith({ GIT_EDITOR: path });

    expect(await editor.edit('notes\n', { fileName: 'NOTES.md' })).toMatch(/^notes\nedited by plain-editor \[[^\]]+\]/);
    expect(editorInvocation(path, '/f').viaShell).toBe(false);
  });

  it("hands the user's own setting, and only it, to the shell: the file name is never parsed", async () => {
    // The one place pyrelease lets a shell interpret anything: the assignment before the command
    // works because the setting goes to /bin/sh, as git sends it; the file name, full of shell
    // syntax, still reaches the editor verbatim as its own argument.
    const path = await script(join(tempDir(), 'ed.sh'));
    const { editor } = editorWith({ GIT_EDITOR: `EDITOR_MARK=set-by-the-shell ${path}` });
    const fileName = `notes $HOME "q" 'x' $(echo no) *.md`;

    const edited = await editor.edit('notes\n', { fileName });

    expect(edited).toContain('mark=set-by-the-shell');
    const args = [...edited.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1]);
    expect(args).toHaveLength(1);
    expect(args[0]?.endsWith(`/${fileName}`)).toBe(true);
  });

  it('names the command and the reason when the editor does not exist', async () => {
    const missing = join(tempDir(), 'no-such-editor');
    const { editor, handOvers } = editorWith({ EDITOR: missing });

    const error = await editFailure(editor, 'notes\n');

    expect(error.code).toBe('editor.not-started');
    expect(error.message).toContain(`The editor \`${missing}\` could not start: no such file or command (ENOENT)`);
    expect(error.hint).toContain('core.editor');
    expect(error.hint).toContain('--wait');
    expect(handOvers).toEqual(['suspend', 'resume']);
  });

  it('names the command and the shell when the shell finds no such command', async () => {
    const { editor } = editorWith({ EDITOR: 'no-such-editor-for-pyrelease --wait' });

    const error = await editFailure(editor, 'notes\n');

    expect(error.code).toBe('editor.not-started');
    expect(error.message).toContain(
      `The editor \`no-such-editor-for-pyrelease --wait\` (run through ${EDITOR_SHELL}, as git runs it) could not start:`,
    );
    expect(error.message).toContain('(exit code 127)');
  });

  it('names the command and its exit code when the editor fails', async () => {
    const path = await script(join(tempDir(), 'failing.sh'), '#!/bin/sh\nexit 3\n');
    const { editor, handOvers } = editorWith({ EDITOR: `${path} --wait` });

    const error = await editFailure(editor, 'notes\n');

    expect(error.code).toBe('editor.failed');
    expect(error.message).toContain(`The editor \`${path} --wait\``);
    expect(error.message).toContain('failed with exit code 3');
    expect(handOvers).toEqual(['suspend', 'resume']);
  });

  it("keeps the text as it is with git's `:` editor, starting nothing", async () => {
    const { editor, handOvers } = editorWith({ GIT_EDITOR: ':' });

    expect(editor.available).toBe(true);
    expect(await editor.edit('notes\n', { fileName: 'NOTES.md' })).toBe('notes\n');
    expect(handOvers).toEqual([]);
  });

  it('is unavailable without a terminal, and without an editor on a dumb one', async () => {
    const path = await script(join(tempDir(), 'ed.sh'));
    const away = new ProcessEditor({
      env: { EDITOR: path, TERM: 'xterm' },
      interactive: false,
      suspend: () => expect.unreachable('no terminal to hand over'),
    });
    expect(away.available).toBe(false);
    expect(await away.edit('notes\n', { fileName: 'NOTES.md' })).toBe('notes\n');
    expect(editorWith({ TERM: 'dumb', VISUAL: path }).editor.available).toBe(false);
  });
});
