import type { SampleShape } from './sample-project/sample-files';
import { DEFAULT_SCENARIO, type ActionsScenario } from './workflows-sim/scenario';

/** A whole sandbox world: the sample's shape, how Actions behave, how the indexes lag. */
export interface SandboxScenario {
  description: string;
  shape: SampleShape;
  actions: ActionsScenario;
  /** Milliseconds between a file reaching the JSON API and the simple page. */
  indexLagMs: number;
  /** A branch the remote refuses pushes to, as a protected branch does. */
  protectedBranch?: string;
}

const base = (
  change: Partial<Omit<SandboxScenario, 'actions' | 'description'>> & { actions?: Partial<ActionsScenario> } = {},
): Omit<SandboxScenario, 'description'> => ({
  shape: change.shape ?? 'static',
  indexLagMs: change.indexLagMs ?? 1500,
  ...(change.protectedBranch ? { protectedBranch: change.protectedBranch } : {}),
  actions: { ...DEFAULT_SCENARIO, failures: [], ...change.actions },
});

export const SCENARIOS: Record<string, SandboxScenario> = {
  default: { description: 'everything works: a static version in pyproject.toml', ...base() },
  'hatch-regex': { description: 'the version lives in a module, read by hatchling', ...base({ shape: 'hatch-regex' }) },
  'setuptools-scm': { description: 'the version comes from git tags (setuptools-scm)', ...base({ shape: 'scm' }) },
  approval: {
    description: 'the pypi environment requires a reviewer (you, or a colleague 15 s later)',
    ...base({ actions: { reviewers: ['pypi'], colleagueApprovesAfterMs: 15_000 } }),
  },
  'failing-check': {
    description: 'the required check "tests" fails on the release commit',
    ...base({ actions: { failingChecks: ['tests'] } }),
  },
  'slow-checks': {
    description: 'required checks take a while to go green',
    ...base({ actions: { checkDelayMs: 8000 } }),
  },
  'publish-fails': {
    description: 'the PyPI upload fails once (re-run the failed jobs to recover)',
    ...base({
      actions: {
        failures: [
          {
            workflow: 'publish-pypi.yml',
            step: 'pypa/gh-action-pypi-publish',
            times: 1,
            reason: 'HTTPError: 503 Service Unavailable from the upload endpoint',
          },
        ],
      },
    }),
  },
  'index-lag': { description: 'the simple index lags 20 s behind the JSON API', ...base({ indexLagMs: 20_000 }) },
  'protected-branch': {
    description: 'main is protected: the release commit goes through a pull request',
    ...base({ protectedBranch: 'main' }),
  },
};

export function scenarioNamed(name: string): SandboxScenario | undefined {
  return Object.hasOwn(SCENARIOS, name) ? structuredClone(SCENARIOS[name]) : undefined;
}
