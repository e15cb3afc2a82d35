import { CandidateFiles, CandidateRun, ChosenCandidate } from '../facts';
import { indexWaitStep } from '../shared/index-wait-step';
import { rehearsalVersion } from './rehearsal';

/** Stage 2: TestPyPI serves both files of the candidate, as the run uploaded them. */
export const waitForTestPyPI = indexWaitStep({
  id: 'testpypi.wait',
  title: 'Wait until TestPyPI serves the candidate',
  index: 'testpypi',
  run: CandidateRun,
  files: CandidateFiles,
  version: rehearsalVersion,
  versionNeeds: [ChosenCandidate],
});
