/**
 * `scheme://userinfo@`: the credentials part of a URL. The userinfo runs up to the last `@` before
 * the host (an unencoded `@` in a password included, as WHATWG URL parsing has it) and never
 * crosses whitespace, quotes, `\` or a character that ends the authority (`/`, `?`, `#`), so a URL
 * and an email beside it in text or JSON stay apart, and an `@` in a path or query is no userinfo.
 * The scp-like SSH form (`git@github.com:owner/repo.git`) has no `://` and never matches.
 */
const URL_USERINFO = /([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^\s/?#"'`<>\\{}|^[\]]*)@/g;

/** SSH logs in with a key: a user alone in an SSH URL (`ssh://git@github.com/…`) is an account, not a credential. */
const SSH_SCHEMES = new Set(['ssh://', 'git+ssh://', 'ssh+git://']);

/**
 * Whether a user name given without a password is a token (`https://TOKEN@github.com/…`) rather
 * than an account name: a known token prefix, or longer than any GitHub account name (39).
 */
const TOKEN_SHAPED = /^(?:gh[pousr]_|github_pat_|glpat-|pypi-)/;
const MAX_ACCOUNT_NAME = 39;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Removes secrets from text before it reaches the screen, a log or a file. Tokens are registered
 * once (when read) and every line passes through `redact`.
 *
 * Credentials in URLs need no registering: `redact` shows any `scheme://user:password@host` as
 * `scheme://***@host`, and learns the password (and a user part shaped like a token) as a secret,
 * so it is masked wherever else it appears, bare or URL-encoded, from then on.
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

  /**
   * Registers the credentials of every URL in `text`, printing nothing: for text that is known
   * before anything prints it (the environment, the remotes), so that even a bare mention that
   * comes first is masked.
   */
  learn(text: string | undefined): void {
    if (text?.includes('://')) for (const match of text.matchAll(URL_USERINFO)) this.learnUserinfo(match);
  }

  redact(text: string): string {
    let clean = text;
    if (text.includes('://')) {
      // Learn first, from the whole text: a bare secret before its URL is masked too.
      this.learn(text);
      clean = text.replace(URL_USERINFO, (whole, scheme: string, userinfo: string) =>
        this.isCredential(scheme, userinfo) ? `${scheme}${Redactor.MASK}@` : whole,
      );
    }
    return this.pattern ? clean.replace(this.pattern, Redactor.MASK) : clean;
  }

  /** Redacts every string inside a JSON-like value; the value itself when there is nothing to mask. */
  redactDeep<T>(value: T): T {
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) return value;
    const clean = this.redact(json);
    return clean === json ? value : (JSON.parse(clean) as T);
  }

  private isCredential(scheme: string, userinfo: string): boolean {
    return userinfo.includes(':') || !SSH_SCHEMES.has(scheme.toLowerCase());
  }

  private learnUserinfo([, scheme = '', userinfo = '']: RegExpMatchArray): void {
    if (!this.isCredential(scheme, userinfo)) return;
    const colon = userinfo.indexOf(':');
    const user = colon === -1 ? userinfo : userinfo.slice(0, colon);
    // Beside a password the user is a name (oauth2, x-access-token, __token__, an account); alone, maybe a token.
    // An account name is never learned: it is also the owner in `github.com/OWNER/repo` that pyrelease reads back.
    if (TOKEN_SHAPED.test(user) || decoded(user).length > MAX_ACCOUNT_NAME) {
      this.add(user);
      this.add(decoded(user));
    }
    if (colon !== -1) {
      const password = userinfo.slice(colon + 1);
      // As written (percent-encoded, maybe) and as meant; `add` adds the encoded form of the latter.
      this.add(password);
      this.add(decoded(password));
    }
  }
}
