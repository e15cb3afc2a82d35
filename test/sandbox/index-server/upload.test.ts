import { describe, expect, it } from 'vitest';
import { blake2b256Hex } from '../../../src/sandbox/index-server/blake2b';
import { makeWheel, type Dist } from '../../helpers/make-wheel';
import { basicAuth, pypiJson, simpleJson, TOKEN, upload, useIndexServers } from './harness';
import { makeSdist } from './make-sdist';

const servers = useIndexServers();
const wheel = (version = '1.0.0', marker?: string) =>
  makeWheel({ name: 'acme-tool', version, ...(marker ? { marker } : {}) });

describe('upload: accepted files', () => {
  it('stores the file, shows it in both APIs, and keeps it under files/<name>/', async () => {
    const server = await servers.start();
    const dist = wheel();
    expect(await upload(server, dist)).toEqual({ status: 200, statusText: 'OK', body: 'OK' });
    expect(server.files()).toEqual([
      expect.objectContaining({
        project: 'acme-tool',
        version: '1.0.0',
        filename: dist.filename,
        packagetype: 'bdist_wheel',
        yanked: false,
      }),
    ]);
    expect(server.files()[0]?.path).toBe(`${server.dataDir}/files/acme-tool/${dist.filename}`);
    expect((await pypiJson(server, 'acme-tool')).urls[0].filename).toBe(dist.filename);
    expect((await simpleJson(server, 'acme-tool')).files[0].filename).toBe(dist.filename);
  });

  it('treats the same filename with the same bytes as a successful no-op', async () => {
    const server = await servers.start();
    await upload(server, wheel());
    const serial = (await pypiJson(server, 'acme-tool')).last_serial;
    expect(await upload(server, wheel())).toEqual({ status: 200, statusText: 'OK', body: 'OK' });
    expect((await pypiJson(server, 'acme-tool')).last_serial).toBe(serial);
    expect(server.files()).toHaveLength(1);
  });

  it('adds a wheel to a release whose version was spelled differently (canonical match)', async () => {
    const server = await servers.start();
    await upload(server, makeSdist({ name: 'acme-tool', version: '1.0.0' }));
    expect((await upload(server, makeWheel({ name: 'acme-tool', version: '1.0' }))).status).toBe(200);
    expect(Object.keys((await pypiJson(server, 'acme-tool')).releases)).toEqual(['1.0.0']);
  });
});

