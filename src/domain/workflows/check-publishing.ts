import { field } from './parse-triggers';
import { findPublishSteps, repositoryUrlOf, reusableWorkflowJobs, type PublishStep } from './publish-steps';
import type { ParsedWorkflow, WorkflowPath } from './read-workflow';
import type { WorkflowAnalysisInput, WorkflowFinding } from './workflow-analysis';

export const TESTPYPI_UPLOAD_URL = 'https://test.pypi.org/legacy/';

type Input = Pick<WorkflowAnalysisInput, 'index' | 'environment' | 'file'>;

/**
 * The publishing side of trusted publishing (TECH-FACTS §4.1–4.3): the publish action, the index
 * it uploads to, `id-token: write`, the environment the trusted publisher names, no API token.
 */
export function checkPublishing(workflow: ParsedWorkflow, input: Input): WorkflowFinding[] {
  const jobs = field(workflow.data, 'jobs') as Readonly<Record<string, unknown>>;
  const at = (path: WorkflowPath): { line?: number } => {
    const line = workflow.lineOf(path);
    return line === undefined ? {} : { line };
  };
  const steps = findPublishSteps(jobs);
  if (steps.length === 0) return [noPublisher(jobs, input, at)];

  const findings: WorkflowFinding[] = [];
  const forIndex = steps.filter((step) =>
    input.index === 'pypi' ? step.target !== 'testpypi' : step.target === 'testpypi' || step.target === 'expression',
  );
  if (forIndex.length === 0) findings.push(...wrongIndex(steps, input, at));
  const checked = forIndex.length > 0 ? forIndex : steps;

  for (const job of new Set(checked.map((step) => step.job))) {
    const idToken = checkIdToken(workflow.data, job, jobs[job]);
    if (idToken) findings.push({ ...idToken, ...at(['jobs', job]) });
    const environment = checkEnvironment(jobs[job], job, input);
    if (environment) findings.push({ ...environment, ...at(['jobs', job, 'environment']) });
  }
  for (const step of checked) {
    const where = at(['jobs', step.job, 'steps', step.step]);
    if (field(step.inputs, 'password') !== undefined) {
      findings.push({
        id: 'long-lived-token',
        severity: 'warning',
        message:
          `The publish step of job "${step.job}" passes \`password:\`: an API token turns ` +
          `trusted publishing off, and it stays valid in the repository's secrets ` +
          `until revoked.`,
        fix:
          'Delete the `password:` (and `user:`) inputs, register the trusted ' +
          'publisher (`pyrelease init` prints the values), then revoke the API ' +
          'token on the index.',
        ...where,
      });
    }
    const skipExisting = field(step.inputs, 'skip-existing') ?? field(step.inputs, 'skip_existing');
    if (step.target !== 'testpypi' && input.index === 'pypi' && (skipExisting === true || skipExisting === 'true')) {
      findings.push({
        id: 'skip-existing-on-pypi',
        severity: 'warning',
        message:
          `The publish step of job "${step.job}" sets \`skip-existing: true\`: on PyPI it ` +
          `turns an upload of an already-released version into a silent success.`,
        fix: 'Remove `skip-existing` from the PyPI publish step; it is advised only for TestPyPI (TECH-FACTS §4.3).',
        ...where,
      });
    }
  }
  return findings;
}

function noPublisher(
  jobs: Readonly<Record<string, unknown>>,
  input: Input,
  at: (path: WorkflowPath) => { line?: number },
): WorkflowFinding {
  const [reusable] = reusableWorkflowJobs(jobs);
  if (reusable) {
    return {
      id: 'reusable-workflow',
      severity: 'error',
      message:
        `Job "${reusable.job}" calls the reusable workflow ${reusable.uses}, and no job of this file ` +
        `publishes: PyPI's trusted publishing does not accept a reusable ` +
        `workflow as the publisher (warehouse#11096).`,
      fix:
        `Move the \`pypa/gh-action-pypi-publish\` step into a job of ${input.file} itself, ` +
        `the file the trusted publisher names; the build may stay in the ` +
        `reusable workflow and hand the dists over as an artifact.`,
      ...at(['jobs', reusable.job, 'uses']),
    };
  }
  return {
    id: 'no-publish-action',
    severity: 'error',
    message:
      'No step uses `pypa/gh-action-pypi-publish`, so this workflow does not publish through trusted publishing.',
    fix:
      'Add a publishing job whose step is `uses: ' +
      'pypa/gh-action-pypi-publish@release/v1`, after downloading the built ' +
      'dists (`pyrelease init` writes one); do not upload with twine and a ' +
      'token.',
    ...at(['jobs']),
  };
}

