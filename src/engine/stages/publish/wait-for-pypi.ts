import type { StepOutputs } from '../../journal';
import type { ProbeResult, ReadStep } from '../../step';
import { chosenVersion } from '../prepare/outputs';
import type { ReleasePorts } from '../release-ports';
import { waitForIndex } from '../shared/wait-for-index';

const STEP = 'publish.wait';

/** Until PyPI's JSON API and then its simple page list both files of the release; skipped when they already do. */
export const waitForPyPI: ReadStep<ReleasePorts> = {
  id: STEP,
  title: 'Wait until PyPI serves the release',
  effect: 'read',
  needs: ['publish.watch'],
  async probe(ctx): Promise<ProbeResult> {
    const outputs = ctx.outputsOf(STEP);
    return outputs?.['version'] === chosenVersion(ctx).version && Array.isArray(outputs['files']) ? { state: 'done', detail: String(outputs['summary'] ?? 'served') } : { state: 'todo' };
  },
  async run(ctx): Promise<StepOutputs> {
    const { config, project } = await ctx.reads.project.load();
    const { version } = chosenVersion(ctx);
    const { files } = await waitForIndex(ctx, { index: 'pypi', project: project.name, version, timeoutMs: config.indexTimeout * 60_000, indexUrl: config.index.pypi });
    for (const file of files) ctx.log(`${file.filename}  sha256 ${file.sha256}`);
    return { summary: files.map((file) => file.filename).join(', '), version, files: files.map((file) => ({ ...file })) };
  },
};
