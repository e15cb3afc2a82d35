import { describe, expect, it } from 'vitest';
import { HttpPackageIndex, SIMPLE_ACCEPT } from '../../src/adapters/index-http';
import { PyreleaseError } from '../../src/domain/errors';
import { FixedClock } from '../helpers/fixed-clock';
import { makeWheel } from '../helpers/make-wheel';
import { upload, useIndexServers, type TestServer } from '../sandbox/index-server/harness';
import { makeSdist } from '../sandbox/index-server/make-sdist';

const servers = useIndexServers();

/** Records every backoff; time moves only by what was slept. */
class RecordingClock extends FixedClock {
  readonly sleeps: number[] = [];
  override async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    await super.sleep(ms);
  }
}

/** An index with acme-tool 1.0.0 (sdist + wheel), 1.1.0rc1 (wheel) and 1.1.0 (wheel, yanked). */
async function acmeIndex(): Promise<TestServer> {
  const server = await servers.start();
  for (const dist of [
    makeSdist({ name: 'acme-tool', version: '1.0.0' }),
    makeWheel({ name: 'acme-tool', version: '1.0.0' }),
    makeWheel({ name: 'acme-tool', version: '1.1.0rc1' }),
    makeWheel({ name: 'acme-tool', version: '1.1.0' }),
  ]) {
    expect((await upload(server, dist)).status).toBe(200);
  }
  server.yank('acme-tool', '1.1.0', 'Broken entry point');
  return server;
}

const indexOn = (server: TestServer) => new HttpPackageIndex({ baseUrl: server.url, clock: new RecordingClock() });

describe('HttpPackageIndex against the sandbox index', () => {
  it('lists releases oldest first with files and yank state; undefined for an unknown project', async () => {
    const server = await acmeIndex();
    const index = indexOn(server);
    const releases = await index.releases('acme-tool');
    expect(
      releases?.map(({ version, yanked, yankedReason, files }) => [
        version,
        yanked,
        yankedReason,
        files.map((file) => file.packagetype),
      ]),
    ).toEqual([
      ['1.0.0', false, null, ['bdist_wheel', 'sdist']],
      ['1.1.0rc1', false, null, ['bdist_wheel']],
      ['1.1.0', true, 'Broken entry point', ['bdist_wheel']],
    ]);
    const [stored] = server.files('acme-tool');
    expect(releases?.[0]?.files[0]).toEqual({
      filename: stored?.filename,
      packagetype: 'bdist_wheel',
      sha256: stored?.sha256,
      size: stored?.size,
      url: `${server.url}/files/acme-tool/${stored?.filename}`,
      yanked: false,
      yankedReason: null,
    });
    expect(await index.releases('nothing-here')).toBeUndefined();
  });

  it("follows PyPI's 301 from a non-normalized name", async () => {
    const server = await acmeIndex();
    expect((await indexOn(server).releases('Acme_Tool'))?.map((release) => release.version)).toEqual([
      '1.0.0',
      '1.1.0rc1',
      '1.1.0',
    ]);
    expect(server.requests().slice(-2)).toEqual([
      { method: 'GET', path: '/pypi/Acme_Tool/json', status: 301 },
      { method: 'GET', path: '/pypi/acme-tool/json', status: 200 },
    ]);
  });

  it('reads one release through canonicalize_version; nothing for unknown versions or projects', async () => {
    const index = indexOn(await acmeIndex());
    expect((await index.filesOf('acme-tool', '1.0')).map((file) => file.filename)).toEqual([
      'acme_tool-1.0.0-py3-none-any.whl',
      'acme_tool-1.0.0.tar.gz',
    ]);
    expect(await index.filesOf('acme-tool', '9.9.9')).toEqual([]);
    expect(await index.filesOf('nothing-here', '1.0')).toEqual([]);
  });

  it('picks the latest version: not yanked, pre-releases only when asked', async () => {
    const index = indexOn(await acmeIndex());
    expect(await index.latestVersion('acme-tool', { includePrereleases: false })).toBe('1.0.0');
    expect(await index.latestVersion('acme-tool', { includePrereleases: true })).toBe('1.1.0rc1');
    expect(await index.latestVersion('nothing-here', { includePrereleases: true })).toBeUndefined();
  });

  it('says "uploaded" before "installable" while the simple page lags', async () => {
    const server = await servers.start({ lagMs: 120_000 });
    await upload(server, makeSdist({ name: 'acme-tool', version: '2.0.0' }));
    await upload(server, makeWheel({ name: 'acme-tool', version: '2.0.0' }));
    const index = indexOn(server);

    expect(await index.filesOf('acme-tool', '2.0.0')).toHaveLength(2);
    expect(await index.isInstallable('acme-tool', '2.0.0')).toEqual({ sdist: false, wheel: false, listed: [] });
    server.clock.time += 120_000;
    expect(await index.isInstallable('Acme.Tool', '2.0')).toEqual({
      sdist: true,
      wheel: true,
      listed: ['acme_tool-2.0.0-py3-none-any.whl', 'acme_tool-2.0.0.tar.gz'],
    });
  });

  it('counts yanked files as installable (an exact pin installs them) and only that version', async () => {
    const index = indexOn(await acmeIndex());
    expect(await index.isInstallable('acme-tool', '1.1.0')).toEqual({
      sdist: false,
      wheel: true,
      listed: ['acme_tool-1.1.0-py3-none-any.whl'],
    });
  });
});

