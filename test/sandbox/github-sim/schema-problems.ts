import type { GitHubSim } from '../../../src/sandbox/github-sim';
import { validateComponent, validateResponse } from '../../helpers/openapi';

/**
 * Every logged API answer checked against GitHub's OpenAPI description. Error statuses an operation
 * does not document are checked as `basic-error`; 304s, fault answers and the simulator's own
 * non-API paths (`/_blob`, `/_web`) are skipped.
 */
export function schemaProblems(sim: GitHubSim): string[] {
  return sim.requestLog.entries().flatMap((entry) => {
    if (!entry.route || entry.route.startsWith('/_') || entry.status === 304 || entry.fault) return [];
    const documented = validateResponse(entry.route, entry.method, entry.status, entry.responseBody);
    const undocumented = documented.length === 1 && documented[0]?.includes('documents no');
    const problems =
      undocumented && entry.status >= 400 ? validateComponent('basic-error', entry.responseBody) : documented;
    return problems.map((problem) => `${entry.method} ${entry.url} → ${entry.status}: ${problem}`);
  });
}
