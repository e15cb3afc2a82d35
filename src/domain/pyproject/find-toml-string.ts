/**
 * Finds where a string value sits in TOML source text, so a version can be rewritten without
 * re-serializing the document (re-serializing would drop comments, quoting style, key order and
 * CRLF line ends). A small scanner, not a parser: the text has already been validated by
 * smol-toml, so it only tracks what decides a value's full key: `[table]` and `[[array]]`
 * headers, dotted and quoted keys, inline tables, arrays, and the four string forms (whose
 * contents may hide `[`, `#` or `=`). Spec: https://toml.io/en/v1.0.0
 */

/** Marks "an element of an array" in a key path; no real key can equal it. */
const ARRAY_ITEM = Symbol('array item');
type PathPart = string | typeof ARRAY_ITEM;
const MAX_NESTING = 1000;

export interface TomlStringLocation {
  /** Offsets of the string's contents, quotes excluded. */
  readonly start: number;
  readonly end: number;
  readonly quote: '"' | "'" | '"""' | "'''";
}

/** The first string value whose full key is `keyPath` (e.g. `['project', 'version']`). */
export function findTomlString(text: string, keyPath: readonly string[]): TomlStringLocation | undefined {
  try {
    return new TomlScanner(text, keyPath).run();
  } catch (error) {
    // Only reached on text smol-toml would reject: report "not found", callers explain.
    if (error instanceof ScanError) return undefined;
    throw error;
  }
}

class ScanError extends Error {}

class TomlScanner {
  private pos: number;
  private depth = 0;
  private found: TomlStringLocation | undefined;

  constructor(
    private readonly text: string,
    private readonly wanted: readonly string[],
  ) {
    // A byte order mark starts no key; it is skipped, and offsets stay offsets into `text`.
    this.pos = text.startsWith('\uFEFF') ? 1 : 0;
  }

  run(): TomlStringLocation | undefined {
    let table: PathPart[] = [];
    while (this.found === undefined) {
      this.skipBlank(true);
      if (this.pos >= this.text.length) break;
      if (this.text.startsWith('[[', this.pos)) {
        this.pos += 2;
        table = [...this.readKey(), ARRAY_ITEM];
        this.expect(']]');
      } else if (this.text[this.pos] === '[') {
        this.pos += 1;
        table = this.readKey();
        this.expect(']');
      } else {
        this.readKeyValue(table);
      }
    }
    return this.found;
  }

  private readKeyValue(prefix: PathPart[]): void {
    const key = this.readKey();
    this.expect('=');
    this.skipBlank(false);
    this.readValue([...prefix, ...key]);
  }

  private readValue(path: PathPart[]): void {
    const { text } = this;
    const char = text[this.pos];
    if (text.startsWith('"""', this.pos) || text.startsWith("'''", this.pos)) this.readMultilineString(path);
    else if (char === '"' || char === "'") this.readString(path, char);
    else if (char === '[') this.readContainer(path, ']', () => this.readValue([...path, ARRAY_ITEM]));
    else if (char === '{') this.readContainer(path, '}', () => this.readKeyValue(path));
    else {
      // Numbers, booleans, dates (which may contain a space): up to the next delimiter.
      const start = this.pos;
      while (this.pos < text.length && !',]}#\r\n'.includes(text.charAt(this.pos))) this.pos += 1;
      if (this.pos === start) throw new ScanError('value expected');
    }
  }

  private readContainer(path: PathPart[], close: string, readItem: () => void): void {
    // Deeper than smol-toml accepts (its `maxDepth`): stop before the stack overflows.
    if (this.depth >= MAX_NESTING) throw new ScanError('nested too deeply');
    this.pos += 1;
    this.depth += 1;
    for (;;) {
      this.skipBlank(true);
      if (this.pos >= this.text.length) throw new ScanError(`unclosed ${close}`);
      if (this.text[this.pos] === close) {
        this.pos += 1;
        this.depth -= 1;
        return;
      }
      readItem();
      this.skipBlank(true);
      if (this.text[this.pos] === ',') this.pos += 1;
      if (this.found !== undefined) return;
    }
  }

