import type { StepOutputs } from '../../journal';
import type { ProbeResult, ReadStep } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { waitForIndex } from '../shared/wait-for-index';
import { rehearsalVersion } from './rehearsal';

const STEP = 'testpypi.wait';

/** Until TestPyPI's JSON API and then its simple page (pip's view) list both files of the candidate. */
export const waitForTestPyPI: ReadStep<ReleasePorts> = {
  id: STEP,
  title: 'Wait until TestPyPI serves the candidate',
  effect: 'read',
  needs: ['testpypi.publish'],
  async probe(ctx): Promise<ProbeResult> {
    const outputs = ctx.outputsOf(STEP);
    return outputs?.['version'] === rehearsalVersion(ctx) && Array.isArray(outputs['files']) ? { state: 'done', detail: String(outputs['summary'] ?? 'served') } : { state: 'todo' };
  },
  async run(ctx): Promise<StepOutputs> {
    const { config, project } = await ctx.reads.project.load();
    const version = rehearsalVersion(ctx);
    const { files } = await waitForIndex(ctx, { index: 'testpypi', project: project.name, version, timeoutMs: config.indexTimeout * 60_000, indexUrl: config.index.testpypi });
    for (const file of files) ctx.log(`${file.filename}  sha256 ${file.sha256}`);
    return { summary: files.map((file) => file.filename).join(', '), version, files: files.map((file) => ({ ...file })) };
  },
};
