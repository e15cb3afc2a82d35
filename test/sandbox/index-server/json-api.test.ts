import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blake2b256Hex } from '../../../src/sandbox/index-server/blake2b';
import { makeWheel } from '../../helpers/make-wheel';
import { get, pypiJson, upload, useIndexServers, type TestServer } from './harness';
import { makeSdist } from './make-sdist';

const servers = useIndexServers();

const INFO_KEYS = [
  'author',
  'author_email',
  'bugtrack_url',
  'classifiers',
  'description',
  'description_content_type',
  'docs_url',
  'download_url',
  'downloads',
  'dynamic',
  'home_page',
  'keywords',
  'license',
  'license_expression',
  'license_files',
  'maintainer',
  'maintainer_email',
  'name',
  'package_url',
  'platform',
  'project_url',
  'project_urls',
  'provides_extra',
  'release_url',
  'requires_dist',
  'requires_python',
  'summary',
  'version',
  'yanked',
  'yanked_reason',
];
const FILE_KEYS = [
  'comment_text',
  'core-metadata',
  'digests',
  'downloads',
  'filename',
  'has_sig',
  'md5_digest',
  'packagetype',
  'python_version',
  'requires_python',
  'size',
  'upload_time',
  'upload_time_iso_8601',
  'url',
  'yanked',
  'yanked_reason',
];

/** Uploads one wheel per version of `acme-tool`. */
async function indexWith(versions: string[], fields: Record<string, string | string[]> = {}): Promise<TestServer> {
  const server = await servers.start();
  for (const version of versions) {
    expect((await upload(server, makeWheel({ name: 'acme-tool', version }), fields)).status).toBe(200);
  }
  return server;
}

describe('JSON API: shapes', () => {
  it('answers /pypi/<name>/json with exactly the keys of TECH-FACTS §3.2', async () => {
    const server = await indexWith(['1.0.0'], {
      summary: 'A tool',
      requires_python: '>=3.9',
      classifiers: ['Programming Language :: Python :: 3', 'License :: OSI Approved :: MIT License'],
      project_urls: ['Source, https://example.invalid/acme'],
      requires_dist: ['rich>=13'],
    });
    const answer = await get(`${server.url}/pypi/acme-tool/json`);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('x-pypi-last-serial')).toBe('1');
    expect(answer.headers.get('cache-control')).toBe('max-age=900, public');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.text.startsWith('{"info": {"author": null, "author_email": null, ')).toBe(true);
    const body = answer.json();
    expect(Object.keys(body)).toEqual(['info', 'last_serial', 'releases', 'urls', 'vulnerabilities', 'ownership']);
    expect(Object.keys(body.info)).toEqual(INFO_KEYS);
    expect(body.info).toMatchObject({
      name: 'acme-tool',
      version: '1.0.0',
      summary: 'A tool',
      requires_python: '>=3.9',
      classifiers: ['Programming Language :: Python :: 3', 'License :: OSI Approved :: MIT License'],
      project_urls: { Source: 'https://example.invalid/acme' },
      requires_dist: ['rich>=13'],
      package_url: `${server.url}/project/acme-tool/`,
      release_url: `${server.url}/project/acme-tool/1.0.0/`,
      downloads: { last_day: -1, last_month: -1, last_week: -1 },
      bugtrack_url: null,
      yanked: false,
      yanked_reason: null,
    });
    expect(body.last_serial).toBe(1);
    expect(body.vulnerabilities).toEqual([]);
    expect(Object.keys(body.releases)).toEqual(['1.0.0']);
    expect(body.releases['1.0.0']).toEqual(body.urls);
  });

  it('describes each file with the per-file keys and real digests', async () => {
    const server = await indexWith([]);
    const wheel = makeWheel({ name: 'acme-tool', version: '1.0.0' });
    await upload(server, wheel, { requires_python: '>=3.9', comment: 'built by CI' });
    const [file] = (await pypiJson(server, 'acme-tool')).urls;
    expect(Object.keys(file)).toEqual(FILE_KEYS);
    const digest = (algorithm: string) => createHash(algorithm).update(wheel.bytes).digest('hex');
    expect(file).toEqual({
      comment_text: 'built by CI',
      'core-metadata': false,
      digests: { blake2b_256: blake2b256Hex(wheel.bytes), md5: digest('md5'), sha256: digest('sha256') },
      downloads: -1,
      filename: 'acme_tool-1.0.0-py3-none-any.whl',
      has_sig: false,
      md5_digest: digest('md5'),
      packagetype: 'bdist_wheel',
      python_version: 'py3',
      requires_python: '>=3.9',
      size: wheel.bytes.length,
      upload_time: '2026-11-21T09:00:00',
      upload_time_iso_8601: '2026-11-21T09:00:00.000000Z',
      url: `${server.url}/files/acme-tool/acme_tool-1.0.0-py3-none-any.whl`,
      yanked: false,
      yanked_reason: null,
    });
    const download = await fetch(file.url);
    expect(Buffer.from(await download.arrayBuffer()).equals(wheel.bytes)).toBe(true);
  });

  it('marks an sdist as packagetype sdist with python_version source', async () => {
    const server = await indexWith([]);
    await upload(server, makeSdist({ name: 'acme-tool', version: '1.0.0' }));
    const [file] = (await pypiJson(server, 'acme-tool')).urls;
    expect([file.packagetype, file.python_version]).toEqual(['sdist', 'source']);
  });

  it('answers /pypi/<name>/<version>/json without "releases", trailing slash or not', async () => {
    const server = await indexWith(['1.0.0', '1.1.0']);
    for (const path of ['/pypi/acme-tool/1.0.0/json', '/pypi/acme-tool/1.0.0/json/']) {
      const body = (await get(`${server.url}${path}`)).json();
      expect(Object.keys(body)).toEqual(['info', 'last_serial', 'urls', 'vulnerabilities', 'ownership']);
      expect(body.info.version).toBe('1.0.0');
      expect(body.urls.map((file: { filename: string }) => file.filename)).toEqual([
        'acme_tool-1.0.0-py3-none-any.whl',
      ]);
    }
  });
});

