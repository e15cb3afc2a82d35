import { ChosenVersion, PublishRun, ReleaseFiles } from '../facts';
import { indexWaitStep } from '../shared/index-wait-step';

/** Stage 4, after the run: PyPI serves both files of the release, as the run uploaded them. */
export const waitForPyPI = indexWaitStep({
  id: 'publish.wait',
  title: 'Wait until PyPI serves the release',
  index: 'pypi',
  run: PublishRun,
  files: ReleaseFiles,
  version: (ctx) => ctx.need(ChosenVersion).version,
  versionNeeds: [ChosenVersion],
});
