import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { PyreleaseError } from '../domain/errors';
import { toGitHubError, statusOf } from './github-octokit-errors';

// The HTTP side of the GitHub adapter: Octokit with the retry and throttling plugins, conditional
// GETs (ETags), `link` pagination, and the job-log redirect. TECH-FACTS §5.1 and §5.3.

const API_VERSION = '2022-11-28';
const GitHubOctokit = Octokit.plugin(retry, throttling);

export interface GitHubWait {
  seconds: number;
  reason: 'rate-limit' | 'secondary-rate-limit';
}

export interface GitHubClientOptions {
  owner: string;
  repo: string;
  token: string;
  /** API base; else `GITHUB_API_URL` from `env`; else `https://api.github.com`. */
  baseUrl?: string;
  env?: Record<string, string | undefined>;
  userAgent?: string;
  /** Told before every rate-limit wait, so the UI can say "waiting 42 s for GitHub's rate limit". */
  onWait?: (wait: GitHubWait) => void;
  fetch?: typeof fetch;
  /** Per attempt (default 30 s). */
  requestTimeoutMs?: number;
  /** Retries of a GET through 5xx and network errors (default 3; writes are never retried blindly). */
  retries?: number;
  /** Rate-limit waits per request before giving up (default 3). */
  rateLimitRetries?: number;
  /** A rate limit that resets later than this is reported instead of waited for (default 900 s). */
  maxWaitSeconds?: number;
  /**
   * Scales every plugin wait, for tests: how long one "second" lasts (default 1000 ms). It scales
   * retry backoff (`retryAfterBaseValue` of both plugins) and the spacing between writes.
   */
  secondMs?: number;
  /** Secondary limit without `retry-after`: wait this many seconds (default 60, GitHub's advice). */
  fallbackSecondaryRetryAfterSeconds?: number;
}

/** `GITHUB_API_URL` convention: honour it, without its trailing slash, before defaulting (TECH-FACTS §5.1). */
export function resolveApiBaseUrl(given: string | undefined, env: Record<string, string | undefined>): string {
  const base = given ?? (env.GITHUB_API_URL?.trim() || undefined) ?? 'https://api.github.com';
  return base.replace(/\/+$/, '');
}

interface Cached {
  etag: string;
  data: unknown;
  link: string | undefined;
}

const CACHE_SIZE = 300;
let instances = 0;

/**
 * Duck-typed stand-in for the Bottleneck groups the throttling plugin spaces writes with (it only
 * calls `key(id).schedule(options, fn)`), so the spacing scales with `secondMs` in tests. GitHub
 * asks for at least a second between mutations (TECH-FACTS §5.3).
 */
