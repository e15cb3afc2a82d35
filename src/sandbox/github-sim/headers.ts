import { createHash, randomBytes } from 'node:crypto';
import type { SimClock } from './types';

export const API_VERSION = '2022-11-28';

/**
 * The primary rate limit of a user token: 5,000 requests an hour, a window that starts with the
 * first request, headers on every response, and 304s that cost nothing (TECH-FACTS §5.3).
 */
export class RateLimit {
  limit = 5000;
  used = 0;
  /** Epoch seconds when the window ends; 0 until the first request opens one. */
  resetAt = 0;

  constructor(private readonly clock: SimClock) {}

  private roll(): void {
    const now = this.clock.now();
    if (this.resetAt === 0 || now >= this.resetAt * 1000) {
      this.used = 0;
      this.resetAt = Math.ceil(now / 1000) + 3600;
    }
  }

  get remaining(): number {
    this.roll();
    return Math.max(this.limit - this.used, 0);
  }

  exhausted(): boolean {
    return this.remaining === 0;
  }

  spend(): void {
    this.roll();
    this.used += 1;
  }

  /** Lets tests and the sandbox start from a nearly spent window. */
  set(values: { limit?: number; remaining?: number; resetAt?: number }): void {
    this.roll();
    if (values.limit !== undefined) this.limit = values.limit;
    if (values.remaining !== undefined) this.used = Math.max(this.limit - values.remaining, 0);
    if (values.resetAt !== undefined) this.resetAt = values.resetAt;
  }

  headers(override: { remaining?: number; resetAt?: number } = {}): Record<string, string> {
    const remaining = override.remaining ?? this.remaining;
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-used': String(this.limit - remaining),
      'x-ratelimit-reset': String(override.resetAt ?? this.resetAt),
      'x-ratelimit-resource': 'core',
    };
  }
}

/** Weak validators, as GitHub sends for JSON (`W/"<sha256>"`). */
export function etagFor(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('hex')}"`;
}

/** `If-None-Match` may list several tags or `*`; comparison is weak (RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** Headers GitHub puts on every API response. */
export function commonHeaders(): Record<string, string> {
  return {
    'x-github-api-version-selected': API_VERSION,
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': randomBytes(8)
      .toString('hex')
      .toUpperCase()
      .replace(/(.{4})(.{4})(.{4})(.{4})/, '$1:$2:$3:$4'),
    vary: 'Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding',
    'cache-control': 'private, max-age=60, s-maxage=60',
  };
}
