import { setTimeout as delay } from 'node:timers/promises';
import type { GitHubSim } from '../github-sim';
import type { ActionsScenario } from './scenario';

export interface CheckOutcome {
  name: string;
  conclusion: 'success' | 'failure';
}

/**
 * The repository's required checks on one commit, as CI reports them: queued, in progress for
 * half the scenario's delay each, then concluded (the scenario's failing checks fail). Resolves
 * with the conclusions, in the order of `requiredChecks`.
 */
export async function runRequiredChecks(
  sim: GitHubSim,
  scenario: ActionsScenario,
  sha: string,
): Promise<CheckOutcome[]> {
  const names = scenario.requiredChecks;
  const ids = names.map((name) => sim.addCheckRun(sha, { name, status: 'queued', appSlug: 'github-actions' }).id);
  await delay(scenario.checkDelayMs / 2);
  for (const id of ids) sim.updateCheckRun(id, { status: 'in_progress' });
  await delay(scenario.checkDelayMs / 2);
  return names.map((name, index) => {
    const failing = scenario.failingChecks.includes(name);
    sim.updateCheckRun(ids[index]!, {
      status: 'completed',
      conclusion: failing ? 'failure' : 'success',
      title: failing ? `${name} failed` : `${name} passed`,
    });
    return { name, conclusion: failing ? 'failure' : 'success' };
  });
}
