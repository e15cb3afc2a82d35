import type { StepOutputs } from '../../journal';
import type { ProbeResult, ReadStep } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { smokeFromIndex } from '../shared/smoke-step';
import { rehearsalVersion } from './rehearsal';

const STEP = 'testpypi.smoke';

/** Installs the candidate from TestPyPI into a throwaway venv and runs what it installs. */
export const smokeCandidate: ReadStep<ReleasePorts> = {
  id: STEP,
  title: 'Install the candidate from TestPyPI and smoke-test it',
  effect: 'read',
  needs: ['testpypi.publish'],
  async probe(ctx): Promise<ProbeResult> {
    const outputs = ctx.outputsOf(STEP);
    return outputs?.['version'] === rehearsalVersion(ctx) && outputs['passed'] === true ? { state: 'done', detail: `passed for ${String(outputs['version'])}` } : { state: 'todo' };
  },
  async run(ctx): Promise<StepOutputs> {
    return smokeFromIndex(ctx, { index: 'testpypi', version: rehearsalVersion(ctx), waitStep: 'testpypi.wait' });
  },
};
