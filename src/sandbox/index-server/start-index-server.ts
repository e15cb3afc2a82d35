/*
 * A local package index standing in for PyPI or TestPyPI in `pyrelease demo` and the end-to-end
 * tests: the simple API pip installs from, the JSON API pyrelease polls, file downloads, and the
 * legacy upload API the simulated publish workflows use, all on a loopback port, with state on disk.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { byCodeUnit } from './code-unit-order';
import { IndexStore } from './index-store';
import { normalizeName } from './project-name';
import { publishLocalFile, type PublishOptions } from './publish-local-file';
import { writeReply } from './reply';
import type { RouteContext } from './route-context';
import { route } from './router';
import type { PackageType } from './store-model';

export interface IndexServerOptions {
  /** Which index this stands in for; shown in logs and kept for the demo's summary. */
  name: 'pypi' | 'testpypi';
  /** Where files and `index.json` live; reopening the same directory restores the index. */
  dataDir: string;
  /** How long after an upload the simple pages still omit the file (CDN lag, TECH-FACTS §3.6). Default 0. */
  lagMs?: number;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Time source for upload times and the lag; tests pass a clock they advance. Default: real time. */
  clock?: { now(): number };
}

/** One stored file, as `files()` reports it. */
export interface IndexedFile {
  /** PEP 503 normalized project name. */
  project: string;
  version: string;
  filename: string;
  packagetype: PackageType;
  size: number;
  sha256: string;
  /** Where the bytes are on disk (`<dataDir>/files/<project>/<filename>`). */
  path: string;
  yanked: boolean;
  uploadTime: number;
}

export interface LoggedRequest {
  method: string;
  /** Path and query; never headers, so no credential ever lands here. */
  path: string;
  status: number;
}

export interface IndexServer {
  readonly name: 'pypi' | 'testpypi';
  /** Base URL, e.g. `http://127.0.0.1:41234` (simple API under `/simple/`, JSON under `/pypi/`). */
  readonly url: string;
  /** `${url}/legacy/`, what twine calls the repository URL. */
  readonly uploadUrl: string;
  readonly dataDir: string;
  /** Stops listening and drops open connections; calling it again waits for the same stop. */
  stop(): Promise<void>;
  /** Yanks a whole release, as PyPI's web UI does (there is no API for it: TECH-FACTS §3.4). */
  yank(project: string, version: string, reason?: string): void;
  unyank(project: string, version: string): void;
  /** Deletes a release and its files; their filenames can never be uploaded again. */
  deleteRelease(project: string, version: string): void;
  /**
   * Changes the lag for every uploaded (not seeded) file, judged by its upload time: lowering it
   * is a CDN purge; raising it can hide recent uploads again, like a stale CDN node.
   */
  setLag(ms: number): void;
  /** Seeds a wheel or sdist from disk, listed at once (a previous release, build-backend wheels). */
  publishFile(path: string, options?: PublishOptions): IndexedFile;
  /** What is stored, optionally for one project, sorted by project then filename. */
  files(project?: string): IndexedFile[];
  /** Every request answered so far, oldest first. */
  requests(): LoggedRequest[];
}

export type { PublishOptions };

export async function startIndexServer(options: IndexServerOptions): Promise<IndexServer> {
  const store = IndexStore.open(options.dataDir);
  const clock = options.clock ?? { now: () => Date.now() };
  let lagMs = options.lagMs ?? 0;
  const log: LoggedRequest[] = [];
  let stopped: Promise<void> | undefined;
  const context: RouteContext = { store, baseUrl: '', now: () => clock.now(), lagMs: () => lagMs };

  const server = createServer((request, response) => {
    void answer(context, request, response, log);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  context.baseUrl = `http://${host}:${address.port}`;

  const files = (project?: string): IndexedFile[] =>
    store
      .projects()
      .filter(([normalized]) => project === undefined || normalizeName(project) === normalized)
      .flatMap(([normalized, stored]) =>
        stored.releases.flatMap((release) =>
          release.files.map((file) => ({
            project: normalized,
            version: release.version,
            filename: file.filename,
            packagetype: file.packagetype,
            size: file.size,
            sha256: file.sha256,
            path: store.filePath(normalized, file.filename),
            yanked: release.yanked,
            uploadTime: file.uploadTime,
          })),
        ),
      )
      .sort((a, b) => byCodeUnit(a.project, b.project) || byCodeUnit(a.filename, b.filename));

  return {
    name: options.name,
    url: context.baseUrl,
    uploadUrl: `${context.baseUrl}/legacy/`,
    dataDir: options.dataDir,
    stop: () => (stopped ??= stopServer(server)),
    yank: (project, version, reason = '') => store.setYanked(project, version, true, reason),
    unyank: (project, version) => store.setYanked(project, version, false),
    deleteRelease: (project, version) => store.deleteRelease(project, version),
    setLag: (ms) => {
      lagMs = ms;
    },
    publishFile: (path, publishOptions = {}) => {
      const filename = publishLocalFile(store, path, { ...publishOptions, now: clock.now() });
      const found = files().find((file) => file.filename === filename);
      if (!found) throw new Error(`Seeding ${path} stored nothing.`);
      return found;
    },
    files,
    requests: () => [...log],
  };
}

/** Closes the listener and every connection; stopping twice is one stop. */
function stopServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets (pip, fetch) would hold close() open until they time out.
    server.closeAllConnections();
  });
}

async function answer(
  context: RouteContext,
  request: IncomingMessage,
  response: ServerResponse,
  log: LoggedRequest[],
): Promise<void> {
  response.on('finish', () =>
    log.push({ method: request.method ?? 'GET', path: request.url ?? '/', status: response.statusCode }),
  );
  try {
    writeReply(request, response, await route(context, request));
  } catch (error) {
    // A bug in the sandbox answers 500 (clients retry 5xx) instead of killing the demo.
    const message = error instanceof Error ? error.message : String(error);
    if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`500 Internal Server Error: ${message}`);
  }
}
