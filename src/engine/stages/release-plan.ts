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
import { devVersion } from './finalize/dev-version';
import { nextMilestone } from './finalize/next-milestone';
import { publishRelease } from './finalize/publish-release';
import { releaseSummary } from './finalize/release-summary';
import { smokeRelease } from './publish/smoke-release';
import { waitForPyPI } from './publish/wait-for-pypi';
import { watchPublish } from './publish/watch-publish';
import { createTag } from './tag/create-tag';
import { chooseCandidate } from './testpypi/choose-candidate';
import { publishCandidate } from './testpypi/publish-candidate';
import { smokeCandidate } from './testpypi/smoke-candidate';
import { waitForTestPyPI } from './testpypi/wait-for-testpypi';

/** The default release, stage by stage (PRODUCT.md, "The stages"). */
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
      {
        id: 'testpypi',
        title: 'TestPyPI dry run',
        steps: [chooseCandidate, publishCandidate, waitForTestPyPI, smokeCandidate],
      },
      { id: 'tag', title: 'Tag', steps: [createTag] },
      { id: 'publish', title: 'Publish to PyPI', steps: [watchPublish, waitForPyPI] },
      { id: 'smoke', title: 'Smoke-test from PyPI', steps: [smokeRelease] },
      { id: 'finalize', title: 'Finalize', steps: [publishRelease, nextMilestone, devVersion, releaseSummary] },
    ],
  };
}