describe('upload: immutability (TECH-FACTS §3.5)', () => {
  it('refuses the same filename with other bytes, quoting the uploaded blake2_256', async () => {
    const server = await servers.start();
    await upload(server, wheel());
    const rebuilt = wheel('1.0.0', 'rebuilt');
    const message = `File already exists ('acme_tool-1.0.0-py3-none-any.whl', with blake2_256 hash '${blake2b256Hex(rebuilt.bytes)}'). See ${server.url}/help/#file-name-reuse for more information.`;
    expect(await upload(server, rebuilt)).toEqual({ status: 400, statusText: message, body: message });
  });

  it('lets exactly one of two concurrent uploads of one filename win', async () => {
    const server = await servers.start();
    const answers = await Promise.all([
      upload(server, wheel('1.0.0', 'first')),
      upload(server, wheel('1.0.0', 'second')),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(server.files()).toHaveLength(1);
  });

  it('refuses the same bytes under another filename', async () => {
    const server = await servers.start();
    const first = wheel();
    await upload(server, first);
    const renamed: Dist = {
      ...first,
      name: 'acme-tool',
      version: '1.0.1',
      filename: 'acme_tool-1.0.1-py3-none-any.whl',
    };
    expect((await upload(server, renamed)).body).toMatch(
      /^File already exists \('acme_tool-1\.0\.1-py3-none-any\.whl', with blake2_256 hash '[0-9a-f]{64}'\)\./,
    );
  });

  it('refuses a filename whose file was deleted, even with the original bytes', async () => {
    const server = await servers.start();
    await upload(server, wheel());
    server.deleteRelease('acme-tool', '1.0.0');
    const message = `This filename was previously used by a file that has since been deleted. Use a different version. See ${server.url}/help/#file-name-reuse for more information.`;
    expect(await upload(server, wheel())).toEqual({ status: 400, statusText: message, body: message });
    expect(await upload(server, wheel('1.0.0', 'rebuilt'))).toMatchObject({ status: 400, body: message });
  });

  it('refuses a second sdist for one release', async () => {
    const server = await servers.start();
    await upload(server, makeSdist({ name: 'acme-tool', version: '1.0.0' }));
    // A .zip sdist is a zip archive; any zip bytes will do to reach the rule.
    const zipSdist: Dist = {
      name: 'acme-tool',
      version: '1.0.0',
      filename: 'acme_tool-1.0.0.zip',
      bytes: wheel().bytes,
    };
    expect((await upload(server, zipSdist)).body).toBe('Only one sdist may be uploaded per release.');
  });

  it('refuses new files for a release older than 14 days', async () => {
    const server = await servers.start();
    await upload(server, makeSdist({ name: 'acme-tool', version: '1.0.0' }));
    server.clock.time += 15 * 24 * 60 * 60 * 1000;
    expect((await upload(server, wheel())).body).toBe(
      'Uploading new files to releases older than 14 days is not allowed.',
    );
    expect((await upload(server, wheel('1.0.1'))).status).toBe(200);
  });
});

describe('upload: refused metadata and files', () => {
  it('refuses local versions', async () => {
    const server = await servers.start();
    const local = makeWheel({ name: 'acme-tool', version: '1.0.0+g1234abc' });
    const message =
      "The use of local versions in '1.0.0+g1234abc' is not allowed. See https://packaging.python.org/specifications/core-metadata for more information.";
    expect(await upload(server, local)).toEqual({ status: 400, statusText: message, body: message });
  });

  it.each([
    [
      'a wrong sha256',
      { sha256_digest: '0'.repeat(64) },
      'The digest supplied does not match a digest calculated from the uploaded file.',
    ],
    [
      'a wrong md5 alone',
      { sha256_digest: null, blake2_256_digest: null, md5_digest: 'f'.repeat(32) },
      'The digest supplied does not match a digest calculated from the uploaded file.',
    ],
    [
      'a malformed digest',
      { sha256_digest: 'xyz' },
      'Invalid value for sha256_digest. Error: Use a valid, hex-encoded, SHA256 message digest.',
    ],
    [
      'no digest',
      { sha256_digest: null, blake2_256_digest: null, md5_digest: null },
      'Error: Include at least one message digest.',
    ],
    [
      'no name',
      { name: null },
      "'' is an invalid value for Name. Error: This field is required. See https://packaging.python.org/specifications/core-metadata for more information.",
    ],
    [
      'an invalid name',
      { name: '-acme-' },
      "'-acme-' is an invalid value for Name. Error: Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'. See https://packaging.python.org/specifications/core-metadata for more information.",
    ],
    [
      'an invalid version',
      { version: '1.0.0-SNAPSHOT' },
      "'1.0.0-SNAPSHOT' is an invalid value for Version. Error: Use a version that conforms to PEP 440. See https://packaging.python.org/specifications/core-metadata for more information.",
    ],
    [
      'no metadata version',
      { metadata_version: null },
      "'' is an invalid value for Metadata-Version. Error: This field is required. See https://packaging.python.org/specifications/core-metadata for more information.",
    ],
    ['an unknown file type', { filetype: 'bdist_egg' }, 'Invalid value for filetype. Error: Use a known file type.'],
    ['another protocol', { protocol_version: '2' }, 'Unknown protocol version.'],
    ['a version other than the filename', { version: '1.0.1' }, "Version in filename should be '1.0.1' not '1.0.0'."],
    ['a name other than the filename', { name: 'other-tool' }, "Start filename for 'other-tool' with 'other_tool'."],
    [
      'the wrong extension for the type',
      { filetype: 'sdist', pyversion: 'source' },
      'Invalid file extension: Extension .whl is invalid for filetype sdist. See https://www.python.org/dev/peps/pep-0527 for more information.',
    ],
  ])('refuses %s', async (_label, fields, message) => {
    const server = await servers.start();
    expect(await upload(server, wheel(), fields)).toEqual({ status: 400, statusText: message, body: message });
    expect(server.files()).toEqual([]);
  });

  it.each([
    [
      'a non-normalized wheel name',
      { ...wheel(), filename: 'Acme_Tool-1.0.0-py3-none-any.whl' },
      "Filename 'Acme_Tool-1.0.0-py3-none-any.whl' should contain the normalized project name 'acme_tool', not 'Acme_Tool'.",
    ],
    [
      'a non-normalized sdist name',
      { ...makeSdist({ name: 'acme-tool', version: '1.0.0', filenameName: 'acme-tool' }) },
      "Filename 'acme-tool-1.0.0.tar.gz' is invalid, should be 'acme_tool-1.0.0.tar.gz'.",
    ],
    [
      'a non-normalized sdist version',
      { ...makeSdist({ name: 'acme-tool', version: '1.0.0' }), version: '1.0.0', filename: 'acme_tool-1.0.0.0.tar.gz' },
      "Filename 'acme_tool-1.0.0.0.tar.gz' is invalid, should be 'acme_tool-1.0.0.tar.gz'.",
    ],
    [
      'an sdist of another project',
      { ...makeSdist({ name: 'acme-tool', version: '1.0.0' }), filename: 'other-1.0.0.tar.gz' },
      "Start filename for 'acme-tool' with 'acme_tool'.",
    ],
    [
      'a wheel that is not a zip',
      { ...wheel(), bytes: Buffer.from('not a zip') },
      'Invalid distribution file. File is not a zipfile',
    ],
    [
      'an unknown extension',
      { ...wheel(), filename: 'acme_tool-1.0.0.egg' },
      'Invalid file extension: Use .tar.gz, .whl or .zip extension. See https://www.python.org/dev/peps/pep-0527 and https://peps.python.org/pep-0715/ for more information',
    ],
  ])('refuses %s', async (_label, dist, message) => {
    const server = await servers.start();
    expect((await upload(server, dist)).body).toBe(message);
  });
});

describe('upload: authentication', () => {
  it.each([
    [
      'no credentials',
      null,
      (url: string) =>
        `Invalid or non-existent authentication information. See ${url}/help/#invalid-auth for more information.`,
    ],
    [
      'a username and password',
      basicAuth('maintainer', 'hunter2'),
      (url: string) =>
        `Username/Password authentication is no longer supported. Migrate to API Tokens or Trusted Publishers instead. See ${url}/help/#apitoken and ${url}/help/#trusted-publishers`,
    ],
    [
      'a token that is not a PyPI token',
      basicAuth('__token__', 'ghp_notpypi'),
      () => "Invalid API Token: InvalidMacaroonError('malformed or nonexistent macaroon')",
    ],
    [
      'a bearer token',
      `Bearer ${TOKEN}`,
      (url: string) =>
        `Invalid or non-existent authentication information. See ${url}/help/#invalid-auth for more information.`,
    ],
  ])('refuses %s with 403', async (_label, authorization, message) => {
    const server = await servers.start();
    const answer = await upload(server, wheel(), {}, authorization);
    expect(answer).toEqual({ status: 403, statusText: message(server.url), body: message(server.url) });
    expect(server.files()).toEqual([]);
  });

  it('never records credentials in the request log', async () => {
    const server = await servers.start();
    await upload(server, wheel());
    expect(server.requests()).toEqual([{ method: 'POST', path: '/legacy/', status: 200 }]);
    expect(JSON.stringify(server.requests())).not.toContain(TOKEN);
  });

  it('refuses a body that is not a form, and forms without file_upload', async () => {
    const server = await servers.start();
    const post = (body: string | FormData, headers: Record<string, string> = {}) =>
      fetch(server.uploadUrl, {
        method: 'POST',
        body,
        headers: { Authorization: basicAuth('__token__', TOKEN), ...headers },
      });
    expect((await post('{}', { 'Content-Type': 'application/json' })).status).toBe(400);
    const form = new FormData();
    form.append(':action', 'submit');
    const answer = await post(form);
    expect([answer.status, await answer.text()]).toEqual([
      400,
      'Unknown or missing :action (submit); only file_upload is supported.',
    ]);
    const noFile = new FormData();
    for (const [key, value] of Object.entries({
      ':action': 'file_upload',
      metadata_version: '2.1',
      name: 'acme-tool',
      version: '1.0',
      filetype: 'sdist',
      md5_digest: '0'.repeat(32),
    })) {
      noFile.append(key, value);
    }
    expect(await (await post(noFile)).text()).toBe('Upload payload does not have a file.');
  });
});
