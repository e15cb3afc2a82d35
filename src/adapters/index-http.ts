/*
 * PackageIndexReads over HTTP, for PyPI, TestPyPI and the sandbox's index alike (TECH-FACTS §3.2,
 * §3.3). Transient trouble (5xx, 429, network errors, timeouts) is retried with exponential backoff
 * through the injected clock; 404 means "not there"; anything else is a PyreleaseError that says
 * what failed and what to do.
 */
import { PyreleaseError } from '../domain/errors';
import { normalizeProjectName } from '../domain/pyproject/normalize-project-name';
import { compareVersions, parseVersion } from '../domain/version';
import type { Clock } from '../ports/clock';
import type {
  IndexFile,
  IndexReadOptions,
  IndexRelease,
  Installability,
  PackageIndexReads,
} from '../ports/package-index';

/** pip's own Accept header for simple pages: JSON first, HTML as a fallback (PEP 691). */
export const SIMPLE_ACCEPT =
  'application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01';

export interface IndexHttpOptions {
  /** The index's base URL without a trailing slash: `https://pypi.org`, `https://test.pypi.org`. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Sleeps between retries; tests pass one that returns at once. */
  clock: Clock;
  /** Per attempt. Default 30 s (config `indexTimeout`). */
  timeoutMs?: number;
  /** Tries per read, the first included. Default 4. */
  attempts?: number;
  /** First backoff; doubles each retry. Default 1 s. */
  backoffMs?: number;
  userAgent?: string;
}

type Page = { found: false } | { found: true; contentType: string; text: string };

const MAX_REDIRECTS = 5;

export class HttpPackageIndex implements PackageIndexReads {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: IndexHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async releases(project: string, options: IndexReadOptions = {}): Promise<IndexRelease[] | undefined> {
    const url = `${this.baseUrl}/pypi/${encodeURIComponent(project)}/json`;
    const body = await this.readJson(url, options.signal);
    if (body === undefined) return undefined;
    const releases = body.releases;
    if (!isRecord(releases)) throw badResponse(url, 'no "releases" object');
    const list = Object.entries(releases).map(([version, files]) => {
      const parsed = readFiles(url, files);
      const yankedFile = parsed.find((file) => file.yanked);
      return {
        version,
        files: parsed,
        yanked: yankedFile !== undefined,
        yankedReason: yankedFile?.yankedReason ?? null,
      };
    });
    // Invalid (pre-PEP 440) version strings sort first, in the index's order.
    return list.sort((a, b) => {
      const [x, y] = [parseVersion(a.version), parseVersion(b.version)];
      return x && y ? compareVersions(x, y) : Number(Boolean(x)) - Number(Boolean(y));
    });
  }

  async filesOf(project: string, version: string, options: IndexReadOptions = {}): Promise<IndexFile[]> {
    const url = `${this.baseUrl}/pypi/${encodeURIComponent(project)}/${encodeURIComponent(version)}/json`;
    const body = await this.readJson(url, options.signal);
    return body === undefined ? [] : readFiles(url, body.urls);
  }

  async isInstallable(project: string, version: string, options: IndexReadOptions = {}): Promise<Installability> {
    const normalized = normalizeProjectName(project);
    // pip asks for the normalized name itself (PEP 503), sparing the redirect.
    const url = `${this.baseUrl}/simple/${encodeURIComponent(normalized)}/`;
    const page = await this.read(url, SIMPLE_ACCEPT, options.signal);
    if (!page.found) return { sdist: false, wheel: false, listed: [] };
    let filenames: string[];
    try {
      filenames = listedFiles(page.contentType, page.text);
    } catch (error) {
      throw badResponse(url, error instanceof Error ? error.message : String(error));
    }
    const wanted = parseVersion(version);
    const listed = filenames.filter((filename) => {
      const found = filenameVersion(filename);
      if (!found || !wanted || normalizeProjectName(found.name) !== normalized) return false;
      const candidate = parseVersion(found.version);
      return candidate !== undefined && compareVersions(candidate, wanted) === 0;
    });
    return {
      sdist: listed.some((filename) => !filename.endsWith('.whl')),
      wheel: listed.some((filename) => filename.endsWith('.whl')),
      listed,
    };
  }

  async latestVersion(
    project: string,
    options: IndexReadOptions & { includePrereleases: boolean },
  ): Promise<string | undefined> {
    const releases = (await this.releases(project, options)) ?? [];
    const candidates = releases.filter((release) => {
      const parsed = parseVersion(release.version);
      return (
        parsed && release.files.length > 0 && !release.yanked && (options.includePrereleases || !parsed.isPrerelease)
      );
    });
    return candidates.at(-1)?.version;
  }

