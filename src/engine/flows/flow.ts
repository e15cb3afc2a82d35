import type { ReleaseConfig } from '../../domain/config';
import type { FlowParams } from '../../ports/journal-store';
import type { ReleasePorts } from '../stages/release-ports';
import type { Plan } from '../step';

/**
 * A flow is a plan with parameters: the release, a hotfix, a rollback. Its plan is composed from
 * the shared step factories; what differs between flows is in the parameters, never in flags
 * read inside steps. The journal keeps `id` and the parameters, so `--resume` rebuilds the plan.
 */
export interface Flow<Params extends FlowParams = FlowParams> {
  id: string;
  /** What messages call it: "release" ("The release stopped."). */
  noun: string;
  /** The stages, in order: `--stop-after`, `--help` and the summary name them. */
  stages: readonly { id: string; title: string }[];
  /** The flow's parameters from the command line or the journal; throws a usage error on what does not fit. */
  params(raw: FlowParams): Params;
  plan(params: Params): Plan<ReleasePorts>;
  /** The branch the flow releases from, once the project's configuration is known. */
  branch(params: Params, config: ReleaseConfig): string;
}
