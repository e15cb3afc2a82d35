/*
 * Waiting until an index serves a release that CI has just uploaded (stages 2 and 4/5). Two views,
 * in order (TECH-FACTS §3.6): the JSON API says what was *uploaded* and is current at once; the
 * simple page pip reads comes through a CDN and may lag by minutes, so it says what is
 * *installable*. Only when both list an sdist and a wheel is the release there.
 */
import { DEFAULT_CONFIG } from '../../../domain/config';
import { PyreleaseError } from '../../../domain/errors';
import type { IndexFile } from '../../../ports/package-index';
import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';

export interface WaitForIndexOptions {
  index: 'pypi' | 'testpypi';
  project: string;
  version: string;
  timeoutMs: number;
  /** The index's base URL, for messages; default the real PyPI / TestPyPI. */
  indexUrl?: string;
}

export interface IndexedReleaseFile {
  filename: string;
  sha256: string;
  url: string;
}

/** Longest pause between two looks: a lagging CDN is checked at least twice a minute. */
export const MAX_POLL_INTERVAL_MS = 30_000;

const INDEX_NAMES = { pypi: 'PyPI', testpypi: 'TestPyPI' } as const;

type Seen = { sdist: boolean; wheel: boolean };

/** `wheel ✓, sdist …`: what is there and what is still awaited. */
function describeSeen(seen: Seen): string {
  return `wheel ${seen.wheel ? '✓' : '…'}, sdist ${seen.sdist ? '✓' : '…'}`;
}

function missingOf(seen: Seen): string[] {
  return [...(seen.wheel ? [] : ['a wheel']), ...(seen.sdist ? [] : ['an sdist'])];
}

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 10_000 && ms % 1000 !== 0 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/**
 * Polls the JSON API until it lists an sdist and a wheel of the version, then the simple page
 * until pip would see both, backing off from `pacing.pollIntervalMs` up to 30 s. Logs a line
 * whenever what is missing changes. Throws `index.timeout` after `timeoutMs`.
 */
export async function waitForIndex(
  ctx: StepContext<ReleasePorts>,
  options: WaitForIndexOptions,
): Promise<{ files: IndexedReleaseFile[] }> {
  const { project, version } = options;
  const reads = options.index === 'pypi' ? ctx.reads.pypi : ctx.reads.testpypi;
  const name = INDEX_NAMES[options.index];
  const baseUrl = (options.indexUrl ?? DEFAULT_CONFIG.index[options.index]).replace(/\/+$/, '');
  const { clock } = ctx.reads;
  const deadline = clock.now() + options.timeoutMs;
  const firstDelay = Math.max(1, ctx.reads.pacing.pollIntervalMs);

  let phase: 'uploaded' | 'installable' = 'uploaded';
  let files: IndexFile[] = [];
  let delay = firstDelay;
  let shown: string | undefined;
  for (;;) {
    let seen: Seen;
    let status: string;
    if (phase === 'uploaded') {
      files = await reads.filesOf(project, version, { signal: ctx.signal });
      seen = {
        sdist: files.some((file) => file.packagetype === 'sdist'),
        wheel: files.some((file) => file.packagetype === 'bdist_wheel'),
      };
      status = `${name} lists ${project} ${version}: ${describeSeen(seen)}`;
      if (seen.sdist && seen.wheel) {
        if (shown !== undefined) ctx.log(status);
        // Uploaded: now the page pip reads. Progress restarts the backoff.
        phase = 'installable';
        delay = firstDelay;
        shown = undefined;
        continue;
      }
    } else {
      const installable = await reads.isInstallable(project, version, { signal: ctx.signal });
      seen = { sdist: installable.sdist, wheel: installable.wheel };
      status = `${name}'s simple index (what pip reads) lists ${project} ${version}: ${describeSeen(seen)}`;
      if (seen.sdist && seen.wheel) {
        ctx.log(status);
        return { files: files.map(({ filename, sha256, url }) => ({ filename, sha256, url })) };
      }
    }

    const now = clock.now();
    if (now >= deadline) {
      const where =
        phase === 'uploaded' ? `${baseUrl}/pypi/${project}/${version}/json` : `${baseUrl}/simple/${project}/`;
      const view = phase === 'uploaded' ? 'has not received' : 'does not yet serve pip';
      throw new PyreleaseError(
        'index.timeout',
        `After ${seconds(options.timeoutMs)}, ${name} ${view} ${missingOf(seen).join(' and ')} ` +
          `of ${project} ${version} (${where}).`,
        {
          hint:
            phase === 'uploaded'
              ? 'Check that the publish run uploaded both files; if it is still running, ' +
                'run `pyrelease --resume` later, or raise `index-timeout` in ' +
                '[tool.pyrelease].'
              : 'The index CDN can lag for a long time (TECH-FACTS §3.6): run `pyrelease ' +
                '--resume` later, or raise `index-timeout` in [tool.pyrelease].',
        },
      );
    }
    const wait = Math.min(delay, deadline - now);
    if (status !== shown) ctx.log(`${status} (waiting ${seconds(wait)})`);
    shown = status;
    await clock.sleep(wait, ctx.signal);
    delay = Math.min(delay * 2, MAX_POLL_INTERVAL_MS);
  }
}
