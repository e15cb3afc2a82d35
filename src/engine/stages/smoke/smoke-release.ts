import { ChosenVersion, PublishRun, ReleaseFiles, ReleaseSmoke } from '../facts';
import { smokeStep } from '../shared/smoke-step';

/** Stage 5: the release as users get it, from PyPI alone, in a throwaway venv; every entrypoint run. */
export const smokeRelease = smokeStep({
  id: 'smoke.pypi',
  title: 'Install the release from PyPI and smoke-test it',
  index: 'pypi',
  run: PublishRun,
  files: ReleaseFiles,
  smoke: ReleaseSmoke,
  version: (ctx) => ctx.need(ChosenVersion).version,
  versionNeeds: [ChosenVersion],
});
