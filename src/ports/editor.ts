/**
 * Opens text in the user's editor ($VISUAL, then $EDITOR) and returns what they saved. The
 * terminal is handed to the editor for the duration; the front end pauses meanwhile.
 */
export interface Editor {
  /** Undefined when no editor is configured (or there is no terminal): callers then use the text as is. */
  readonly available: boolean;
  edit(text: string, options: { fileName: string; signal?: AbortSignal }): Promise<string>;
}
