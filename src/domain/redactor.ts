/**
 * Removes secrets from text before it reaches the screen, a log or a file. Tokens are registered
 * once (when read) and every line passes through `redact`.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  static readonly MASK = '***';

  /** Registers a secret. Very short values are ignored: masking them would mangle ordinary text. */
  add(secret: string | undefined): void {
    const value = secret?.trim();
    if (!value || value.length < 6 || this.secrets.has(value)) return;
    this.secrets.add(value);
    // Also the URL-encoded form, as it appears in URLs with credentials.
    const encoded = encodeURIComponent(value);
    if (encoded !== value) this.secrets.add(encoded);
    const escaped = [...this.secrets]
      .sort((a, b) => b.length - a.length)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = new RegExp(escaped.join('|'), 'g');
  }

  redact(text: string): string {
    return this.pattern ? text.replace(this.pattern, Redactor.MASK) : text;
  }

  /** Redacts every string inside a JSON-like value. */
  redactDeep<T>(value: T): T {
    if (!this.pattern) return value;
    return JSON.parse(this.redact(JSON.stringify(value))) as T;
  }
}
