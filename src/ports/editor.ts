/**
 * Opens text in the editor `git commit` would open ($GIT_EDITOR, core.editor, $VISUAL, $EDITOR,
 * then vi), started as git starts it, and returns what the user saved. The terminal is handed to
 * the editor for the duration; the front end pauses meanwhile.
 */
export interface Editor {
  /** Undefined when no editor is configured (or there is no terminal): callers then use the text as is. */
  readonly available: boolean;
  edit(text: string, options: { fileName: string; signal?: AbortSignal }): Promise<string>;
}
