import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PyreleaseError } from '../domain/errors';
import type { Editor } from '../ports/editor';

export interface ProcessEditorOptions {
  /** The environment the editor is chosen from and runs in (the command's, not just this process's). */
  env: NodeJS.ProcessEnv;
  /**
   * core.editor, or git's whole answer (`git var GIT_EDITOR`): it stands in core.editor's place in
   * git's order, and git's answer already applied that order to the same settings, so either gives
   * the editor `git commit` would open.
   */
  gitEditor?: string | undefined;
  /** Whether a person is at a terminal to use the editor. */
  interactive: boolean;
  /** Takes the terminal from the front end; the returned function gives it back. */
  suspend: () => Promise<() => Promise<void>>;
}

/** The shell git runs commands through: its compiled-in SHELL_PATH, absolute, so PATH cannot change it. */
export const EDITOR_SHELL = '/bin/sh';

/** git's shell metacharacters (`prepare_shell_cmd()` in run-command.c): a command with any of them needs the shell. */
const SHELL_METACHARACTERS = /[|&;<>()$`\\"' \t\n*?[#~=%]/;

const EDITOR_HINT =
  'Set the editor git uses (`git config --global core.editor "<command>"`, or $GIT_EDITOR, $VISUAL or $EDITOR; ' +
  '`git var GIT_EDITOR` shows the one in effect). A GUI editor must wait for the file to close: add `--wait` ' +
  '(`code --wait`). Then run `pyrelease --resume`.';

/**
 * The editor `git commit` would open, by git's rule (git-var(1), `git_editor()` in editor.c):
 * $GIT_EDITOR, then core.editor, then $VISUAL unless the terminal is dumb, then $EDITOR, then git's
 * compiled-in default unless the terminal is dumb. The terminal is dumb when $TERM is unset or
 * `dumb`. The default is usually `vi` (Debian's git says `editor`): `git var GIT_EDITOR`'s answer,
 * passed as `gitEditor`, carries the real one; without it, `vi`. The value is returned as written:
 * it is a shell snippet to git, and `editorInvocation` runs it as git does.
 *
 * One departure from git: an empty (or blank) value counts as unset. git would try to run it and
 * fail ("unable to start editor ''"); here the next setting in the order is used instead.
 */
export function resolveEditor(env: NodeJS.ProcessEnv, gitEditor?: string): string | undefined {
  const set = (value: string | undefined) => (value?.trim() ? value : undefined);
  const dumb = env['TERM'] === undefined || env['TERM'] === 'dumb';
  return (
    set(env['GIT_EDITOR']) ??
    set(gitEditor) ??
    (dumb ? undefined : set(env['VISUAL'])) ??
    set(env['EDITOR']) ??
    (dumb ? undefined : 'vi')
  );
}

/**
 * How git starts `editor` on `file` (`prepare_shell_cmd()` in run-command.c): a command with none
 * of git's shell metacharacters is executed directly; any other goes to
 * `/bin/sh -c '<editor> "$@"' '<editor>' <file>`. Either way the file is a separate argument.
 *
 * This is the one place pyrelease lets a shell interpret anything, and only the user's own
 * setting: $GIT_EDITOR, core.editor, $VISUAL or $EDITOR, which git already runs through this same
 * shell for every `git commit`, so the shell gives it no power it lacks there. That is what makes a
 * quoted path with spaces, `code --wait` or `$HOME/bin/ed` work. Nothing pyrelease supplies goes into
 * the shell's text: the file's path reaches the editor as "$@", verbatim, so no file name is ever
 * parsed by the shell and needs no quoting.
 */
export function editorInvocation(editor: string, file: string): { file: string; args: string[]; viaShell: boolean } {
  if (!SHELL_METACHARACTERS.test(editor)) return { file: editor, args: [file], viaShell: false };
  return { file: EDITOR_SHELL, args: ['-c', `${editor} "$@"`, editor, file], viaShell: true };
}

/** What went wrong with a finished editor, or undefined when it exited with 0. */
function editorFailure(
  result: { exitCode?: number | undefined; signal?: string | undefined; code?: unknown; cause?: unknown },
  viaShell: boolean,
): { code: string; reason: string } | undefined {
  const { exitCode, signal } = result;
  if (exitCode === 0) return undefined;
  if (exitCode === undefined && signal) return { code: 'editor.failed', reason: `was stopped by ${signal}` };
  if (exitCode === undefined) {
    const errno = typeof result.code === 'string' ? result.code : undefined;
    const why =
      errno === 'ENOENT'
        ? 'no such file or command (ENOENT)'
        : errno === 'EACCES'
          ? 'permission denied, it is not executable (EACCES)'
          : result.cause instanceof Error
            ? result.cause.message
            : (errno ?? 'unknown error');
    return { code: 'editor.not-started', reason: `could not start: ${why}` };
  }
  if (viaShell && exitCode === 127) {
    return {
      code: 'editor.not-started',
      reason: `could not start: ${EDITOR_SHELL} found no such command (exit code 127)`,
    };
  }
  if (viaShell && exitCode === 126) {
    return {
      code: 'editor.not-started',
      reason: `could not start: ${EDITOR_SHELL} could not execute it (exit code 126)`,
    };
  }
  return { code: 'editor.failed', reason: `failed with exit code ${exitCode}` };
}

/** The user's editor on a temporary file, started as git starts it, with the terminal handed over while it runs. */
export class ProcessEditor implements Editor {
  readonly available: boolean;
  /** The editor setting as the user wrote it (a shell snippet to git). */
  private readonly command: string | undefined;

  constructor(private readonly options: ProcessEditorOptions) {
    this.command = resolveEditor(options.env, options.gitEditor);
    this.available = options.interactive && this.command !== undefined;
  }

  async edit(text: string, options: { fileName: string; signal?: AbortSignal }): Promise<string> {
    const editor = this.command;
    if (editor === undefined || !this.available) return text;
    // git's `:` editor accepts the text as it is, without starting anything (`launch_specified_editor()`).
    if (editor === ':') return text;
    if (options.signal?.aborted) {
      throw new PyreleaseError('editor.cancelled', 'Stopped before the editor opened.', { kind: 'cancelled' });
    }
    const dir = await mkdtemp(join(tmpdir(), 'pyrelease-edit-'));
    const path = join(dir, options.fileName);
    await writeFile(path, text, { mode: 0o600 });
    const run = editorInvocation(editor, path);
    const resume = await this.options.suspend();
    let result;
    try {
      result = await execa(run.file, run.args, {
        env: this.options.env,
        stdio: 'inherit',
        reject: false,
        ...(options.signal ? { cancelSignal: options.signal } : {}),
      });
    } finally {
      await resume();
    }
    if (result.isCanceled) {
      throw new PyreleaseError('editor.cancelled', `Stopped while the editor was open; your text is kept in ${path}.`, {
        kind: 'cancelled',
      });
    }
    const failure = editorFailure(result, run.viaShell);
    if (failure) {
      const how = run.viaShell ? ` (run through ${EDITOR_SHELL}, as git runs it)` : '';
      throw new PyreleaseError(
        failure.code,
        `The editor \`${editor}\`${how} ${failure.reason}; your text is kept in ${path}.`,
        { hint: EDITOR_HINT },
      );
    }
    const edited = await readFile(path, 'utf8');
    await rm(dir, { recursive: true, force: true });
    return edited;
  }
}
