import { PyreleaseError } from '../../domain/errors';
import type { Flow } from './flow';
import { releaseFlow } from './release-flow';

/** Every flow pyrelease can run or resume, by the id its journal records. */
const FLOWS: readonly Flow[] = [releaseFlow as Flow];

export function flowById(id: string): Flow {
  const flow = FLOWS.find((entry) => entry.id === id);
  if (!flow) {
    throw new PyreleaseError(
      'journal.unknown-flow',
      `The journal is of a "${id}" flow, which this pyrelease does not know.`,
      {
        hint: 'Upgrade pyrelease (`npx pyrelease@latest --resume`) to continue it, or abandon it with `pyrelease`.',
      },
    );
  }
  return flow;
}

export const FLOW_IDS: readonly string[] = FLOWS.map((flow) => flow.id);
