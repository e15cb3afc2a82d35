import type { StepContext } from '../../step';
import { CandidateRun, ChosenCandidate } from '../facts';
import type { ReleasePorts } from '../release-ports';

/**
 * The release candidate being rehearsed: the publish step moves it on when the user retries with
 * the next one, so its record wins over the first choice.
 */
export function rehearsalVersion(ctx: StepContext<ReleasePorts>): string {
  return ctx.get(CandidateRun)?.version ?? ctx.need(ChosenCandidate).version;
}
