import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWheel, writeWheel } from '../../helpers/make-wheel';
import { get, JSON_ACCEPT, pypiJson, simpleJson, upload, useIndexServers } from './harness';
import { makeSdist } from './make-sdist';

const servers = useIndexServers();
const wheel = (version: string) => makeWheel({ name: 'acme-tool', version });

describe('propagation lag (TECH-FACTS §3.6)', () => {
  it('shows an upload in the JSON API at once and on the simple pages only after the lag', async () => {
    const server = await servers.start({ lagMs: 60_000 });
    await upload(server, wheel('1.0.0'));
    server.clock.time += 120_000;
    await upload(server, wheel('1.1.0'));

    expect(Object.keys((await pypiJson(server, 'acme-tool')).releases)).toEqual(['1.0.0', '1.1.0']);
    expect((await simpleJson(server, 'acme-tool')).versions).toEqual(['1.0.0']);
    expect((await get(`${server.url}/simple/acme-tool/`)).text).not.toContain('1.1.0');

    server.clock.time += 59_999;
    expect((await simpleJson(server, 'acme-tool')).versions).toEqual(['1.0.0']);
    server.clock.time += 1;
    expect((await simpleJson(server, 'acme-tool')).versions).toEqual(['1.0.0', '1.1.0']);
  });

  it('keeps a brand-new project off the simple pages (404) until the lag has passed', async () => {
    const server = await servers.start({ lagMs: 30_000 });
    await upload(server, wheel('1.0.0'));
    expect((await get(`${server.url}/simple/acme-tool/`, JSON_ACCEPT)).status).toBe(404);
    expect((await get(`${server.url}/simple/`, JSON_ACCEPT)).json().projects).toEqual([]);
    expect((await get(`${server.url}/pypi/acme-tool/1.0.0/json`)).status).toBe(200);
    server.setLag(0);
    expect((await get(`${server.url}/simple/acme-tool/`, JSON_ACCEPT)).status).toBe(200);
  });
});

describe('yanking (PEP 592, TECH-FACTS §3.4)', () => {
  it('shows a yank with its reason in both APIs, and an unyank undoes it', async () => {
    const server = await servers.start();
    await upload(server, wheel('1.0.0'));
    await upload(server, wheel('1.1.0'));
    server.yank('acme-tool', '1.1', 'Broken entry point');

    const simple = await simpleJson(server, 'acme-tool');
    expect(simple.files.map((file: { yanked: unknown }) => file.yanked)).toEqual([false, 'Broken entry point']);
    expect((await get(`${server.url}/simple/acme-tool/`)).text).toContain(
      'data-yanked="Broken entry point">acme_tool-1.1.0-py3-none-any.whl</a>',
    );
    const release = await pypiJson(server, 'acme-tool', '1.1.0');
    expect([
      release.info.yanked,
      release.info.yanked_reason,
      release.urls[0].yanked,
      release.urls[0].yanked_reason,
    ]).toEqual([true, 'Broken entry point', true, 'Broken entry point']);
    expect((await pypiJson(server, 'acme-tool')).info.version).toBe('1.0.0');

    server.unyank('acme-tool', '1.1.0');
    expect((await simpleJson(server, 'acme-tool')).files.map((file: { yanked: unknown }) => file.yanked)).toEqual([
      false,
      false,
    ]);
    expect((await get(`${server.url}/simple/acme-tool/`)).text).not.toContain('data-yanked');
    expect((await pypiJson(server, 'acme-tool')).info).toMatchObject({
      version: '1.1.0',
      yanked: false,
      yanked_reason: null,
    });
  });

  it('shows a yank without a reason as true / an empty data-yanked', async () => {
    const server = await servers.start();
    await upload(server, wheel('1.0.0'));
    server.yank('acme-tool', '1.0.0');
    expect((await simpleJson(server, 'acme-tool')).files[0].yanked).toBe(true);
    expect((await get(`${server.url}/simple/acme-tool/`)).text).toContain(' data-yanked="">');
    expect((await pypiJson(server, 'acme-tool')).info).toMatchObject({ yanked: true, yanked_reason: null });
  });

  it('refuses to yank what does not exist', async () => {
    const server = await servers.start();
    expect(() => server.yank('acme-tool', '9.9')).toThrow('The index has no release 9.9 of acme-tool.');
  });
});

describe('deleting a release', () => {
  it('removes the files from disk and both APIs; the version stays burned', async () => {
    const server = await servers.start();
    await upload(server, wheel('1.0.0'));
    await upload(server, wheel('1.1.0'));
    const [gone] = server.files();
    server.deleteRelease('acme-tool', '1.0.0');
    expect(existsSync(gone?.path ?? '')).toBe(false);
    expect(server.files().map((file) => file.version)).toEqual(['1.1.0']);
    expect((await get(`${server.url}/files/acme-tool/${gone?.filename}`)).status).toBe(404);
    expect((await get(`${server.url}/pypi/acme-tool/1.0.0/json`)).status).toBe(404);
    expect((await simpleJson(server, 'acme-tool')).versions).toEqual(['1.1.0']);
    expect((await upload(server, wheel('1.0.0'))).body).toMatch(/^This filename was previously used/);
  });
});

