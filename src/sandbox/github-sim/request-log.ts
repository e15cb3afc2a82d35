export interface LoggedRequest {
  method: string;
  /** Path and query as requested. */
  url: string;
  /** The OpenAPI template of the route that answered, or undefined for an unknown route. */
  route: string | undefined;
  status: number;
  /** Which scheme the `Authorization` header used, never its value. */
  auth: 'Bearer' | 'token' | 'other' | 'none';
  ifNoneMatch: string | undefined;
  apiVersion: string | undefined;
  userAgent: string | undefined;
  requestBody: unknown;
  responseBody: unknown;
  /** Set when a fault answered instead of the route. */
  fault: string | undefined;
}

const KEEP = 10_000;

/**
 * Every request the simulator saw, so tests can assert what was called, with which headers, and
 * that nothing unexpected was (`unmatched()`). Unknown routes are kept separately and never dropped.
 */
export class RequestLog {
  private readonly list: LoggedRequest[] = [];
  private readonly unknown: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.list.push(entry);
    if (this.list.length > KEEP) this.list.splice(0, this.list.length - KEEP);
    if (entry.route === undefined) this.unknown.push(entry);
  }

  entries(): LoggedRequest[] {
    return [...this.list];
  }

  /** Requests to routes the simulator does not know (answered 404). */
  unmatched(): LoggedRequest[] {
    return [...this.unknown];
  }

  /** `METHOD /path?query → status` lines: short, readable inline expectations. */
  lines(): string[] {
    return this.list.map((entry) => `${entry.method} ${entry.url} → ${entry.status}`);
  }

  clear(): void {
    this.list.length = 0;
    this.unknown.length = 0;
  }
}
