import { PyreleaseError, describeError } from '../../../domain/errors';
import type { ReadStep, StepResult } from '../../step';
import { ReleaseStart } from '../facts';
import type { ReleasePorts } from '../release-ports';

export const loadProjectStep: ReadStep<ReleasePorts> = {
  id: 'prepare.project',
  title: 'pyproject.toml and the version source',
  effect: 'read',
  gives: [ReleaseStart],
  async run(ctx): Promise<StepResult> {
    const snapshot = await ctx.reads.session.project();
    const [problem] = snapshot.configProblems;
    if (problem) {
      throw new PyreleaseError(problem.code, describeError(problem), {
        ...(problem.hint ? { hint: problem.hint } : {}),
      });
    }
    const source = snapshot.versionSource;
    // On resume the version may already be bumped: the release still starts from the first reading.
    const current = ctx.get(ReleaseStart)?.version ?? source.currentVersion ?? '0.0.0';
    await ctx.give(ReleaseStart, { name: snapshot.project.name, version: current });
    await ctx.setRelease({ project: snapshot.project.name, from: current });
    const version = source.currentVersion ?? '(no release tag yet)';
    return { detail: `${snapshot.project.name} ${version}, ${source.kind} in ${source.file}` };
  },
};
