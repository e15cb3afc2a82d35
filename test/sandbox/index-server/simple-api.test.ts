import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeWheel } from '../../helpers/make-wheel';
import { get, JSON_ACCEPT, upload, useIndexServers, type TestServer } from './harness';
import { makeSdist } from './make-sdist';

const servers = useIndexServers();

/** An index holding acme-tool 1.0.0 (sdist + wheel, `>=3.9`) uploaded as `Acme.Tool`. */
async function indexWithAcme(): Promise<{ server: TestServer; wheel: ReturnType<typeof makeWheel> }> {
  const server = await servers.start();
  const wheel = makeWheel({ name: 'Acme.Tool', version: '1.0.0' });
  for (const dist of [makeSdist({ name: 'Acme.Tool', version: '1.0.0' }), wheel]) {
    expect((await upload(server, dist, { requires_python: '>=3.9' })).status).toBe(200);
  }
  return { server, wheel };
}

describe('simple API: project page', () => {
  it('answers PEP 503 HTML by default, with hashes, data-requires-python and the serial', async () => {
    const { server } = await indexWithAcme();
    const page = await get(`${server.url}/simple/acme-tool/`);
    const [wheel, sdist] = server.files('acme-tool');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toBe(
      [
        '<!DOCTYPE html>',
        '<html>',
        '  <head>',
        '    <meta name="pypi:repository-version" content="1.4">',
        '    <meta name="pypi:project-status" content="active">',
        '    <title>Links for Acme.Tool</title>',
        '  </head>',
        '  <body>',
        '    <h1>Links for Acme.Tool</h1>',
        `    <a href="${server.url}/files/acme-tool/acme_tool-1.0.0-py3-none-any.whl#sha256=${wheel?.sha256}" data-requires-python="&gt;=3.9">acme_tool-1.0.0-py3-none-any.whl</a><br />`,
        `    <a href="${server.url}/files/acme-tool/acme_tool-1.0.0.tar.gz#sha256=${sdist?.sha256}" data-requires-python="&gt;=3.9">acme_tool-1.0.0.tar.gz</a><br />`,
        '  </body>',
        '</html>',
        '<!--SERIAL 2-->',
      ].join('\n'),
    );
  });

  it('answers PEP 691 JSON when asked, with exactly the keys PyPI sends', async () => {
    const { server, wheel } = await indexWithAcme();
    const page = await get(`${server.url}/simple/acme-tool/`, JSON_ACCEPT);
    expect(page.headers.get('content-type')).toBe('application/vnd.pypi.simple.v1+json');
    const body = page.json();
    expect(Object.keys(body).sort()).toEqual(['files', 'meta', 'name', 'project-status', 'versions']);
    expect(body.meta).toEqual({ 'api-version': '1.4', '_last-serial': 2 });
    expect(body.name).toBe('acme-tool');
    expect(body.versions).toEqual(['1.0.0']);
    expect(body['project-status']).toEqual({ status: 'active' });
    expect(body.files.map((file: { filename: string }) => file.filename)).toEqual([
      'acme_tool-1.0.0-py3-none-any.whl',
      'acme_tool-1.0.0.tar.gz',
    ]);
    expect(body.files[0]).toEqual({
      filename: 'acme_tool-1.0.0-py3-none-any.whl',
      url: `${server.url}/files/acme-tool/acme_tool-1.0.0-py3-none-any.whl`,
      hashes: { sha256: createHash('sha256').update(wheel.bytes).digest('hex') },
      'requires-python': '>=3.9',
      size: wheel.bytes.length,
      'upload-time': '2026-11-21T09:00:00.000000Z',
      yanked: false,
      'core-metadata': false,
      'data-dist-info-metadata': false,
      provenance: null,
    });
  });

  it.each([
    [
      'application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01',
      'application/vnd.pypi.simple.v1+json',
    ],
    [
      'application/vnd.pypi.simple.v1+json;q=0.1, application/vnd.pypi.simple.v1+html',
      'application/vnd.pypi.simple.v1+html',
    ],
    ['text/html', 'text/html; charset=utf-8'],
    ['application/xml', 'text/html; charset=utf-8'],
  ])('negotiates Accept: %s', async (accept, contentType) => {
    const { server } = await indexWithAcme();
    const page = await get(`${server.url}/simple/acme-tool/`, { Accept: accept });
    expect(page.headers.get('content-type')).toBe(contentType);
    expect(page.headers.get('vary')).toBe('Accept');
  });

  it('sends the caching headers pip sees on PyPI, and 304 for a matching ETag', async () => {
    const { server } = await indexWithAcme();
    const page = await get(`${server.url}/simple/acme-tool/`);
    expect(page.headers.get('cache-control')).toBe('max-age=600, public');
    expect(page.headers.get('x-pypi-last-serial')).toBe('2');
    const etag = page.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get(`${server.url}/simple/acme-tool/`, { 'If-None-Match': etag })).status).toBe(304);
    // JSON is another representation: another ETag.
    expect((await get(`${server.url}/simple/acme-tool/`, { ...JSON_ACCEPT, 'If-None-Match': etag })).status).toBe(200);
  });

  it.each([
    ['/simple/Acme.Tool/', '/simple/acme-tool/'],
    ['/simple/ACME_tool/?format=text/html', '/simple/acme-tool/?format=text/html'],
    ['/simple/acme-tool', '/simple/acme-tool/'],
    ['/simple', '/simple/'],
  ])('redirects %s to %s with a 301', async (path, location) => {
    const { server } = await indexWithAcme();
    const answer = await get(`${server.url}${path}`);
    expect([answer.status, answer.headers.get('location')]).toEqual([301, location]);
  });

  it('answers 404 text/plain "404 Not Found" for an unknown project, even a non-normalized one', async () => {
    const { server } = await indexWithAcme();
    for (const name of ['nothing-here', 'Nothing_Here']) {
      const answer = await get(`${server.url}/simple/${name}/`, JSON_ACCEPT);
      expect([answer.status, answer.headers.get('content-type'), answer.text]).toEqual([
        404,
        'text/plain; charset=utf-8',
        '404 Not Found',
      ]);
    }
  });
});

describe('simple API: root index', () => {
  it('lists every project in HTML and JSON', async () => {
    const { server } = await indexWithAcme();
    await upload(server, makeWheel({ name: 'beta', version: '0.1' }));
    const html = await get(`${server.url}/simple/`);
    expect(html.text).toContain('<title>Simple index</title>');
    expect(html.text).toContain(
      '    <a href="/simple/acme-tool/">Acme.Tool</a>\n    <a href="/simple/beta/">beta</a>\n',
    );
    expect(html.text.endsWith('<!--SERIAL 3-->')).toBe(true);
    expect((await get(`${server.url}/simple/`, JSON_ACCEPT)).json()).toEqual({
      meta: { 'api-version': '1.4', '_last-serial': 3 },
      projects: [
        { name: 'Acme.Tool', '_last-serial': 2 },
        { name: 'beta', '_last-serial': 3 },
      ],
    });
  });

  it('answers 404 for unknown paths and 405 for a wrong method', async () => {
    const server = await servers.start();
    expect((await get(`${server.url}/nowhere`)).text).toBe('404 Not Found');
    expect((await get(`${server.url}/legacy/`)).status).toBe(405);
  });
});
