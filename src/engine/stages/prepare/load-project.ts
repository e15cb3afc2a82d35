import type { StepOutputs } from '../../journal';
import { PyreleaseError, describeError } from '../../../domain/errors';
import type { ReadStep } from '../../step';
import type { ReleasePorts } from '../release-ports';

export const loadProjectStep: ReadStep<ReleasePorts> = {
  id: 'prepare.project',
  title: 'pyproject.toml and the version source',
  effect: 'read',
  async run(ctx): Promise<StepOutputs> {
    const snapshot = await ctx.reads.project.load();
    const [problem] = snapshot.configProblems;
    if (problem) {
      throw new PyreleaseError(problem.code, describeError(problem), {
        ...(problem.hint ? { hint: problem.hint } : {}),
      });
    }
    const source = snapshot.versionSource;
    // On resume the version may already be bumped: the release still starts from the first reading.
    const earlier = ctx.outputsOf('prepare.project')?.['version'];
    const current = typeof earlier === 'string' ? earlier : (source.currentVersion ?? '0.0.0');
    await ctx.setRelease({ project: snapshot.project.name, from: current });
    return {
      summary: `${snapshot.project.name} ${source.currentVersion ?? '(no release tag yet)'}, ${source.kind} in ${source.file}`,
      name: snapshot.project.name,
      normalizedName: snapshot.project.normalizedName,
      version: current,
      kind: source.kind,
      file: source.file,
      scm: source.scm,
      latestTag: snapshot.latest?.tag ?? null,
    };
  },
};
