export interface MarkdownLine {
  readonly text: string;
  /** 1-based. */
  readonly line: number;
  /** Inside a fenced code block (fence lines included): headings and bullets there are not real. */
  readonly inCode: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const OPENING = /^ {0,3}(#{1,6})\s/;

/** The lines of a markdown text, each marked when it belongs to a fenced code block (CommonMark §4.5). */
export function markdownLines(markdown: string): MarkdownLine[] {
  let fence: string | undefined;
  // A leading byte order mark would hide a heading or a fence on the first line.
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  return lines.map((text, index) => {
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

/**
 * An ATX heading (`## Title ##`, CommonMark §4.2): its level and its text without the closing
 * `#`s, or undefined. Spelled out, not one regular expression: `\s+(.*?)\s*#*\s*$` takes time
 * cubic in a run of spaces inside the heading (3 s for 2,000 spaces).
 */
export function atxHeading(line: string): { level: number; text: string } | undefined {
  const opening = OPENING.exec(line);
  const hashes = opening?.[1];
  if (opening === null || hashes === undefined) return undefined;
  const text = line.slice(opening[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end -= 1;
  const title = text.slice(0, end).trimEnd();
  // A line separator inside the title makes the line no heading, as `.` would not match it.
  return /[\n\r\u2028\u2029]/.test(title) ? undefined : { level: hashes.length, text: title };
}
