/** One step of a key path: a table key, or the index of an array element. */
export type KeySegment = string | number;

/** Where keys sit in a TOML text: 1-based line numbers by key path. */
export interface TomlKeyLines {
  /**
   * The line of `path`; failing that, of the first key inside it (a table only implied by
   * `[a.b.c]` has no line of its own), then of its nearest ancestor. Best effort: `undefined`
   * only when nothing of the path is found.
   */
  lineOf(path: readonly KeySegment[]): number | undefined;
}

type Punct = '[' | ']' | '{' | '}' | '=' | ',' | '.';
type Token =
  | { kind: 'punct'; value: Punct; line: number }
  | { kind: 'word'; value: string; line: number }
  | { kind: 'newline'; line: number }
  | { kind: 'eof'; line: number };

/**
 * Scans an already-valid TOML text for the line of every key, array-of-tables element and array
 * item. smol-toml returns plain values without positions, and error messages must say
 * `pyproject.toml:12`, so this walks the structure again without building values. It never throws:
 * on anything unexpected it skips to the next line.
 */
export function scanTomlKeyLines(text: string): TomlKeyLines {
  const tokens = tokenize(text);
  const entries: { path: readonly KeySegment[]; line: number }[] = [];
  const exact = new Map<string, number>();
  const arrayTableIndex = new Map<string, number>();
  let position = 0;

  const peek = (): Token => tokens[position] ?? { kind: 'eof', line: 0 };
  const next = (): Token => {
    const token = peek();
    if (token.kind !== 'eof') position += 1;
    return token;
  };
  const isPunct = (token: Token, value: Punct): boolean => token.kind === 'punct' && token.value === value;
  const skipNewlines = (): void => {
    while (peek().kind === 'newline') next();
  };
  const skipLine = (): void => {
    while (peek().kind !== 'newline' && peek().kind !== 'eof') next();
  };
  const record = (path: readonly KeySegment[], line: number): void => {
    const key = JSON.stringify(path);
    if (exact.has(key)) return;
    exact.set(key, line);
    entries.push({ path, line });
  };

  const readKey = (): string[] | undefined => {
    const keys: string[] = [];
    for (;;) {
      const token = next();
      if (token.kind !== 'word') return undefined;
      keys.push(token.value);
      if (!isPunct(peek(), '.')) return keys;
      next();
    }
  };

  // `[[a]]` then `[a.b]` means `a[last].b`: insert the current element index after each prefix
  // that is an array of tables.
  const resolveHeader = (keys: readonly string[]): KeySegment[] => {
    const resolved: KeySegment[] = [];
    keys.forEach((key, i) => {
      resolved.push(key);
      const index = arrayTableIndex.get(JSON.stringify(resolved));
      if (i < keys.length - 1 && index !== undefined) resolved.push(index);
    });
    return resolved;
  };

  // Deeper than smol-toml accepts (its `maxDepth`), a value is skipped as a scalar rather than
  // read by recursing until the stack overflows.
  const readValue = (path: readonly KeySegment[], depth: number): void => {
    const start = peek();
    if (depth < MAX_NESTING && isPunct(start, '[')) {
      next();
      for (let index = 0; ;) {
        skipNewlines();
        const token = peek();
        if (isPunct(token, ']')) return void next();
        if (token.kind === 'eof' || isPunct(token, '}') || isPunct(token, '=')) return;
        if (isPunct(token, ',')) {
          next();
          continue;
        }
        record([...path, index], token.line);
        readValue([...path, index], depth + 1);
        skipNewlines();
        if (isPunct(peek(), ',')) {
          next();
          index += 1;
        } else if (isPunct(peek(), ']')) {
          return void next();
        } else {
          return;
        }
      }
    }
    if (depth < MAX_NESTING && isPunct(start, '{')) {
      next();
      for (;;) {
        skipNewlines();
        const token = peek();
        if (isPunct(token, '}')) return void next();
        if (token.kind !== 'word') return;
        const keys = readKey();
        if (!keys || !isPunct(peek(), '=')) return;
        next();
        record([...path, ...keys], token.line);
        readValue([...path, ...keys], depth + 1);
        skipNewlines();
        if (isPunct(peek(), ',')) next();
        else if (isPunct(peek(), '}')) return void next();
        else return;
      }
    }
    // A scalar: strings are single words; dates and floats may span several words and dots.
    for (;;) {
      const token = peek();
      if (token.kind === 'newline' || token.kind === 'eof') return;
      if (isPunct(token, ',') || isPunct(token, ']') || isPunct(token, '}')) return;
      next();
    }
  };

  let table: KeySegment[] = [];
  while (peek().kind !== 'eof') {
    const token = peek();
    if (token.kind === 'newline') {
      next();
    } else if (isPunct(token, '[')) {
      next();
      const isArrayTable = isPunct(peek(), '[');
      if (isArrayTable) next();
      const keys = readKey();
      if (keys) {
        const resolved = resolveHeader(keys);
        if (isArrayTable) {
          const key = JSON.stringify(resolved);
          const index = (arrayTableIndex.get(key) ?? -1) + 1;
          arrayTableIndex.set(key, index);
          record(resolved, token.line);
          table = [...resolved, index];
        } else {
          table = resolved;
        }
        record(table, token.line);
      }
      skipLine();
    } else if (token.kind === 'word') {
      const keys = readKey();
      if (keys && isPunct(peek(), '=')) {
        next();
        record([...table, ...keys], token.line);
        readValue([...table, ...keys], 0);
      }
      skipLine();
    } else {
      skipLine();
    }
  }

  return {
    lineOf(path) {
      const found = exact.get(JSON.stringify(path));
      if (found !== undefined) return found;
      const inside = entries.find((entry) => startsWith(entry.path, path));
      if (inside) return inside.line;
      for (let length = path.length - 1; length > 0; length -= 1) {
        const line = exact.get(JSON.stringify(path.slice(0, length)));
        if (line !== undefined) return line;
      }
      return undefined;
    },
  };
}

