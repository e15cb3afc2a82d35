import { chosenVersion } from '../prepare/outputs';
import { smokeStep } from '../shared/smoke-step';

/** Stage 5: the release as users get it, from PyPI alone, in a throwaway venv; every entrypoint run. */
export const smokeRelease = smokeStep({
  id: 'smoke.pypi',
  title: 'Install the release from PyPI and smoke-test it',
  index: 'pypi',
  runStep: 'publish.watch',
  waitStep: 'publish.wait',
  version: (ctx) => chosenVersion(ctx).version,
});
