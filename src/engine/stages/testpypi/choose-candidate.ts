import { PyreleaseError } from '../../../domain/errors';
import { nextFreeCandidate, parseVersion } from '../../../domain/version';
import type { ProbeResult, ReadStep, StepResult } from '../../step';
import { ChosenCandidate, ChosenVersion } from '../facts';
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
  needs: [ChosenVersion],
  gives: [ChosenCandidate],
  asks: ['testpypi.next-candidate'],
  // A decision, like the version: on resume it stands (the rehearsal may have published it since).
  async probe(ctx): Promise<ProbeResult> {
    const earlier = ctx.get(ChosenCandidate);
    if (!earlier) return { state: 'todo' };
    return { state: 'done', detail: `${earlier.version}, chosen earlier` };
  },
  async run(ctx): Promise<StepResult> {
    const chosen = async (detail: string, candidate: string): Promise<StepResult> => {
      await ctx.give(ChosenCandidate, { version: candidate });
      return { detail };
    };
    const { version } = ctx.need(ChosenVersion);
    const { project } = await ctx.reads.session.project();
    const parsed = parseVersion(version);
    if (parsed?.isPrerelease) return chosen(`${version} (the release is a pre-release: rehearsed as itself)`, version);

    const onTestPyPI = ((await ctx.reads.testpypi.releases(project.name)) ?? []).map((release) => release.version);
    const first = `${version}rc1`;
    const candidate = nextFreeCandidate(version, onTestPyPI);
    if (candidate === first) return chosen(candidate, candidate);

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
    return chosen(`${candidate} (TestPyPI has ${sameLine.join(', ')})`, candidate);
  },
};
