import type { PortSet, Step } from './step';

/**
 * The one place that decides what a dry run may do. Read steps always run (so the plan shown in
 * a dry run is computed from the real state); write steps are described, never run. Read steps
 * cannot write: their context has no write ports, so the type system keeps them honest.
 */
export type GateDecision = 'run' | 'describe';

export function gate<P extends PortSet>(step: Step<P>, dryRun: boolean): GateDecision {
  return dryRun && step.effect === 'write' ? 'describe' : 'run';
}