describe('persistence', () => {
  it('keeps files, yanks and burned names across a restart on the same data directory', async () => {
    const dataDir = servers.tempDir();
    const first = await servers.start({ dataDir });
    await upload(first, makeSdist({ name: 'Acme.Tool', version: '1.0.0' }));
    await upload(first, makeWheel({ name: 'Acme.Tool', version: '1.0.0' }));
    await upload(first, makeWheel({ name: 'Acme.Tool', version: '0.9.0' }));
    first.yank('acme-tool', '1.0.0', 'oops');
    first.deleteRelease('acme-tool', '0.9.0');
    const before = first.files();
    await first.stop();

    expect(readdirSync(dataDir).sort()).toEqual(['files', 'index.json']);
    expect(readdirSync(join(dataDir, 'files', 'acme-tool')).sort()).toEqual([
      'acme_tool-1.0.0-py3-none-any.whl',
      'acme_tool-1.0.0.tar.gz',
    ]);
    expect(JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'))).toMatchObject({
      format: 1,
      serial: 5,
      deletedFilenames: ['acme_tool-0.9.0-py3-none-any.whl'],
      projects: { 'acme-tool': { name: 'Acme.Tool', lastSerial: 5 } },
    });

    const second = await servers.start({ dataDir });
    expect(second.files()).toEqual(before);
    expect((await pypiJson(second, 'acme-tool', '1.0.0')).info).toMatchObject({
      name: 'Acme.Tool',
      yanked: true,
      yanked_reason: 'oops',
    });
    expect((await upload(second, makeWheel({ name: 'Acme.Tool', version: '0.9.0' }))).body).toMatch(
      /^This filename was previously used/,
    );
    const download = await fetch(`${second.url}/files/acme-tool/acme_tool-1.0.0.tar.gz`);
    expect(
      Buffer.from(await download.arrayBuffer()).equals(makeSdist({ name: 'Acme.Tool', version: '1.0.0' }).bytes),
    ).toBe(true);
  });

  it('refuses a data directory written in another format rather than guess', async () => {
    const dataDir = servers.tempDir();
    writeFileSync(join(dataDir, 'index.json'), '{"format": 2}');
    await expect(servers.start({ dataDir })).rejects.toThrow(
      `${join(dataDir, 'index.json')} is not a sandbox index this version understands (format 2).`,
    );
  });
});

describe('publishFile (seeding)', () => {
  it('stores a file from disk and lists it at once, whatever the lag', async () => {
    const server = await servers.start({ lagMs: 3_600_000 });
    const path = writeWheel(servers.tempDir(), { name: 'acme-tool', version: '0.9.0' });
    const seeded = server.publishFile(path, { requiresPython: '>=3.9', summary: 'previous release' });
    expect(seeded).toMatchObject({
      project: 'acme-tool',
      version: '0.9.0',
      filename: 'acme_tool-0.9.0-py3-none-any.whl',
      packagetype: 'bdist_wheel',
    });
    expect((await simpleJson(server, 'acme-tool')).files[0]).toMatchObject({
      filename: seeded.filename,
      'requires-python': '>=3.9',
    });
    expect((await pypiJson(server, 'acme-tool')).info).toMatchObject({ version: '0.9.0', summary: 'previous release' });
  });

  it('is idempotent for the same bytes and refuses other bytes under a stored name', async () => {
    const server = await servers.start();
    const dir = servers.tempDir();
    const path = writeWheel(dir, { name: 'acme-tool', version: '0.9.0' });
    server.publishFile(path);
    expect(server.publishFile(path).filename).toBe('acme_tool-0.9.0-py3-none-any.whl');
    const other = writeWheel(servers.tempDir(), { name: 'acme-tool', version: '0.9.0', marker: 'rebuilt' });
    expect(() => server.publishFile(other)).toThrow(
      'the index already holds acme_tool-0.9.0-py3-none-any.whl with other content',
    );
    expect(server.files()).toHaveLength(1);
  });

  it('can seed an old release, which then takes no new files (14-day rule)', async () => {
    const server = await servers.start();
    const old = server.clock.now() - 30 * 24 * 60 * 60 * 1000;
    server.publishFile(writeWheel(servers.tempDir(), { name: 'acme-tool', version: '0.9.0' }), { uploadTime: old });
    expect((await pypiJson(server, 'acme-tool')).urls[0].upload_time).toBe('2026-10-22T09:00:00');
    expect((await upload(server, makeSdist({ name: 'acme-tool', version: '0.9.0' }))).body).toBe(
      'Uploading new files to releases older than 14 days is not allowed.',
    );
  });
});

describe('request log', () => {
  it('records method, path and status of every request', async () => {
    const server = await servers.start();
    await get(`${server.url}/simple/Acme_Tool/`);
    await get(`${server.url}/pypi/acme-tool/json`);
    expect(server.requests()).toEqual([
      { method: 'GET', path: '/simple/Acme_Tool/', status: 404 },
      { method: 'GET', path: '/pypi/acme-tool/json', status: 404 },
    ]);
  });
});
