export interface MarkdownLine {
  readonly text: string;
  /** 1-based. */
  readonly line: number;
  /** Inside a fenced code block (fence lines included): headings and bullets there are not real. */
  readonly inCode: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The lines of a markdown text, each marked when it belongs to a fenced code block (CommonMark §4.5). */
export function markdownLines(markdown: string): MarkdownLine[] {
  let fence: string | undefined;
  return markdown.split(/\r?\n/).map((text, index) => {
    const marker = FENCE.exec(text)?.[1];
    if (fence === undefined) {
      if (marker !== undefined) fence = marker;
      return { text, line: index + 1, inCode: fence !== undefined };
    }
    // A fence closes only with the same character, at least as long, and nothing after it.
    if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && text.trim() === marker)
      fence = undefined;
    return { text, line: index + 1, inCode: true };
  });
}