function startsWith(path: readonly KeySegment[], prefix: readonly KeySegment[]): boolean {
  return path.length > prefix.length && prefix.every((segment, i) => path[i] === segment);
}

/** smol-toml's default `maxDepth`: every document it accepts is read in full. */
const MAX_NESTING = 1000;
const PUNCT = new Set<string>(['[', ']', '{', '}', '=', ',', '.']);
const WORD_END = /[\s#[\]{}=,."']/;
const WHITESPACE = /\s/;

/**
 * Every branch moves `i` forward by at least one character. Whitespace is whatever `\s` matches:
 * TOML allows only space and tab, but a leading byte order mark (U+FEFF), a no-break space or a
 * form feed must not stop the scan. `WORD_END` ends a word at any of them, so they are skipped
 * here; before, a word started and ended at such a character and the loop pushed empty words
 * until the heap was exhausted.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === '\n') {
      tokens.push({ kind: 'newline', line });
      line += 1;
      i += 1;
    } else if (WHITESPACE.test(char)) {
      i += 1;
    } else if (char === '#') {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (PUNCT.has(char)) {
      tokens.push({ kind: 'punct', value: char as Punct, line });
      i += 1;
    } else if (char === '"' || char === "'") {
      const quote = char;
      const startLine = line;
      if (text.startsWith(quote.repeat(3), i)) {
        // Multi-line string: only its end matters; up to two extra quotes belong to the content.
        i += 3;
        while (i < text.length && !text.startsWith(quote.repeat(3), i)) {
          if (text[i] === '\n') line += 1;
          i += quote === '"' && text[i] === '\\' ? 2 : 1;
        }
        i += 3;
        while (text[i] === quote) i += 1;
        tokens.push({ kind: 'word', value: '', line: startLine });
      } else {
        let value = '';
        i += 1;
        while (i < text.length && text[i] !== quote && text[i] !== '\n') {
          if (quote === '"' && text[i] === '\\') {
            const [decoded, length] = decodeEscape(text, i);
            value += decoded;
            i += length;
          } else {
            value += text[i];
            i += 1;
          }
        }
        if (text[i] === quote) i += 1;
        tokens.push({ kind: 'word', value, line: startLine });
      }
    } else {
      // `char` itself is no word end (every one of those is handled above): the word has it.
      let end = i + 1;
      while (end < text.length && !WORD_END.test(text[end] ?? '')) end += 1;
      tokens.push({ kind: 'word', value: text.slice(i, end), line });
      i = end;
    }
  }
  tokens.push({ kind: 'eof', line });
  return tokens;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\x1b',
  '"': '"',
  '\\': '\\',
};

/** Decodes one basic-string escape at `start` (the backslash); returns the text and its length. */
function decodeEscape(text: string, start: number): [string, number] {
  const letter = text[start + 1] ?? '';
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return [simple, 2];
  const digits = letter === 'u' ? 4 : letter === 'U' ? 8 : letter === 'x' ? 2 : 0;
  const hex = text.slice(start + 2, start + 2 + digits);
  const code = digits > 0 && /^[0-9a-fA-F]+$/.test(hex) ? Number.parseInt(hex, 16) : Number.NaN;
  if (Number.isNaN(code) || code > 0x10ffff) return [letter, 2];
  return [String.fromCodePoint(code), 2 + digits];
}
