import { field } from './parse-triggers';
import { stepsOf } from './publish-steps';
import { setsVersion } from './version-steps';
import type { WorkflowAnalysisInput, WorkflowFinding } from './workflow-analysis';

/** References to the tag a run was started for. */
const TAG_REFERENCE = /GITHUB_REF|github\.ref|release\.tag_name/i;
/** A dispatched dry run has no tag: its check compares against the `version` input instead. */
const INPUT_REFERENCE = /inputs\.|INPUT_/i;

/**
 * Heuristic (PRODUCT.md, Workflows: "check that the tag matches the version"): some step's script
 * mentions the tag (`GITHUB_REF_NAME`, `github.ref_name`, `GITHUB_REF`) and a version, or a step's
 * name speaks of both.
 */
export function checkTagCheck(
  jobs: Readonly<Record<string, unknown>>,
  input: Pick<WorkflowAnalysisInput, 'index' | 'tagFormat'>,
): WorkflowFinding[] {
  const found = Object.keys(jobs).some((job) =>
    stepsOf(jobs[job]).some((step) => isTagCheck(step, input.index === 'testpypi')),
  );
  if (found) return [];
  const example = input.tagFormat.replace('{version}', '1.2.4');
  return [
    {
      id: 'no-tag-check',
      severity: 'warning',
      message:
        `No step compares the tag with the version being built, so pushing ${example} ` +
        `on a commit whose version is 1.2.3 would publish 1.2.3 under the wrong ` +
        `tag.`,
      fix:
        'Add a step after the build that compares `$GITHUB_REF_NAME` without its ' +
        "tag prefix to the built wheel's version, both normalized with " +
        '`packaging.version.Version` (`pyrelease init` writes one).',
    },
  ];
}

function isTagCheck(step: unknown, acceptInputs: boolean): boolean {
  // The step that sets a rehearsal's version reads the same input and tag, but compares nothing.
  if (setsVersion(step)) return false;
  const name = field(step, 'name');
  if (typeof name === 'string' && /tag/i.test(name) && /version/i.test(name)) return true;
  const text = [field(step, 'run'), field(step, 'env'), field(step, 'with')]
    .map((part) => (typeof part === 'string' ? part : JSON.stringify(part ?? '')))
    .join('\n');
  const refersToRun = TAG_REFERENCE.test(text) || (acceptInputs && INPUT_REFERENCE.test(text));
  return refersToRun && /version/i.test(text);
}
