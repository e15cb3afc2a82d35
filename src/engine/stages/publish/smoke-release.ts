import type { StepOutputs } from '../../journal';
import type { ProbeResult, ReadStep } from '../../step';
import { chosenVersion } from '../prepare/outputs';
import type { ReleasePorts } from '../release-ports';
import { smokeFromIndex } from '../shared/smoke-step';

const STEP = 'smoke.pypi';

/** Stage 5: the release as users get it, from PyPI alone, in a throwaway venv; every entrypoint run. */
export const smokeRelease: ReadStep<ReleasePorts> = {
  id: STEP,
  title: 'Install the release from PyPI and smoke-test it',
  effect: 'read',
  needs: ['publish.watch'],
  async probe(ctx): Promise<ProbeResult> {
    const outputs = ctx.outputsOf(STEP);
    return outputs?.['version'] === chosenVersion(ctx).version && outputs['passed'] === true ? { state: 'done', detail: `passed for ${String(outputs['version'])}` } : { state: 'todo' };
  },
  async run(ctx): Promise<StepOutputs> {
    return smokeFromIndex(ctx, { index: 'pypi', version: chosenVersion(ctx).version, waitStep: 'publish.wait' });
  },
};
