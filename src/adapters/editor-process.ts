import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PyreleaseError } from '../domain/errors';
import type { Editor } from '../ports/editor';

export interface ProcessEditorOptions {
  env: NodeJS.ProcessEnv;
  /** The editor git would use (`git var GIT_EDITOR`: core.editor, then vi), when $VISUAL/$EDITOR are unset. */
  gitEditor?: string | undefined;
  /** Whether a person is at a terminal to use the editor. */
  interactive: boolean;
  /** Takes the terminal from the front end; the returned function gives it back. */
  suspend: () => Promise<() => Promise<void>>;
}

/**
 * `$VISUAL`, `$EDITOR`, then the editor git would open, split into words as git does: no shell
 * (`code --wait` works, pipes do not).
 */
export function editorCommand(env: NodeJS.ProcessEnv, gitEditor?: string): string[] | undefined {
  const value = (env['VISUAL'] || env['EDITOR'] || gitEditor || '').trim();
  return value ? value.split(/\s+/) : undefined;
}

/** The user's editor on a temporary file, with the terminal handed over while it runs. */
export class ProcessEditor implements Editor {
  readonly available: boolean;
  private readonly command: string[] | undefined;

  constructor(private readonly options: ProcessEditorOptions) {
    this.command = editorCommand(options.env, options.gitEditor);
    this.available = options.interactive && this.command !== undefined;
  }

  async edit(text: string, options: { fileName: string; signal?: AbortSignal }): Promise<string> {
    const [file, ...args] = this.command ?? [];
    if (!file || !this.available) return text;
    const dir = await mkdtemp(join(tmpdir(), 'pyrelease-edit-'));
    const path = join(dir, options.fileName);
    await writeFile(path, text, { mode: 0o600 });
    const resume = await this.options.suspend();
    let exitCode: number | undefined;
    try {
      const result = await execa(file, [...args, path], {
        stdio: 'inherit',
        reject: false,
        ...(options.signal ? { cancelSignal: options.signal } : {}),
      });
      exitCode = result.exitCode;
    } finally {
      await resume();
    }
    if (exitCode !== 0) {
      throw new PyreleaseError(
        'editor.failed',
        `The editor (${file}) exited with code ${exitCode ?? 'unknown'}; your text is kept in ${path}.`,
        {
          hint: 'Fix the editor setting ($VISUAL or $EDITOR) and run `pyrelease --resume`.',
        },
      );
    }
    const edited = await readFile(path, 'utf8');
    await rm(dir, { recursive: true, force: true });
    return edited;
  }
}
