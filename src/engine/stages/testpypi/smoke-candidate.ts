import { CandidateFiles, CandidateRun, CandidateSmoke, ChosenCandidate } from '../facts';
import { smokeStep } from '../shared/smoke-step';
import { rehearsalVersion } from './rehearsal';

/**
 * Stage 2: the candidate installed from TestPyPI (dependencies from PyPI) into a throwaway venv, every entrypoint run.
 */
export const smokeCandidate = smokeStep({
  id: 'testpypi.smoke',
  title: 'Install the candidate from TestPyPI and smoke-test it',
  index: 'testpypi',
  run: CandidateRun,
  files: CandidateFiles,
  smoke: CandidateSmoke,
  version: rehearsalVersion,
  versionNeeds: [ChosenCandidate],
});
