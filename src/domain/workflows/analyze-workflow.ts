import { checkPublishing } from './check-publishing';
import { checkRcVersion } from './check-rc-version';
import { checkTagCheck } from './check-tag-check';
import { checkTriggers } from './check-triggers';
import { field, parseTriggers } from './parse-triggers';
import { findPublishSteps } from './publish-steps';
import { readWorkflow } from './read-workflow';
import type { FindingSeverity, WorkflowAnalysis, WorkflowAnalysisInput, WorkflowFinding } from './workflow-analysis';

const NO_TRIGGERS = { events: [], push: undefined, release: undefined, workflowDispatch: undefined } as const;
const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Is this publish workflow sound for trusted publishing (PRODUCT.md, Workflows)? Pure: the caller
 * reads the file. A sound workflow has no findings at all.
 */
export function analyzeWorkflow(input: WorkflowAnalysisInput): WorkflowAnalysis {
  const read = readWorkflow(input.text);
  if ('finding' in read) return { file: input.file, triggers: NO_TRIGGERS, findings: [read.finding] };
  const { workflow } = read;
  const triggers = parseTriggers(workflow.on);
  const jobs = field(workflow.data, 'jobs') as Readonly<Record<string, unknown>>;
  const findings: WorkflowFinding[] = [
    ...checkTriggers(triggers, input, workflow.lineOf, workflow.onKey),
    ...checkPublishing(workflow, input),
    // Without a publish step the missing publisher is the finding that matters.
    ...(findPublishSteps(jobs).length > 0 ? [...checkTagCheck(jobs, input), ...checkRcVersion(workflow, input)] : []),
  ];
  return { file: input.file, triggers, findings: findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]) };
}
