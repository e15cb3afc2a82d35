import { indexWaitStep } from '../shared/index-wait-step';
import { rehearsalVersion } from './rehearsal';

/** Stage 2: TestPyPI serves both files of the candidate, as the run uploaded them. */
export const waitForTestPyPI = indexWaitStep({
  id: 'testpypi.wait',
  title: 'Wait until TestPyPI serves the candidate',
  index: 'testpypi',
  runStep: 'testpypi.publish',
  version: rehearsalVersion,
});
