import { tagPatternFor } from './filter-pattern';
import type { WorkflowPath } from './read-workflow';
import { startsOnTag } from './starts-on-tag';
import type { WorkflowAnalysisInput, WorkflowFinding, WorkflowTriggers } from './workflow-analysis';

/** The versions the wizard tags for each index: finals go to PyPI, release candidates to TestPyPI. */
const SAMPLE_VERSION = { pypi: '1.2.3', testpypi: '1.2.3rc1' } as const;

/**
 * Can the wizard start this workflow? It pushes a tag, publishes a GitHub Release, or dispatches
 * (PRODUCT.md, stages 2 and 3); anything else never starts a run.
 */
export function checkTriggers(
  triggers: WorkflowTriggers,
  input: Pick<WorkflowAnalysisInput, 'index' | 'tagFormat'>,
  lineOf: (path: WorkflowPath) => number | undefined,
  onKey: string,
): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  const { push, release, workflowDispatch } = triggers;
  const tag = input.tagFormat.replace('{version}', SAMPLE_VERSION[input.index]);
  const tagPushWorks = startsOnTag(triggers, tag);
  // `released` fires when a stable release is published (from a draft too), never for a pre-release.
  const releaseWorks =
    release !== undefined &&
    (release.published || (input.index === 'pypi' && (release.types ?? []).includes('released')));
  const dispatchWorks = workflowDispatch !== undefined;
  const othersWork = releaseWorks || dispatchWorks;
  const at = (path: WorkflowPath): { line?: number } => {
    const line = lineOf([onKey, ...path]);
    return line === undefined ? {} : { line };
  };

  if (push?.onTags && !tagPushWorks) {
    const patterns = [
      ...(push.tags ?? []).map((p) => `"${p}"`),
      ...(push.tagsIgnore ?? []).map((p) => `ignored "${p}"`),
    ].join(', ');
    findings.push({
      id: 'tag-pattern-mismatch',
      severity: othersWork ? 'warning' : 'error',
      message:
        `The workflow runs on tag pushes, but its tag filters (${patterns}) do not let ` +
        `the tag ${tag} through, which tag-format "${input.tagFormat}" gives; pushing it would ` +
        `start no run.`,
      fix:
        `Add "${tagPatternFor(input.tagFormat)}" to \`on.push.tags\`, or change [tool.pyrelease] tag-format to ` +
        `the tags this workflow expects.`,
      ...at(['push']),
    });
  }
  if (release !== undefined && !releaseWorks) {
    findings.push({
      id: 'release-prereleased-only',
      severity: 'warning',
      message:
        `\`on.release.types\` is [${(release.types ?? []).join(', ')}] without \`published\`: publishing a ` +
        `release from a draft sends \`published\`, ` +
        ('while `prereleased` does not fire from a draft and `created` not for ' +
          'drafts (TECH-FACTS §4.4), so the release route starts no run.'),
      fix: 'Use `release: types: [published]`.',
      ...at(['release']),
    });
  }
  if (!tagPushWorks && !othersWork && !push?.onTags) {
    const events =
      triggers.events.length > 0 ? `it runs only on ${triggers.events.join(', ')}` : 'it has no `on:` events';
    const fix =
      input.index === 'pypi'
        ? `Add \`push: tags: ["${tagPatternFor(input.tagFormat)}"]\` under \`on:\` (the wizard pushes the ` +
          `release tag), or \`release: types: [published]\`.`
        : 'Add `workflow_dispatch:` (with a `version` input) and `release: types: [published]` under `on:`.';
    findings.push({
      id: 'no-trigger',
      severity: 'error',
      message:
        `Nothing the wizard does starts this workflow: ${events}, not on a tag push, a ` +
        `published release or a manual dispatch.`,
      fix,
      ...at([]),
    });
  }
  return findings;
}
