import type { SimResponse } from './http';

export type FaultKind = '500' | '502' | 'secondary-rate-limit' | 'primary-rate-limit' | 'slow';

export interface FaultSpec {
  match?: { method?: string; path?: RegExp };
  kind: FaultKind;
  /** How many matching requests it affects (default 1). */
  count?: number;
  /**
   * secondary: the `retry-after` header (absent when unset); primary: seconds until `x-ratelimit-reset` (default 60).
   */
  retryAfterSeconds?: number;
  /** primary: 403 (default) or 429, both of which GitHub sends. */
  status?: 403 | 429;
  /** slow: how long to hold the answer. */
  delayMs?: number;
}

export interface Fault {
  readonly spec: FaultSpec;
  /** Matching requests still to be affected. */
  remaining: number;
}

const RATE_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

/** Faults on demand: each matching request consumes one unit of the first fault that matches it. */
export class Faults {
  private readonly list: Fault[] = [];

  add(spec: FaultSpec): Fault {
    const fault: Fault = { spec, remaining: spec.count ?? 1 };
    this.list.push(fault);
    return fault;
  }

  /** Faults not yet used up: a test that arranged a fault can check it was really hit. */
  pending(): Fault[] {
    return this.list.filter((fault) => fault.remaining > 0);
  }

  clear(): void {
    this.list.length = 0;
  }

  take(method: string, path: string): Fault | undefined {
    const fault = this.list.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (!candidate.spec.match?.method || candidate.spec.match.method.toUpperCase() === method) &&
        (!candidate.spec.match?.path || candidate.spec.match.path.test(path)),
    );
    if (fault) fault.remaining -= 1;
    return fault;
  }
}

/** The answer a fault gives instead of the route's (`slow` has none: it only delays). */
export function faultResponse(spec: FaultSpec, nowMs: number, requestId: string): SimResponse | undefined {
  switch (spec.kind) {
    case '500':
      return { status: 500, json: { message: 'Server Error' } };
    case '502':
      // GitHub's front end answers a 502 with an HTML page, not JSON.
      return {
        status: 502,
        text: '<html><body><h1>502 Bad Gateway</h1>\n<p>Unicorn! That page took too long to load.</p></body></html>\n',
        contentType: 'text/html; charset=utf-8',
      };
    case 'secondary-rate-limit':
      return {
        status: 403,
        json: {
          message:
            `You have exceeded a secondary rate limit. Please wait a few minutes ` +
            `before you try again. If you reach out to GitHub Support for help, ` +
            `please include the request ID ${requestId}.`,
          documentation_url: `${RATE_DOCS}#about-secondary-rate-limits`,
          status: '403',
        },
        headers: spec.retryAfterSeconds === undefined ? {} : { 'retry-after': String(spec.retryAfterSeconds) },
      };
    case 'primary-rate-limit': {
      const status = spec.status ?? 403;
      const reset = Math.ceil(nowMs / 1000) + (spec.retryAfterSeconds ?? 60);
      return {
        status,
        json: {
          message:
            `API rate limit exceeded for user ID 1. If you reach out to GitHub ` +
            (`Support for help, please include the ` +
              `request ID ${requestId} and timestamp ${new Date(nowMs).toISOString()}.`),
          documentation_url: `${RATE_DOCS}#about-the-primary-rate-limit`,
          status: String(status),
        },
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-limit': '5000',
          'x-ratelimit-reset': String(reset),
        },
      };
    }
    case 'slow':
      return undefined;
  }
}