interface Call {
  url: string;
  accept: string | null;
}

/** A strict fetch: one-shot answers in order; an unexpected call fails the test. */
function scriptedFetch(
  ...answers: Array<(call: Call, signal: AbortSignal | undefined) => Response | Promise<Response>>
) {
  const calls: Call[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const call = { url: String(input), accept: new Headers(init?.headers).get('accept') };
    calls.push(call);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected fetch of ${call.url}`);
    return answer(call, init?.signal ?? undefined);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls, unused: () => answers.length };
}

const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const status =
  (code: number, text = '') =>
  () =>
    new Response(text, { status: code, statusText: text });
const networkDown = () => () =>
  Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }));
const RELEASES = { releases: { '1.0': [] }, urls: [] };

async function failure(promise: Promise<unknown>): Promise<PyreleaseError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PyreleaseError);
  return error as PyreleaseError;
}

describe('HttpPackageIndex on a bad day', () => {
  it('retries 5xx and 429 with doubling backoff through the clock, then succeeds', async () => {
    const clock = new RecordingClock();
    const script = scriptedFetch(status(503, 'Service Unavailable'), status(429), json(RELEASES));
    const index = new HttpPackageIndex({ baseUrl: 'https://pypi.org/', fetch: script.fetch, clock });
    expect((await index.releases('acme-tool'))?.map((release) => release.version)).toEqual(['1.0']);
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(script.calls.map((call) => call.url)).toEqual(Array(3).fill('https://pypi.org/pypi/acme-tool/json'));
  });

  it('gives up after the last attempt with what went wrong and what to do', async () => {
    const clock = new RecordingClock();
    const script = scriptedFetch(networkDown(), networkDown(), networkDown(), networkDown());
    const index = new HttpPackageIndex({ baseUrl: 'https://test.pypi.org', fetch: script.fetch, clock });
    const error = await failure(index.filesOf('acme-tool', '1.0'));
    expect(error.code).toBe('index-unreachable');
    expect(error.message).toBe(
      'Could not read https://test.pypi.org/pypi/acme-tool/1.0/json: fetch failed: connect ECONNREFUSED 127.0.0.1:9 (4 attempts).',
    );
    expect(error.hint).toContain('pyrelease --resume');
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
  });

  it('does not retry a refusal (4xx other than 404 and 429)', async () => {
    const script = scriptedFetch(status(403, 'Forbidden'));
    const error = await failure(
      new HttpPackageIndex({ baseUrl: 'https://pypi.org', fetch: script.fetch, clock: new RecordingClock() }).releases(
        'x',
      ),
    );
    expect([error.code, error.message]).toEqual([
      'index-refused',
      'https://pypi.org/pypi/x/json answered HTTP 403 Forbidden.',
    ]);
    expect(script.unused()).toBe(0);
  });

  it('never puts credentials of the configured URL in a message', async () => {
    const script = scriptedFetch(status(500));
    const index = new HttpPackageIndex({
      baseUrl: 'https://maintainer:s3cret-token@index.example',
      fetch: script.fetch,
      clock: new RecordingClock(),
      attempts: 1,
    });
    const error = await failure(index.releases('acme-tool'));
    expect(error.message).toBe('Could not read https://index.example/pypi/acme-tool/json: HTTP 500 (1 attempts).');
    expect(`${error.message} ${error.hint}`).not.toContain('s3cret');
  });

  it('times out a silent server through AbortSignal', async () => {
    const hang = (_call: Call, signal: AbortSignal | undefined) =>
      new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    const script = scriptedFetch(hang, hang);
    const index = new HttpPackageIndex({
      baseUrl: 'https://pypi.org',
      fetch: script.fetch,
      clock: new RecordingClock(),
      timeoutMs: 5,
      attempts: 2,
    });
    const error = await failure(index.releases('acme-tool'));
    expect(error.message).toBe(
      'Could not read https://pypi.org/pypi/acme-tool/json: no answer within 0.005 s (2 attempts).',
    );
  });

  it('stops as cancelled when the caller aborts', async () => {
    const controller = new AbortController();
    const script = scriptedFetch(() => {
      controller.abort();
      return Promise.reject(new DOMException('This operation was aborted', 'AbortError'));
    });
    const index = new HttpPackageIndex({
      baseUrl: 'https://pypi.org',
      fetch: script.fetch,
      clock: new RecordingClock(),
    });
    const error = await failure(index.releases('acme-tool', { signal: controller.signal }));
    expect([error.code, error.kind]).toEqual(['index-cancelled', 'cancelled']);
  });

  it.each([
    ['a non-JSON body', () => new Response('<html>maintenance</html>', { status: 200 }), 'the body is not JSON'],
    ['JSON without releases', json({ info: {} }), 'no "releases" object'],
  ])('reports %s as a bad response', async (_label, answer, detail) => {
    const script = scriptedFetch(answer);
    const error = await failure(
      new HttpPackageIndex({ baseUrl: 'https://pypi.org', fetch: script.fetch, clock: new RecordingClock() }).releases(
        'x',
      ),
    );
    expect([error.code, error.message]).toEqual([
      'index-bad-response',
      `https://pypi.org/pypi/x/json did not answer like a PyPI index: ${detail}.`,
    ]);
  });

  it('stops following a redirect loop', async () => {
    const loop = () => new Response(null, { status: 301, headers: { Location: '/pypi/x/json' } });
    const script = scriptedFetch(...Array(6).fill(loop));
    const error = await failure(
      new HttpPackageIndex({ baseUrl: 'https://pypi.org', fetch: script.fetch, clock: new RecordingClock() }).releases(
        'x',
      ),
    );
    expect(error.code).toBe('index-redirect-loop');
  });

  it("asks for simple pages with pip's Accept header and understands an HTML answer", async () => {
    const html = [
      '<!DOCTYPE html><html><body>',
      '<a href="https://files.example/acme_tool-1.0.0.tar.gz#sha256=00">acme_tool-1.0.0.tar.gz</a><br />',
      '<a href="https://files.example/acme_tool-1.0.1-py3-none-any.whl#sha256=00">acme_tool-1.0.1-py3-none-any.whl</a><br />',
      '<a href="https://files.example/Acme.Tool-1.0.0-py2-none-any.whl" data-yanked="">Acme.Tool-1.0.0-py2-none-any.whl</a><br />',
      '</body></html>',
    ].join('\n');
    const script = scriptedFetch(() => new Response(html, { headers: { 'Content-Type': 'text/html' } }));
    const index = new HttpPackageIndex({
      baseUrl: 'https://pypi.org',
      fetch: script.fetch,
      clock: new RecordingClock(),
    });
    expect(await index.isInstallable('Acme_Tool', '1.0.0')).toEqual({
      sdist: true,
      wheel: true,
      listed: ['acme_tool-1.0.0.tar.gz', 'Acme.Tool-1.0.0-py2-none-any.whl'],
    });
    expect(script.calls).toEqual([{ url: 'https://pypi.org/simple/acme-tool/', accept: SIMPLE_ACCEPT }]);
  });
});