function wrongIndex(
  steps: readonly PublishStep[],
  input: Input,
  at: (path: WorkflowPath) => { line?: number },
): WorkflowFinding[] {
  return steps.map((step) => {
    const where = at(['jobs', step.job, 'steps', step.step]);
    const url = repositoryUrlOf(step.inputs);
    if (input.index === 'pypi') {
      return {
        id: 'testpypi-repository-url',
        severity: 'error',
        message:
          `This is the PyPI workflow, but the publish step of job "${step.job}" uploads to ` +
          `TestPyPI (repository-url ${String(url)}); a release would never reach PyPI.`,
        fix:
          'Remove `repository-url` from that step (PyPI is the default), or point ' +
          '[tool.pyrelease.workflows] pypi at the workflow that publishes to PyPI.',
        ...where,
      };
    }
    const target =
      url === undefined || url === null || url === ''
        ? 'has no `repository-url`, so it uploads to PyPI'
        : `uploads to ${String(url)}`;
    return {
      id: 'testpypi-repository-url',
      severity: 'error',
      message:
        `This is the TestPyPI workflow, but the publish step of job "${step.job}" ${target}: a ` +
        `dry run would spend the version on the real index.`,
      fix: `Set \`repository-url: ${TESTPYPI_UPLOAD_URL}\` under \`with:\` of that step.`,
      ...where,
    };
  });
}

/** `write-all` or `id-token: write`; job-level `permissions` replace the workflow's entirely. */
function grantsIdToken(permissions: unknown): boolean {
  return permissions === 'write-all' || field(permissions, 'id-token') === 'write';
}

function checkIdToken(data: unknown, jobName: string, job: unknown): Omit<WorkflowFinding, 'line'> | undefined {
  const own = field(job, 'permissions');
  const workflowLevel = field(data, 'permissions');
  if (grantsIdToken(own === undefined ? workflowLevel : own)) return undefined;
  const why =
    own !== undefined && grantsIdToken(workflowLevel)
      ? `job "${jobName}" sets its own \`permissions\`, which replace the workflow's \`id-token: write\``
      : `neither job "${jobName}" nor the workflow grants \`id-token: write\`, and the default token has none`;
  return {
    id: 'no-id-token',
    severity: 'error',
    message: `Trusted publishing needs an OIDC token, but ${why}.`,
    fix: `Add \`permissions: {id-token: write}\` to job "${jobName}" (job level, as the PyPA guide advises).`,
  };
}

function checkEnvironment(job: unknown, jobName: string, input: Input): Omit<WorkflowFinding, 'line'> | undefined {
  const environment = field(job, 'environment');
  const name = typeof environment === 'string' ? environment : field(environment, 'name');
  const expected = input.environment;
  const setIt = `Set \`environment: {name: ${expected}}\` on job "${jobName}"`;
  if (name === undefined || name === null || name === '') {
    return {
      id: 'no-environment',
      severity: 'warning',
      message:
        `Job "${jobName}" runs in no environment: the trusted publisher is expected to ` +
        `name environment "${expected}", and an environment is where maintainer approval ` +
        `is required.`,
      fix: `${setIt}, and create the environment under Settings → Environments (with required reviewers for PyPI).`,
    };
  }
  const actual = String(name);
  if (actual === expected) return undefined;
  if (actual.includes('${{')) {
    return {
      id: 'no-environment',
      severity: 'warning',
      message:
        `Job "${jobName}" computes its environment (${actual}); it must resolve to exactly ` +
        `"${expected}" for the trusted publisher to match.`,
      fix: `${setIt} literally, in the job that publishes to ${input.index === 'pypi' ? 'PyPI' : 'TestPyPI'}.`,
    };
  }
  const caseOnly = actual.toLowerCase() === expected.toLowerCase();
  return {
    id: 'no-environment',
    severity: caseOnly ? 'warning' : 'error',
    message:
      `Job "${jobName}" runs in environment "${actual}", but the trusted publisher is ` +
      (`expected to name "${expected}"${caseOnly ? ' (they differ only in case)' : ''}; the OIDC ` +
        `claims must match exactly `) +
      `(TECH-FACTS §4.1).`,
    fix:
      `Rename the job's environment to "${expected}", or set ` +
      `[tool.pyrelease.environments] ${input.index} = "${actual}" and register the trusted ` +
      `publisher with that environment.`,
  };
}
