import { DEFAULT_CONFIG } from '../config/default-config';
import type { PackageIndex } from '../config/release-config';
import { normalizeProjectName } from '../pyproject/normalize-project-name';

export interface TrustedPublisherInput {
  /** GitHub owner (user or organization) of the repository. */
  readonly owner: string;
  readonly repo: string;
  /** The workflow's file name; a path is reduced to the name, which is all the form takes. */
  readonly workflowFile: string;
  readonly environment: string;
  /** `[project].name`. */
  readonly projectName: string;
  readonly index: PackageIndex;
  /** `[tool.pyrelease.index]` base URL; the default for `index` otherwise. */
  readonly indexUrl?: string;
}

export interface TrustedPublisherField {
  /** The label on the index's "Add a new publisher → GitHub" form. */
  readonly label: string;
  readonly value: string;
  /** Only the pending-publisher form (for a project not yet on the index) asks for it. */
  readonly pendingOnly: boolean;
}

export interface TrustedPublisherValues {
  readonly index: PackageIndex;
  /** Publishing settings of a project that exists on the index. */
  readonly projectPageUrl: string;
  /** Account-level page for a pending publisher, which creates the project on first upload. */
  readonly pendingPageUrl: string;
  /** The form's fields in the order the page shows them. */
  readonly fields: readonly TrustedPublisherField[];
}

/**
 * The exact values to enter in PyPI's or TestPyPI's trusted-publisher form (TECH-FACTS §4.1). They
 * must match the OIDC claims of the run exactly, or the token exchange fails with
 * `invalid-publisher`.
 */
export function trustedPublisherValues(input: TrustedPublisherInput): TrustedPublisherValues {
  const base = (input.indexUrl ?? DEFAULT_CONFIG.index[input.index]).replace(/\/+$/, '');
  const workflowName = input.workflowFile.split(/[/\\]/).pop() ?? input.workflowFile;
  return {
    index: input.index,
    projectPageUrl: `${base}/manage/project/${normalizeProjectName(input.projectName)}/settings/publishing/`,
    pendingPageUrl: `${base}/manage/account/publishing/`,
    fields: [
      { label: 'PyPI Project Name', value: input.projectName, pendingOnly: true },
      { label: 'Owner', value: input.owner, pendingOnly: false },
      { label: 'Repository name', value: input.repo, pendingOnly: false },
      { label: 'Workflow name', value: workflowName, pendingOnly: false },
      { label: 'Environment name', value: input.environment, pendingOnly: false },
    ],
  };
}
