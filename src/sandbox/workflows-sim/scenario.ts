/** How the simulated GitHub Actions behave: the ground of `pyrelease demo --scenario` and the e2e tests. */
export interface ActionsScenario {
  /** Pause between two steps of a job, so a watcher sees them move. */
  stepDelayMs: number;
  /** How long a required check stays queued, then in progress. */
  checkDelayMs: number;
  /** Environments whose jobs wait for a reviewer (the `pypi` environment, as the seeds advise). */
  reviewers: string[];
  /**
   * A colleague who is also a reviewer approves a waiting deployment after this long, when the user
   * has not: the demo of an approval cannot wait forever for someone who does not exist.
   */
  colleagueApprovesAfterMs?: number;
  /** Steps that fail, matched by workflow file and a piece of the step name, `times` times. */
  failures: { workflow?: string; step: string; times: number; reason: string }[];
  /** Required checks that conclude `failure`. */
  failingChecks: string[];
  requiredChecks: string[];
}

export const DEFAULT_SCENARIO: ActionsScenario = {
  stepDelayMs: 250,
  checkDelayMs: 600,
  reviewers: [],
  failures: [],
  failingChecks: [],
  requiredChecks: [
    'lint',
    'typecheck',
    'tests',
    'package-build',
    'docs-validation',
    'build-validation',
    'release-label',
  ],
};