describe('JSON API: lookups', () => {
  it.each([['1.0'], ['1'], ['1.0.0'], ['v1.0.0.0']])(
    'finds 1.0.0 through canonicalize_version from %s',
    async (asked) => {
      const server = await indexWith(['1.0.0']);
      expect((await pypiJson(server, 'acme-tool', asked)).info.version).toBe('1.0.0');
    },
  );

  it.each([
    ['/pypi/Acme_Tool/json', '/pypi/acme-tool/json'],
    ['/pypi/ACME.tool/1.0/json', '/pypi/acme-tool/1.0/json'],
  ])('redirects %s to the normalized name with a 301', async (path, location) => {
    const server = await indexWith(['1.0.0']);
    const answer = await get(`${server.url}${path}`);
    expect([answer.status, answer.headers.get('location')]).toEqual([301, location]);
  });

  it.each([
    ['/pypi/nothing/json'],
    ['/pypi/Nothing_Here/json'],
    ['/pypi/acme-tool/2.0/json'],
    ['/pypi/acme-tool/not-a-version/json'],
  ])('answers 404 {"message": "Not Found"} for %s', async (path) => {
    const server = await indexWith(['1.0.0']);
    const answer = await get(`${server.url}${path}`);
    expect([answer.status, answer.headers.get('content-type'), answer.text]).toEqual([
      404,
      'application/json',
      '{"message": "Not Found"}',
    ]);
  });
});

describe('JSON API: info.version (not yanked, then final, then highest)', () => {
  it.each([
    ['the highest final release', ['1.0.0', '1.2.0', '1.10.0'], [], '1.10.0'],
    ['a final release over a newer pre-release', ['1.0.0', '2.0.0rc1', '2.0.0.dev1'], [], '1.0.0'],
    ['the newest pre-release when there is nothing else', ['2.0.0a1', '2.0.0b1'], [], '2.0.0b1'],
    ['a not-yanked release over a newer yanked one', ['1.0.0', '1.1.0'], ['1.1.0'], '1.0.0'],
    ['a not-yanked pre-release over a yanked final', ['1.0.0', '1.1.0rc1'], ['1.0.0'], '1.1.0rc1'],
    ['the newest yanked one when all are yanked', ['1.0.0', '1.1.0'], ['1.0.0', '1.1.0'], '1.1.0'],
  ])('picks %s', async (_label, versions, yanked, expected) => {
    const server = await indexWith(versions);
    for (const version of yanked) server.yank('acme-tool', version, 'broken');
    const body = await pypiJson(server, 'acme-tool');
    expect(body.info.version).toBe(expected);
    expect(body.urls.map((file: { filename: string }) => file.filename)).toEqual([
      `acme_tool-${expected}-py3-none-any.whl`,
    ]);
  });

  it('lists every release, oldest first in PEP 440 order', async () => {
    const server = await indexWith(['1.10.0', '1.9.0', '1.10.0rc1']);
    expect(Object.keys((await pypiJson(server, 'acme-tool')).releases)).toEqual(['1.9.0', '1.10.0rc1', '1.10.0']);
  });
});