  private async readJson(url: string, signal: AbortSignal | undefined): Promise<Record<string, unknown> | undefined> {
    const page = await this.read(url, 'application/json', signal);
    if (!page.found) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(page.text);
    } catch {
      throw badResponse(url, 'the body is not JSON');
    }
    if (!isRecord(body)) throw badResponse(url, 'the body is not a JSON object');
    return body;
  }

  /** One GET with retries: the page, `found: false` on 404, or a PyreleaseError. */
  private async read(url: string, accept: string, signal: AbortSignal | undefined): Promise<Page> {
    const attempts = Math.max(1, this.options.attempts ?? 4);
    const backoffMs = this.options.backoffMs ?? 1000;
    let problem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await this.pause(backoffMs * 2 ** (attempt - 2), url, signal);
      try {
        const response = await this.fetchFollowingRedirects(url, accept, signal);
        if (response.status === 404) {
          await response.body?.cancel();
          return { found: false };
        }
        if (response.ok)
          return { found: true, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
        await response.body?.cancel();
        const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        if (response.status < 500 && response.status !== 429) throw refused(url, response.status, status);
        problem = status;
      } catch (error) {
        if (error instanceof PyreleaseError) throw error;
        if (signal?.aborted) throw cancelled(url, error);
        problem = describeFailure(error, this.options.timeoutMs ?? 30_000);
      }
    }
    throw new PyreleaseError(
      'index-unreachable',
      `Could not read ${displayUrl(url)}: ${problem} (${attempts} attempts).`,
      {
        hint:
          'Check the network and the index (https://status.python.org for PyPI and ' +
          'TestPyPI), then run the step again: `pyrelease --resume` continues ' +
          'where it stopped.',
      },
    );
  }

  private async pause(ms: number, url: string, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.options.clock.sleep(ms, signal);
    } catch (error) {
      throw cancelled(url, error);
    }
  }

  /** Follows redirects itself (PyPI's 301s to normalized names), so injected fetches behave like the real one. */
  private async fetchFollowingRedirects(
    start: string,
    accept: string,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let url = start;
    for (let hop = 0; ; hop++) {
      const response = await this.fetch(url, {
        headers: { Accept: accept, 'User-Agent': this.options.userAgent ?? 'pyrelease' },
        redirect: 'manual',
        signal: combined,
      });
      const location = response.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) {
        throw new PyreleaseError(
          'index-redirect-loop',
          `${displayUrl(start)} redirected more than ${MAX_REDIRECTS} times.`,
          {
            hint: 'Check the index URL in [tool.pyrelease.index]; it should be the index root, like https://pypi.org.',
          },
        );
      }
      url = new URL(location, url).toString();
    }
  }
}

function readFiles(url: string, value: unknown): IndexFile[] {
  if (!Array.isArray(value)) throw badResponse(url, 'a list of files is missing');
  return value.map((entry: unknown) => {
    if (!isRecord(entry) || typeof entry.filename !== 'string') throw badResponse(url, 'a file entry has no filename');
    const digests = isRecord(entry.digests) ? entry.digests : {};
    return {
      filename: entry.filename,
      packagetype: typeof entry.packagetype === 'string' ? entry.packagetype : 'unknown',
      sha256: typeof digests.sha256 === 'string' ? digests.sha256 : '',
      size: typeof entry.size === 'number' ? entry.size : 0,
      url: typeof entry.url === 'string' ? entry.url : '',
      yanked: entry.yanked === true,
      yankedReason: typeof entry.yanked_reason === 'string' && entry.yanked_reason !== '' ? entry.yanked_reason : null,
    };
  });
}

/** Filenames on a simple page: PEP 691 JSON `files[].filename`, or PEP 503 HTML anchor texts. */
function listedFiles(contentType: string, text: string): string[] {
  if (contentType.toLowerCase().startsWith('application/vnd.pypi.simple.v1+json')) {
    const body: unknown = JSON.parse(text);
    if (!isRecord(body) || !Array.isArray(body.files)) throw new Error('no "files" list in the PEP 691 page');
    return body.files.flatMap((file: unknown) =>
      isRecord(file) && typeof file.filename === 'string' ? [file.filename] : [],
    );
  }
  return [...text.matchAll(/<a\b[^>]*>([^<]*)<\/a>/gi)].map((match) => unescapeHtml((match[1] ?? '').trim()));
}

function unescapeHtml(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_all, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[entity] ?? '',
  );
}

/**
 * Name and version from a wheel (`name-ver(-build)?-py-abi-plat.whl`) or sdist (`name-ver.tar.gz`,
 * `.zip`) filename, split the way packaging's parse_*_filename do; undefined for other files.
 */
function filenameVersion(filename: string): { name: string; version: string } | undefined {
  if (filename.endsWith('.whl')) {
    const parts = filename.slice(0, -'.whl'.length).split('-');
    return parts.length === 5 || parts.length === 6 ? { name: parts[0] ?? '', version: parts[1] ?? '' } : undefined;
  }
  const stem = /^(.*)\.(tar\.gz|zip)$/.exec(filename)?.[1];
  const dash = stem?.lastIndexOf('-') ?? -1;
  return stem && dash > 0 ? { name: stem.slice(0, dash), version: stem.slice(dash + 1) } : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A URL fit for messages: never with userinfo, whatever was configured. */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

function refused(url: string, status: number, statusLine: string): PyreleaseError {
  const hint =
    status === 401 || status === 403
      ? 'The index refused the request. Check the URL in [tool.pyrelease.index]; pyrelease only reads public pages.'
      : 'Check the index URL in [tool.pyrelease.index]: it should be the index root, like https://pypi.org.';
  return new PyreleaseError('index-refused', `${displayUrl(url)} answered ${statusLine}.`, { hint });
}

function badResponse(url: string, detail: string): PyreleaseError {
  return new PyreleaseError('index-bad-response', `${displayUrl(url)} did not answer like a PyPI index: ${detail}.`, {
    hint:
      'Check that [tool.pyrelease.index] points at a PyPI-compatible index ' +
      'root (https://pypi.org, https://test.pypi.org).',
  });
}

function cancelled(url: string, cause: unknown): PyreleaseError {
  return new PyreleaseError('index-cancelled', `Reading ${displayUrl(url)} was cancelled.`, {
    kind: 'cancelled',
    hint: 'Run `pyrelease --resume` to continue.',
    cause,
  });
}
