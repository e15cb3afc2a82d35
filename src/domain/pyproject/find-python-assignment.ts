/**
 * Finds a module-level `NAME = "literal"` in Python source, the way setuptools' `attr:` and flit
 * read `__version__` without importing the module: from the module's top-level statements only
 * (setuptools `StaticModule`, flit `get_docstring_and_version_via_ast`), first assignment wins.
 * A light tokenizer skips strings, comments and bracketed continuation lines so a docstring
 * that mentions `__version__ = "0.0"` is never mistaken for the assignment.
 */

export type PythonAssignment =
  /** `start`/`end`: offsets of the string's contents, quotes excluded. */
  | { readonly found: 'literal'; readonly start: number; readonly end: number; readonly line: number }
  /** Assigned, but not to one plain string (`importlib.metadata.version(...)`, f-strings, `"1." "0"`). */
  | { readonly found: 'expression'; readonly line: number; readonly source: string }
  | { readonly found: 'nothing' };

export function findPythonAssignment(text: string, name: string): PythonAssignment {
  for (const start of topLevelStatementStarts(text)) {
    const target = assignmentTarget(name);
    target.lastIndex = start;
    const head = target.exec(text);
    if (head === null) continue;
    const line = text.slice(0, start).split('\n').length;
    const valueStart = start + head[0].length;
    const literal = stringLiteral();
    literal.lastIndex = valueStart;
    const match = literal.exec(text);
    const quote = match?.groups?.quote;
    if (match === null || quote === undefined) {
      const source = (text.slice(start).split(/\r?\n/)[0] ?? '').trim();
      return { found: 'expression', line, source };
    }
    const contentStart = valueStart + match[0].indexOf(quote) + quote.length;
    return { found: 'literal', start: contentStart, end: contentStart + (match.groups?.content ?? '').length, line };
  }
  return { found: 'nothing' };
}

/** `NAME =`, `NAME: str =`, or a chained `NAME = other =` (any target may be ours), at `lastIndex`. */
function assignmentTarget(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `${escaped}[ \\t]*(?::[^=\\r\\n]*)?=(?!=)[ \\t]*(?:[A-Za-z_][A-Za-z0-9_]*[ \\t]*=(?!=)[ \\t]*)*`,
    'y',
  );
}

/**
 * One plain string literal ending the statement: optional `u`/`r` prefix (bytes and f-strings
 * are not versions), no escapes or line breaks inside, then only a comment or `;` on the line.
 */
function stringLiteral(): RegExp {
  return /[uUrR]?(?<quote>"""|'''|"|')(?<content>[^"'\\\r\n]*)\k<quote>[ \t]*(?=[#;\r\n]|$)/y;
}

/** Offsets where a statement starts at column 0 outside brackets, strings and continuations. */
function topLevelStatementStarts(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let lineStart = true;
  let continued = false;
  // A byte order mark (Python reads such a file as utf-8-sig) does not indent the first statement.
  for (let at = text.startsWith('\uFEFF') ? 1 : 0; at < text.length;) {
    const char = text.charAt(at);
    if (lineStart) {
      if (depth === 0 && !continued && /[A-Za-z_]/.test(char)) starts.push(at);
      lineStart = false;
      continued = false;
    }
    if (char === '\n') {
      lineStart = true;
      at += 1;
    } else if (char === '#') {
      while (at < text.length && text[at] !== '\n') at += 1;
    } else if (char === '\\') {
      // An explicit line join: the next physical line continues this statement.
      continued = text[at + 1] === '\n' || text.startsWith('\r\n', at + 1);
      at += 1;
    } else if (char === '"' || char === "'") at = endOfString(text, at);
    else {
      if ('([{'.includes(char)) depth += 1;
      else if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
      at += 1;
    }
  }
  return starts;
}

/** Offset just past the string starting at `at` (prefixes were read as identifier characters). */
function endOfString(text: string, at: number): number {
  const quote = text.charAt(at);
  const triple = text.startsWith(quote.repeat(3), at);
  const close = triple ? quote.repeat(3) : quote;
  let index = at + close.length;
  while (index < text.length) {
    const char = text[index];
    // A backslash escapes the next character for termination purposes even in raw strings.
    if (char === '\\') index += 2;
    else if (text.startsWith(close, index)) return index + close.length;
    else if (!triple && char === '\n')
      return index; // unterminated: stop at the line end
    else index += 1;
  }
  return text.length;
}
