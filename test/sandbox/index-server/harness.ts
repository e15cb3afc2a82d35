/*
 * Shared by the index-server tests: a server per test on a temporary data directory with a clock
 * the test moves, an upload that sends what twine sends, and a GET that does not follow redirects.
 */
import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import { blake2b256Hex } from '../../../src/sandbox/index-server/blake2b';
import { startIndexServer, type IndexServer, type IndexServerOptions } from '../../../src/sandbox/index-server';
import { FixedClock } from '../../helpers/fixed-clock';
import type { Dist } from '../../helpers/make-wheel';
import { useTempDirs } from '../../helpers/temp-dir';

export const TOKEN = 'pypi-AgEIcHlwaS5vcmcsandbox';

export type TestServer = IndexServer & { clock: FixedClock };

/** `start()` gives a running index on a fresh (or given) data directory; every one is stopped after the test. */
export function useIndexServers(): {
  start(options?: Partial<IndexServerOptions>): Promise<TestServer>;
  tempDir(): string;
} {
  const tempDir = useTempDirs();
  const running: IndexServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });
  return {
    tempDir,
    async start(options = {}) {
      const clock = options.clock instanceof FixedClock ? options.clock : new FixedClock();
      const server = await startIndexServer({ name: 'pypi', dataDir: options.dataDir ?? tempDir(), ...options, clock });
      running.push(server);
      return Object.assign(server, { clock });
    },
  };
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export interface UploadResult {
  status: number;
  statusText: string;
  body: string;
}

/**
 * POSTs a distribution the way twine does: `:action=file_upload`, metadata fields, all three
 * digests, the file in `content`. `fields` adds or replaces fields; `null` removes one.
 */
export async function upload(
  server: IndexServer,
  dist: Dist,
  fields: Record<string, string | string[] | null> = {},
  authorization: string | null = basicAuth('__token__', TOKEN),
): Promise<UploadResult> {
  const wheel = dist.filename.endsWith('.whl');
  const defaults: Record<string, string> = {
    ':action': 'file_upload',
    protocol_version: '1',
    metadata_version: '2.1',
    name: dist.name,
    version: dist.version,
    filetype: wheel ? 'bdist_wheel' : 'sdist',
    pyversion: wheel ? 'py3' : 'source',
    md5_digest: createHash('md5').update(dist.bytes).digest('hex'),
    sha256_digest: createHash('sha256').update(dist.bytes).digest('hex'),
    blake2_256_digest: blake2b256Hex(dist.bytes),
  };
  const form = new FormData();
  for (const [key, value] of Object.entries({ ...defaults, ...fields })) {
    for (const item of value === null ? [] : [value].flat()) form.append(key, item);
  }
  form.append('content', new Blob([dist.bytes], { type: 'application/octet-stream' }), dist.filename);
  const headers: Record<string, string> = authorization === null ? {} : { Authorization: authorization };
  const response = await fetch(server.uploadUrl, { method: 'POST', body: form, headers });
  return { status: response.status, statusText: response.statusText, body: await response.text() };
}

export interface Fetched {
  status: number;
  headers: Headers;
  text: string;
  json(): Json;
}

/** GET without following redirects, so tests see the 301s themselves. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const response = await fetch(url, { headers, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as Json };
}

export const JSON_ACCEPT = { Accept: 'application/vnd.pypi.simple.v1+json' };

/**
 * A parsed JSON body. Tests assert it key by key against inline expectations; a static type here
 * would only restate the server's code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The PEP 691 JSON simple page of a project. */
export async function simpleJson(server: IndexServer, project: string): Promise<Json> {
  return (await get(`${server.url}/simple/${project}/`, JSON_ACCEPT)).json();
}

/** The JSON API body for a project, or for one of its versions. */
export async function pypiJson(server: IndexServer, project: string, version?: string): Promise<Json> {
  const path = version === undefined ? `/pypi/${project}/json` : `/pypi/${project}/${version}/json`;
  return (await get(`${server.url}${path}`)).json();
}
