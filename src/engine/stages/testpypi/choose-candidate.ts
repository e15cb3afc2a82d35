import { PyreleaseError } from '../../../domain/errors';
import { nextFreeCandidate, parseVersion } from '../../../domain/version';
import type { StepOutputs } from '../../journal';
import type { ProbeResult, ReadStep } from '../../step';
import { chosenVersion } from '../prepare/outputs';
import type { ReleasePorts } from '../release-ports';

/**
 * TestPyPI, like PyPI, never takes a file name twice, so every rehearsal needs a version of its
 * own: `X.Y.Zrc1`, or the next free `rcN` when earlier rehearsals used it. A release that is a
 * pre-release already is rehearsed as itself (Prepare made sure TestPyPI does not have it).
 */
export const chooseCandidate: ReadStep<ReleasePorts> = {
  id: 'testpypi.candidate',
  title: 'Choose the release candidate to rehearse',
  effect: 'read',
  needs: ['prepare.version'],
  // A decision, like the version: on resume it stands (the rehearsal may have published it since).
  async probe(ctx): Promise<ProbeResult> {
    const earlier = ctx.outputsOf('testpypi.candidate');
    if (typeof earlier?.['version'] !== 'string') return { state: 'todo' };
    return { state: 'done', detail: `${earlier['version']}, chosen earlier`, outputs: earlier };
  },
  async run(ctx): Promise<StepOutputs> {
    const { version } = chosenVersion(ctx);
    const { project } = await ctx.reads.project.load();
    const parsed = parseVersion(version);
    if (parsed?.isPrerelease)
      return { summary: `${version} (the release is a pre-release: rehearsed as itself)`, version };

    const onTestPyPI = ((await ctx.reads.testpypi.releases(project.name)) ?? []).map((release) => release.version);
    const first = `${version}rc1`;
    const candidate = nextFreeCandidate(version, onTestPyPI);
    if (candidate === first) return { summary: candidate, version: candidate };

    const sameLine = onTestPyPI.filter((taken) => parseVersion(taken)?.baseVersion === parsed?.baseVersion);
    const go = await ctx.ask({
      kind: 'confirm',
      id: 'testpypi.next-candidate',
      message: `TestPyPI already has ${sameLine.join(', ')} of ${project.name}. Rehearse as ${candidate}?`,
      detail:
        'TestPyPI never accepts a file name twice, even after a deletion, so each rehearsal needs its own version.',
      default: true,
    });
    if (!go) {
      throw new PyreleaseError(
        'testpypi.candidate-refused',
        `The dry run needs a version TestPyPI does not have yet; ${candidate} was declined.`,
        {
          hint: `Run \`pyrelease --resume --answer testpypi.next-candidate=yes\` to rehearse as ${candidate}.`,
        },
      );
    }
    return { summary: `${candidate} (TestPyPI has ${sameLine.join(', ')})`, version: candidate };
  },
};
