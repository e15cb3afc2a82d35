import { field } from './parse-triggers';
import { stepsOf } from './publish-steps';
import type { ParsedWorkflow } from './read-workflow';
import { PYRELEASE_NPX } from './set-version-script';
import { isBuildStep, setsVersion } from './version-steps';
import type { WorkflowAnalysisInput, WorkflowFinding } from './workflow-analysis';

/**
 * A TestPyPI rehearsal publishes a release candidate (`1.2.4rc1`) built from the release commit,
 * whose files say `1.2.4`: unless a step before the build sets the candidate's version, the build
 * produces the final's. Only judged when a build step is recognized, since without one there is
 * no "before" to look at.
 */
export function checkRcVersion(
  workflow: ParsedWorkflow,
  input: Pick<WorkflowAnalysisInput, 'index' | 'tagFormat'>,
): WorkflowFinding[] {
  if (input.index !== 'testpypi') return [];
  const jobs = field(workflow.data, 'jobs') as Readonly<Record<string, unknown>>;
  for (const job of Object.keys(jobs)) {
    const steps = stepsOf(jobs[job]);
    const build = steps.findIndex(isBuildStep);
    if (build === -1) continue;
    // The build step's own env, the job's and the workflow's count as much as a step before it.
    const holders = [workflow.data, jobs[job], ...steps.slice(0, build + 1)];
    if (holders.some(setsVersion)) return [];
    const line = workflow.lineOf(['jobs', job, 'steps', build]);
    const candidate = input.tagFormat.replace('{version}', '1.2.4rc1');
    return [
      {
        id: 'rc-version-not-applied',
        severity: 'warning',
        message:
          `Job "${job}" builds the version the project files hold: no step before its ` +
          `build sets the version being rehearsed, so a dispatch with version ` +
          `1.2.4rc1 (or a pre-release ${candidate}) on a commit that says 1.2.4 builds ` +
          `1.2.4, and the version check fails or the final lands on TestPyPI.`,
        fix:
          `Add a step before the build that takes the \`version\` input (or the ` +
          `release tag without its prefix), appends ` +
          `\`SETUPTOOLS_SCM_PRETEND_VERSION\` and \`PDM_BUILD_SCM_VERSION\` to ` +
          `\`$GITHUB_ENV\` for tag-derived versions, and runs \`npx --yes ${PYRELEASE_NPX} bump ` +
          `--set "$VERSION"\` for a version kept in a file (\`pyrelease init\` ` +
          `writes one).`,
        ...(line === undefined ? {} : { line }),
      },
    ];
  }
  return [];
}
