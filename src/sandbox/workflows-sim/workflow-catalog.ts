import { parse } from 'yaml';
import { parseTriggers, startsOnTag, type WorkflowTriggers } from '../../domain/workflows';
import { sandboxGit } from '../sample-project/sandbox-git';

export interface JobPlan {
  id: string;
  name: string;
  /** The GitHub environment the job runs in (protection rules apply), if any. */
  environment: string | undefined;
  /** It runs `pypa/gh-action-pypi-publish`. */
  publishes: boolean;
  /** `repository-url` of the publish step (TestPyPI), when given. */
  repositoryUrl: string | undefined;
  skipExisting: boolean;
  /** `print-hash` (or `verbose`) of the publish step: the action logs the files' hashes before uploading. */
  printHash: boolean;
  needs: string[];
  /** The job's `if:` expression, if any. */
  condition: string | undefined;
  steps: string[];
  /** Indexes into `steps` of the steps that set the version to build (a TestPyPI rehearsal's). */
  setsVersion: number[];
}

export interface WorkflowPlan {
  file: string;
  name: string;
  triggers: WorkflowTriggers;
  jobs: JobPlan[];
}

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A step's display name as the Actions UI shows it. */
function stepName(step: Table): string {
  if (typeof step['name'] === 'string') return step['name'];
  if (typeof step['uses'] === 'string') return `Run ${step['uses']}`;
  const run = typeof step['run'] === 'string' ? step['run'].split('\n')[0] : '';
  return `Run ${run}`;
}

/** An action input set to true: YAML `true`, or the string the runner passes on (`"true"`, `"True"`). */
function isOn(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** The step `pyrelease init` writes (by its name), or any step that runs `pyrelease bump --set`. */
function setsVersion(step: Table): boolean {
  const run = typeof step['run'] === 'string' ? step['run'] : '';
  return /set the version/i.test(stepName(step)) || /\bpyrelease(?:@\S*)?\s+bump\s+--set\b/.test(run);
}

/** Reads a workflow file the way the simulated runner needs it: triggers, jobs, steps. */
export function planWorkflow(file: string, text: string): WorkflowPlan | undefined {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return undefined;
  }
  if (!isTable(data)) return undefined;
  const on = data['on'] ?? data['true'];
  const jobs: JobPlan[] = [];
  for (const [id, job] of Object.entries(isTable(data['jobs']) ? data['jobs'] : {})) {
    if (!isTable(job)) continue;
    const steps = Array.isArray(job['steps']) ? job['steps'].filter(isTable) : [];
    const publishStep = steps.find(
      (step) => typeof step['uses'] === 'string' && step['uses'].startsWith('pypa/gh-action-pypi-publish'),
    );
    const withBlock = publishStep && isTable(publishStep['with']) ? publishStep['with'] : {};
    const environment =
      typeof job['environment'] === 'string'
        ? job['environment']
        : isTable(job['environment'])
          ? String(job['environment']['name'] ?? '')
          : undefined;
    const needs =
      typeof job['needs'] === 'string' ? [job['needs']] : Array.isArray(job['needs']) ? job['needs'].map(String) : [];
    jobs.push({
      id,
      name: typeof job['name'] === 'string' ? job['name'] : id,
      environment: environment || undefined,
      publishes: publishStep !== undefined,
      repositoryUrl: typeof withBlock['repository-url'] === 'string' ? withBlock['repository-url'] : undefined,
      skipExisting: withBlock['skip-existing'] === true || withBlock['skip-existing'] === 'true',
      // The action reads either spelling of an input (`print_hash` before v1.8), and prints the hashes when verbose
      // too.
      printHash: isOn(withBlock['print-hash']) || isOn(withBlock['print_hash']) || isOn(withBlock['verbose']),
      needs,
      condition: typeof job['if'] === 'string' ? job['if'] : undefined,
      steps: ['Set up job', ...steps.map(stepName), 'Complete job'],
      // Shifted by one for "Set up job".
      setsVersion: steps.flatMap((step, index) => (setsVersion(step) ? [index + 1] : [])),
    });
  }
  return { file, name: typeof data['name'] === 'string' ? data['name'] : file, triggers: parseTriggers(on), jobs };
}

/** The workflows as they are at a commit of the bare repository (GitHub runs the file at the pushed commit). */
export async function workflowsAt(remoteDir: string, sha: string): Promise<WorkflowPlan[]> {
  const listing = await sandboxGit(remoteDir, ['ls-tree', '--name-only', `${sha}:.github/workflows`]).catch(() => '');
  const plans: WorkflowPlan[] = [];
  for (const name of listing.split('\n').filter((entry) => /\.ya?ml$/.test(entry))) {
    const text = await sandboxGit(remoteDir, ['show', `${sha}:.github/workflows/${name}`]);
    const plan = planWorkflow(name, text);
    if (plan) plans.push(plan);
  }
  return plans;
}

export function triggeredByTag(plan: WorkflowPlan, tag: string): boolean {
  return startsOnTag(plan.triggers, tag);
}

export function triggeredByRelease(plan: WorkflowPlan): boolean {
  return plan.triggers.release?.published === true;
}
