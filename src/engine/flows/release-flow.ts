import type { FlowParams } from '../../ports/journal-store';
import { devVersion } from '../stages/finalize/dev-version';
import { nextMilestone } from '../stages/finalize/next-milestone';
import { publishRelease } from '../stages/finalize/publish-release';
import { releaseSummary } from '../stages/finalize/release-summary';
import { bumpCommit } from '../stages/prepare/bump-commit';
import { checkWorkflows } from '../stages/prepare/check-workflows';
import { chooseVersion } from '../stages/prepare/choose-version';
import { ciGreen } from '../stages/prepare/ci-green';
import { cleanWorkingTree } from '../stages/prepare/clean-working-tree';
import { fullClone } from '../stages/prepare/full-clone';
import { githubReachable } from '../stages/prepare/github-reachable';
import { inGitRepository } from '../stages/prepare/in-git-repository';
import { launchChecklist } from '../stages/prepare/launch-checklist';
import { loadProjectStep } from '../stages/prepare/load-project';
import { onReleaseBranch } from '../stages/prepare/on-release-branch';
import { pushReleaseCommit } from '../stages/prepare/push-release-commit';
import { releaseNotes } from '../stages/prepare/release-notes';
import { supportMatrix } from '../stages/prepare/support-matrix';
import { upToDate } from '../stages/prepare/up-to-date';
import { smokeRelease } from '../stages/smoke/smoke-release';
import { waitForPyPI } from '../stages/publish/wait-for-pypi';
import { watchPublish } from '../stages/publish/watch-publish';
import type { ReleasePorts } from '../stages/release-ports';
import { createTag } from '../stages/tag/create-tag';
import { chooseCandidate } from '../stages/testpypi/choose-candidate';
import { publishCandidate } from '../stages/testpypi/publish-candidate';
import { smokeCandidate } from '../stages/testpypi/smoke-candidate';
import { waitForTestPyPI } from '../stages/testpypi/wait-for-testpypi';
import type { Plan, Step } from '../step';
import type { Flow } from './flow';
import { RELEASE_STAGES, type ReleaseStageId } from './release-stages';

/** The default release has no parameters: its branch is the configured one, its release the latest. */
export type ReleaseParams = Record<string, never>;

/** The default release, stage by stage (PRODUCT.md, "The stages"). */
export function releasePlan(): Plan<ReleasePorts> {
  const steps: Record<ReleaseStageId, Step<ReleasePorts>[]> = {
    prepare: [
      inGitRepository,
      fullClone,
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
    testpypi: [chooseCandidate, publishCandidate, waitForTestPyPI, smokeCandidate],
    tag: [createTag({ latest: true })],
    publish: [watchPublish, waitForPyPI],
    smoke: [smokeRelease],
    finalize: [publishRelease({ latest: true }), nextMilestone, devVersion, releaseSummary(RELEASE_STAGES)],
  };
  return { stages: RELEASE_STAGES.map((stage) => ({ ...stage, steps: steps[stage.id] })) };
}

export const releaseFlow: Flow<ReleaseParams> = {
  id: 'release',
  noun: 'release',
  stages: RELEASE_STAGES,
  params: (_raw: FlowParams) => ({}),
  plan: () => releasePlan(),
  branch: (_params, config) => config.branch,
};