function spacedGroup(intervalMs: number): NonNullable<ThrottlingOptions['write']> {
  let last = -Infinity;
  let queue: Promise<unknown> = Promise.resolve();
  const limiter = {
    schedule<T>(_options: unknown, task: (...args: unknown[]) => Promise<T>, ...args: unknown[]): Promise<T> {
      const run = queue.then(async () => {
        const wait = last + intervalMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        last = Date.now();
        return task(...args);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return { key: () => limiter } as unknown as NonNullable<ThrottlingOptions['write']>;
}

export class GitHubHttp {
  readonly owner: string;
  readonly repo: string;
  readonly baseUrl: string;
  private readonly octokit: InstanceType<typeof GitHubOctokit>;
  private readonly cache = new Map<string, Cached>();
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: GitHubClientOptions) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.baseUrl = resolveApiBaseUrl(options.baseUrl, options.env ?? process.env);
    const base = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    // A fresh timeout per attempt: a signal shared across retries would abort them all at once.
    this.fetch = (input, init = {}) => {
      const timeout = AbortSignal.timeout(this.timeoutMs);
      return base(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    };
    const second = options.secondMs ?? 1000;
    const wait =
      (reason: GitHubWait['reason']) =>
      (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
        if (retryCount >= (options.rateLimitRetries ?? 3) || retryAfter > (options.maxWaitSeconds ?? 900)) return false;
        options.onWait?.({ seconds: retryAfter, reason });
        return true;
      };
    instances += 1;
    this.octokit = new GitHubOctokit({
      auth: options.token,
      baseUrl: this.baseUrl,
      userAgent: options.userAgent ?? 'pyrelease',
      request: { fetch: this.fetch },
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
      retry: {
        retries: options.retries ?? 3,
        retryAfterBaseValue: second,
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
      },
      throttle: {
        // Each client gets its own limiter keys: two clients must not pace each other.
        id: `pyrelease-${instances}`,
        retryAfterBaseValue: second,
        fallbackSecondaryRateRetryAfter: options.fallbackSecondaryRetryAfterSeconds ?? 60,
        write: spacedGroup(second),
        notifications: spacedGroup(3 * second),
        onRateLimit: wait('rate-limit'),
        onSecondaryRateLimit: wait('secondary-rate-limit'),
      },
    });
    this.octokit.hook.before('request', (request) => {
      request.headers['x-github-api-version'] = API_VERSION;
    });
  }

  private fail(error: unknown): PyreleaseError {
    return toGitHubError(error, {
      owner: this.owner,
      repo: this.repo,
      baseUrl: this.baseUrl,
      token: this.options.token,
    });
  }

  /** `{owner, repo}` for route parameters. */
  get repoParams(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo };
  }

  private remember(url: string, entry: Cached): void {
    this.cache.delete(url);
    this.cache.set(url, entry);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
  }

  /**
   * A conditional GET: the last ETag for this URL goes out as `If-None-Match`, and a 304 (which
   * costs no rate limit, TECH-FACTS §5.3) returns the body stored with it.
   */
  async get<T>(route: string, params: Record<string, unknown> = {}): Promise<{ data: T; link: string | undefined }> {
    const url = this.octokit.request.endpoint(route, params).url;
    const cached = this.cache.get(url);
    try {
      const response = await this.octokit.request(route, {
        ...params,
        headers: cached ? { 'if-none-match': cached.etag } : {},
      });
      const link = response.headers.link;
      if (response.headers.etag) this.remember(url, { etag: response.headers.etag, data: response.data, link });
      return { data: response.data as T, link };
    } catch (error) {
      if (statusOf(error) === 304 && cached) {
        this.remember(url, cached);
        return { data: cached.data as T, link: cached.link };
      }
      throw this.fail(error);
    }
  }

  /** Like `get`, but a 404 means "there is none". */
  async find<T>(route: string, params: Record<string, unknown> = {}): Promise<T | undefined> {
    try {
      return (await this.get<T>(route, params)).data;
    } catch (error) {
      if (error instanceof PyreleaseError && error.code === 'github.not-found') return undefined;
      throw error;
    }
  }

  /** Follows `rel="next"` links verbatim (TECH-FACTS §5.3) until `limit` items are collected. */
  async getAll<W, T>(
    route: string,
    params: Record<string, unknown>,
    pick: (data: W) => T[],
    limit = Infinity,
  ): Promise<{ first: W; items: T[] }> {
    let page = await this.get<W>(route, params);
    const first = page.data;
    // A copy: the cached page must not grow with the pages appended to it.
    const items = [...pick(page.data)];
    for (let next = nextLink(page.link); next && items.length < limit; next = nextLink(page.link)) {
      page = await this.get<W>(`GET ${next}`);
      items.push(...pick(page.data));
    }
    return { first, items: items.slice(0, limit) };
  }

  /**
   * A write. Server errors are not retried here: a 502 may come after GitHub acted, so a blind
   * retry could dispatch twice (STYLE.md §2.9); rate-limit waits are safe and still happen.
   */
  async write<T>(
    route: string,
    params: Record<string, unknown>,
    options: { safeToRetry?: boolean } = {},
  ): Promise<{ status: number; data: T }> {
    try {
      const response = await this.octokit.request(
        route,
        options.safeToRetry ? params : { ...params, request: { retries: 0 } },
      );
      return { status: response.status, data: response.data as T };
    } catch (error) {
      throw this.fail(error);
    }
  }

  /**
   * GitHub answers with a 302 to a short-lived pre-signed URL; that URL is fetched without the
   * GitHub token, which it neither needs nor should see (TECH-FACTS §5.2 "Job logs").
   */
  async download(route: string, params: Record<string, unknown>): Promise<string | undefined> {
    let location: string | undefined;
    try {
      const response = await this.octokit.request(route, { ...params, request: { redirect: 'manual' } });
      location = response.headers.location;
      if (response.status !== 302 || !location) return typeof response.data === 'string' ? response.data : undefined;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw this.fail(error);
    }
    const blob = await this.fetch(location, { redirect: 'follow' }).catch((error: unknown) => {
      throw new PyreleaseError(
        'github.download',
        `Could not download the log from GitHub's storage: ${error instanceof Error ? error.message : String(error)}`,
        {
          hint: 'Check the network connection, then try again: the link GitHub gives is valid for about a minute.',
        },
      );
    });
    if (!blob.ok) {
      throw new PyreleaseError('github.download', `GitHub's storage answered ${blob.status} for the log download.`, {
        hint: 'The download link is valid for about a minute; try again.',
      });
    }
    // GitHub serves logs with a byte-order mark; `text()` drops it, this is for other fetch implementations.
    return (await blob.text()).replace(/^\uFEFF/, '');
  }
}

function nextLink(link: string | undefined): string | undefined {
  return link
    ?.split(',')
    .map((part) => /<([^>]+)>;\s*rel="next"/.exec(part)?.[1])
    .find((url) => url !== undefined);
}
