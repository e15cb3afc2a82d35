import type { AnyFact, Fact } from '../../fact';
import type { ProbeResult, ReadStep, StepContext, StepResult } from '../../step';
import type { FilesOnIndex } from '../facts';
import type { ReleasePorts } from '../release-ports';
import { verifyPublishedHashes } from './verify-published-hashes';
import { waitForIndex } from './wait-for-index';

/** What is known of the run that published: its id, for the hashes it logged. */
export type PublishingRun = Fact<{ runId?: number | undefined; runUrl?: string | undefined }>;

/** A read step about one version on one index, after the step whose run published it. */
export interface IndexStepSpec {
  id: string;
  title: string;
  index: 'pypi' | 'testpypi';
  /** The run that published; in a dry run there is none, so the step is only described. */
  run: PublishingRun;
  /** The files the index serves, as the wait step records them. */
  files: Fact<FilesOnIndex>;
  /** The version, from earlier facts, and the facts that takes. */
  version(ctx: StepContext<ReleasePorts>): string;
  versionNeeds: readonly AnyFact[];
}

/** The files recorded for the version the spec names now (a newer rc makes an older record stale). */
export function filesForVersion(ctx: StepContext<ReleasePorts>, spec: IndexStepSpec): FilesOnIndex | undefined {
  const recorded = ctx.get(spec.files);
  return recorded?.version === spec.version(ctx) ? recorded : undefined;
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
    needs: [spec.run, ...spec.versionNeeds],
    gives: [spec.files],
    async probe(ctx): Promise<ProbeResult> {
      const recorded = filesForVersion(ctx, spec);
      return recorded
        ? { state: 'done', detail: recorded.files.map((file) => file.filename).join(', ') }
        : { state: 'todo' };
    },
    async run(ctx): Promise<StepResult> {
      const { config, project } = await ctx.reads.session.project();
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
        run: ctx.need(spec.run),
        files,
        project: project.name,
        version,
        config,
      });
      await ctx.give(spec.files, { version, files: files.map((file) => ({ ...file })), hashesVerified });
      return { detail: files.map((file) => file.filename).join(', ') };
    },
  };
}
