/**
 * Where a version literal sits in a file: `start`/`end` are character offsets into the file's
 * text (JavaScript string indices, `end` exclusive), so `text.slice(start, end)` is the literal
 * exactly as written. `line`/`column` (1-based) point at `start`, for `file:line:col` messages.
 */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export function spanAt(text: string, start: number, end: number): TextSpan {
  const before = text.slice(0, start);
  const lineStart = before.lastIndexOf('\n') + 1;
  // Count `\n` only: a CRLF file has one `\n` per line too, and a lone `\r` is not a line end
  // in TOML (spec: "Newline means LF (0x0A) or CRLF (0x0D 0x0A)").
  const line = before.split('\n').length;
  return { start, end, line, column: start - lineStart + 1 };
}

/** The text with `span` replaced by `replacement`, every other character kept. */
export function spliceSpan(text: string, span: Pick<TextSpan, 'start' | 'end'>, replacement: string): string {
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}
