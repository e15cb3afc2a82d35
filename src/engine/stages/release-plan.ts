import type { Plan } from '../step';
import { bumpCommit } from './prepare/bump-commit';
import { checkWorkflows } from './prepare/check-workflows';
import { chooseVersion } from './prepare/choose-version';
import { ciGreen } from './prepare/ci-green';
import { cleanWorkingTree } from './prepare/clean-working-tree';
import { githubReachable } from './prepare/github-reachable';
import { inGitRepository } from './prepare/in-git-repository';
import { launchChecklist } from './prepare/launch-checklist';
import { loadProjectStep } from './prepare/load-project';
import { onReleaseBranch } from './prepare/on-release-branch';
import { pushReleaseCommit } from './prepare/push-release-commit';
import { releaseNotes } from './prepare/release-notes';
import { supportMatrix } from './prepare/support-matrix';
import { upToDate } from './prepare/up-to-date';
import type { ReleasePorts } from './release-ports';

/** The default release, stage by stage. Later stages arrive with their issues. */
export function buildReleasePlan(): Plan<ReleasePorts> {
  return {
    stages: [
      {
        id: 'prepare',
        title: 'Prepare',
        steps: [
          inGitRepository,
          loadProjectStep,
          onReleaseBranch,
          cleanWorkingTree,
          upToDate,
          checkWorkflows,
          githubReachable,
          chooseVersion,
          supportMatrix,
          bumpCommit,
          pushReleaseCommit,
          ciGreen,
          releaseNotes,
          launchChecklist,
        ],
      },
    ],
  };
}
