import type { StepOutputs } from '../../journal';
import type { ProbeResult, ReadStep, StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { verifyPublishedHashes } from './verify-published-hashes';
import { waitForIndex } from './wait-for-index';

/** A read step about one version on one index, after the step whose run published it. */
export interface IndexStepSpec {
  id: string;
  title: string;
  index: 'pypi' | 'testpypi';
  /**
   * The step that published (its recorded run logged the hashes it uploaded); in a dry run there is nothing to look at.
   */
  runStep: string;
  /** The version, from earlier outputs. */
  version(ctx: StepContext<ReleasePorts>): string;
}

/** This step's own record, when it is about the version the spec names now (a newer rc makes it stale). */
export function recordedForVersion(ctx: StepContext<ReleasePorts>, spec: IndexStepSpec): StepOutputs | undefined {
  const outputs = ctx.outputsOf(spec.id);
  return outputs?.['version'] === spec.version(ctx) ? outputs : undefined;
}

/**
 * A step that waits until an index's JSON API and then its simple page (pip's view) list both
 * files of a version, then checks that their sha256 are what the publishing run logged it uploaded.
 * Done already when it recorded the files of that same version.
 */
export function indexWaitStep(spec: IndexStepSpec): ReadStep<ReleasePorts> {
  return {
    id: spec.id,
    title: spec.title,
    effect: 'read',
    needs: [spec.runStep],
    async probe(ctx): Promise<ProbeResult> {
      const outputs = recordedForVersion(ctx, spec);
      return Array.isArray(outputs?.['files'])
        ? { state: 'done', detail: String(outputs['summary'] ?? 'served') }
        : { state: 'todo' };
    },
    async run(ctx): Promise<StepOutputs> {
      const { config, project } = await ctx.reads.project.load();
      const version = spec.version(ctx);
      const { files } = await waitForIndex(ctx, {
        index: spec.index,
        project: project.name,
        version,
        timeoutMs: config.indexTimeout * 60_000,
        indexUrl: config.index[spec.index],
      });
      for (const file of files) ctx.log(`${file.filename}  sha256 ${file.sha256}`);
      const hashesVerified = await verifyPublishedHashes(ctx, {
        index: spec.index,
        runStep: spec.runStep,
        files,
        project: project.name,
        version,
        config,
      });
      return {
        summary: files.map((file) => file.filename).join(', '),
        version,
        files: files.map((file) => ({ ...file })),
        hashesVerified,
      };
    },
  };
}
