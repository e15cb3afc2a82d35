import type { Plan } from '../step';
import { cleanWorkingTree } from './prepare/clean-working-tree';
import { inGitRepository } from './prepare/in-git-repository';
import type { ReleasePorts } from './release-ports';

/** The default release, stage by stage. Stages arrive one issue at a time. */
export function buildReleasePlan(): Plan<ReleasePorts> {
  return {
    stages: [{ id: 'prepare', title: 'Prepare', steps: [inGitRepository, cleanWorkingTree] }],
  };
}
