import { afterEach, describe, expect, it } from 'vitest';
import { HttpPackageIndex } from '../../src/adapters/index-http';
import { systemClock } from '../../src/adapters/system-clock';
import { PyreleaseError } from '../../src/domain/errors';
import type { Clock } from '../../src/ports/clock';
import { startIndexServer, type IndexServer } from '../../src/sandbox/index-server';
import { waitForIndex } from '../../src/engine/stages/shared/wait-for-index';
import type { PackageIndexReads } from '../../src/ports/package-index';
import { FixedClock } from '../helpers/fixed-clock';
import { makeWheel } from '../helpers/make-wheel';
import { fakeStepContext, strict } from '../helpers/step-context';
import { useTempDirs } from '../helpers/temp-dir';
import { upload } from '../sandbox/index-server/harness';
import { makeSdist } from '../sandbox/index-server/make-sdist';

const PROJECT = 'quillnote';
const VERSION = '0.1.1rc1';
const wheel = makeWheel({ name: PROJECT, version: VERSION });
const sdist = makeSdist({ name: PROJECT, version: VERSION });

const tempDir = useTempDirs();
const servers: IndexServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

/** TestPyPI on loopback, on real time, so its CDN lag is real. */
async function testpypi(lagMs = 0): Promise<IndexServer> {
  const server = await startIndexServer({ name: 'testpypi', dataDir: tempDir(), lagMs });
  servers.push(server);
  return server;
}

/**
 * A step context with both indexes pointed at `server` (only the two reads the wait makes) and
 * `clock`; every other port is absent and throws if touched. `beforeLook` runs before each look at
 * the index with the lines logged so far: the world moves in answer to what the wait said.
 */
function contextFor(
  server: IndexServer,
  options: { clock?: Clock; beforeLook?: (lines: readonly string[]) => Promise<void> } = {},
) {
  const clock = options.clock ?? systemClock;
  const http = new HttpPackageIndex({ baseUrl: server.url, clock, attempts: 1 });
  const index = strict<PackageIndexReads>('reads.index', {
    filesOf: async (...args) => {
      await options.beforeLook?.(fake.lines);
      return http.filesOf(...args);
    },
    isInstallable: async (...args) => {
      await options.beforeLook?.(fake.lines);
      return http.isInstallable(...args);
    },
  });
  const fake = fakeStepContext({ reads: { pypi: index, testpypi: index, clock, pacing: { pollIntervalMs: 25 } } });
  return fake;
}

describe('waitForIndex', () => {
  it('waits for the upload on the JSON API, then for the lagging simple page, and returns the files', async () => {
    const server = await testpypi(10 * 60_000);
    expect((await upload(server, wheel)).status).toBe(200);
    let uploaded = false;
    const { ctx, lines, warnings } = contextFor(server, {
      beforeLook: async (said) => {
        // The world moves when the wait says what it misses: the sdist arrives, then the CDN is purged.
        const last = said.at(-1) ?? '';
        if (!uploaded && last.startsWith(`TestPyPI lists ${PROJECT} ${VERSION}: wheel ✓, sdist … (waiting`)) {
          uploaded = true;
          expect((await upload(server, sdist)).status).toBe(200);
        }
        if (last.startsWith(`TestPyPI's simple index`) && last.includes('(waiting')) server.setLag(0);
      },
    });

    const result = await waitForIndex(ctx, {
      index: 'testpypi',
      project: PROJECT,
      version: VERSION,
      timeoutMs: 20_000,
      indexUrl: server.url,
    });

    expect(lines).toEqual([
      `TestPyPI lists ${PROJECT} ${VERSION}: wheel ✓, sdist … (waiting 25 ms)`,
      `TestPyPI lists ${PROJECT} ${VERSION}: wheel ✓, sdist ✓`,
      `TestPyPI's simple index (what pip reads) lists ${PROJECT} ${VERSION}: wheel …, sdist … (waiting 25 ms)`,
      `TestPyPI's simple index (what pip reads) lists ${PROJECT} ${VERSION}: wheel ✓, sdist ✓`,
    ]);
    expect(warnings).toEqual([]);
    const stored = server.files(PROJECT);
    expect(result.files.sort((a, b) => a.filename.localeCompare(b.filename))).toEqual(
      stored.map((file) => ({
        filename: file.filename,
        sha256: file.sha256,
        url: `${server.url}/files/${PROJECT}/${file.filename}`,
      })),
    );
  });

  it('backs off from the poll interval, doubling up to 30 s, and stops at the deadline', async () => {
    const server = await testpypi();
    const clock = new (class extends FixedClock {
      readonly sleeps: number[] = [];
      override async sleep(ms: number): Promise<void> {
        this.sleeps.push(ms);
        await super.sleep(ms);
      }
    })();
    const { ctx, lines, warnings } = contextFor(server, { clock });
    await expect(
      waitForIndex(ctx, { index: 'pypi', project: PROJECT, version: VERSION, timeoutMs: 120_000 }),
    ).rejects.toThrow(PyreleaseError);
    expect(clock.sleeps).toEqual([25, 50, 100, 200, 400, 800, 1600, 3200, 6400, 12_800, 25_600, 30_000, 30_000, 8_825]);
    // One line: what is missing never changed.
    expect(lines).toEqual([`PyPI lists ${PROJECT} ${VERSION}: wheel …, sdist … (waiting 25 ms)`]);
    expect(warnings).toEqual([]);
  });

  it('times out naming what is missing, where it looked, and how to go on', async () => {
    const server = await testpypi();
    const { ctx } = contextFor(server);
    const error = await waitForIndex(ctx, {
      index: 'testpypi',
      project: PROJECT,
      version: VERSION,
      timeoutMs: 200,
      indexUrl: server.url,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PyreleaseError);
    expect(error).toMatchObject({
      code: 'index.timeout',
      message: `After 200 ms, TestPyPI has not received a wheel and an sdist of ${PROJECT} ${VERSION} (${server.url}/pypi/${PROJECT}/${VERSION}/json).`,
    });
    expect((error as PyreleaseError).hint).toMatch(/raise `index-timeout` in \[tool\.pyrelease\]/);
    expect((error as PyreleaseError).hint).toContain('pyrelease --resume');
  });

  it('times out on a simple page that still lags, naming the page pip reads', async () => {
    const server = await testpypi(10 * 60_000);
    for (const dist of [wheel, sdist]) expect((await upload(server, dist)).status).toBe(200);
    const { ctx } = contextFor(server);
    await expect(
      waitForIndex(ctx, {
        index: 'testpypi',
        project: PROJECT,
        version: VERSION,
        timeoutMs: 200,
        indexUrl: server.url,
      }),
    ).rejects.toMatchObject({
      code: 'index.timeout',
      message: `After 200 ms, TestPyPI does not yet serve pip a wheel and an sdist of ${PROJECT} ${VERSION} (${server.url}/simple/${PROJECT}/).`,
    });
  });
});
