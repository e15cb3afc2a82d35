import { chosenVersion } from '../prepare/outputs';
import { indexWaitStep } from '../shared/index-wait-step';

/** Stage 4, after the run: PyPI serves both files of the release, as the run uploaded them. */
export const waitForPyPI = indexWaitStep({
  id: 'publish.wait',
  title: 'Wait until PyPI serves the release',
  index: 'pypi',
  runStep: 'publish.watch',
  version: (ctx) => chosenVersion(ctx).version,
});