  private readString(path: PathPart[], quote: '"' | "'"): void {
    const start = this.pos + 1;
    const end = this.closingQuote(start, quote);
    this.pos = end + 1;
    this.record(path, { start, end, quote });
  }

  private readMultilineString(path: PathPart[]): void {
    const quote = this.text.slice(this.pos, this.pos + 3) as '"""' | "'''";
    let start = this.pos + 3;
    // "A newline immediately following the opening delimiter will be trimmed."
    if (this.text.startsWith('\r\n', start)) start += 2;
    else if (this.text[start] === '\n') start += 1;
    let at = start;
    for (;;) {
      at = this.closingQuote(at, quote.charAt(0));
      if (this.text.startsWith(quote, at)) break;
      at += 1;
    }
    // Up to two quotes may sit right before the closing delimiter: `"""a""""` is `a"`.
    let run = 3;
    while (run < 5 && this.text[at + run] === quote.charAt(0)) run += 1;
    this.pos = at + run;
    this.record(path, { start, end: at + run - 3, quote });
  }

  /** Index of the next unescaped `quote` character (backslash escapes only in basic strings). */
  private closingQuote(from: number, quote: string): number {
    const { text } = this;
    for (let at = from; at < text.length; at += 1) {
      if (quote === '"' && text[at] === '\\') at += 1;
      else if (text[at] === quote) return at;
    }
    throw new ScanError('unterminated string');
  }

  private record(path: PathPart[], location: TomlStringLocation): void {
    const matches = path.length === this.wanted.length && path.every((part, index) => part === this.wanted[index]);
    if (matches && this.found === undefined) this.found = location;
  }

  /** A dotted key: `a`, `"a b".c`, `'x' . y`. */
  private readKey(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipBlank(false);
      parts.push(this.readSimpleKey());
      this.skipBlank(false);
      if (this.text[this.pos] !== '.') return parts;
      this.pos += 1;
    }
  }

  private readSimpleKey(): string {
    const { text } = this;
    const char = text[this.pos];
    if (char === '"' || char === "'") {
      const start = this.pos + 1;
      const end = this.closingQuote(start, char);
      this.pos = end + 1;
      const raw = text.slice(start, end);
      return char === '"' ? unescapeBasic(raw) : raw;
    }
    const start = this.pos;
    while (this.pos < text.length && /[A-Za-z0-9_-]/.test(text.charAt(this.pos))) this.pos += 1;
    if (this.pos === start) throw new ScanError('key expected');
    return text.slice(start, this.pos);
  }

  private expect(token: string): void {
    this.skipBlank(false);
    if (!this.text.startsWith(token, this.pos)) throw new ScanError(`${token} expected`);
    this.pos += token.length;
  }

  /** Skips spaces and tabs, comments, and (when `newlines`) line ends. */
  private skipBlank(newlines: boolean): void {
    const { text } = this;
    while (this.pos < text.length) {
      const char = text[this.pos];
      if (char === ' ' || char === '\t') this.pos += 1;
      else if (newlines && (char === '\n' || char === '\r')) this.pos += 1;
      else if (char === '#') {
        while (this.pos < text.length && text[this.pos] !== '\n') this.pos += 1;
      } else return;
    }
  }
}

/** Decodes a basic string's escapes (TOML 1.0 plus 1.1's `\e` and `\xHH`), for quoted keys. */
function unescapeBasic(raw: string): string {
  const simple: Record<string, string> = {
    b: '\b',
    t: '\t',
    n: '\n',
    f: '\f',
    r: '\r',
    e: '\x1b',
    '"': '"',
    '\\': '\\',
  };
  return raw.replace(
    /\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|(.))/g,
    (whole, u4?: string, u8?: string, x2?: string, other?: string) => {
      const hex = u4 ?? u8 ?? x2;
      const code = hex === undefined ? undefined : Number.parseInt(hex, 16);
      // `\UFFFFFFFF` is no character (smol-toml rejects it): keep it as written rather than throw.
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      return (other !== undefined && Object.hasOwn(simple, other) ? simple[other] : undefined) ?? whole;
    },
  );
}
