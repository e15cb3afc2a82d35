import type { PackageIndex } from '../config/release-config';

export type FindingSeverity = 'error' | 'warning' | 'info';

export type FindingId =
  /** The file is not valid YAML (or has duplicate keys). */
  | 'yaml-syntax'
  /** Valid YAML, but not a workflow: no `jobs` mapping. */
  | 'not-a-workflow'
  /** No tag push, published release or manual dispatch starts the workflow. */
  | 'no-trigger'
  /** The workflow runs on tag pushes, but no `tags` pattern matches the configured tag format. */
  | 'tag-pattern-mismatch'
  /** `on.release` lists types without `published`, so publishing a release from a draft starts nothing. */
  | 'release-prereleased-only'
  /** No step uses `pypa/gh-action-pypi-publish`. */
  | 'no-publish-action'
  /** Publishing is delegated to a reusable workflow, which trusted publishing does not accept. */
  | 'reusable-workflow'
  /** The publish step uploads to the wrong index for this workflow. */
  | 'testpypi-repository-url'
  /** The publishing job's token cannot mint an OIDC token. */
  | 'no-id-token'
  /** The publishing job runs in no environment, or not in the expected one. */
  | 'no-environment'
  /** No step compares the tag with the project version. */
  | 'no-tag-check'
  /** The TestPyPI workflow builds without first setting the version it rehearses (`1.2.4rc1`). */
  | 'rc-version-not-applied'
  /** The publish step passes `password:`, which turns trusted publishing off. */
  | 'long-lived-token'
  /** `skip-existing` on PyPI hides a failed or repeated release. */
  | 'skip-existing-on-pypi';

export interface WorkflowFinding {
  readonly id: FindingId;
  readonly severity: FindingSeverity;
  /** What is wrong, naming the job or step. */
  readonly message: string;
  /** Exactly what to change in the file. */
  readonly fix: string;
  /** 1-based position in the workflow file, when known. */
  readonly line?: number;
  readonly column?: number;
}

/** `on.push`. A filter left out is `undefined`, which GitHub treats differently from an empty list. */
export interface PushTrigger {
  readonly tags: readonly string[] | undefined;
  readonly tagsIgnore: readonly string[] | undefined;
  readonly branches: readonly string[] | undefined;
  readonly branchesIgnore: readonly string[] | undefined;
  /** Pushing some tag can start the workflow: tag filters given, or no filter at all. */
  readonly onTags: boolean;
  /** Pushing to some branch can start the workflow: branch filters given, or no filter at all. */
  readonly onBranches: boolean;
}

/** `on.release`. */
export interface ReleaseTrigger {
  /** Activity types; `undefined` means every type. */
  readonly types: readonly string[] | undefined;
  /**
   * `published` fires: the one event publishing a release from a draft always sends, pre-releases
   * included (`prereleased` does not fire from a draft; TECH-FACTS §4.4).
   */
  readonly published: boolean;
}

export interface DispatchInput {
  readonly name: string;
  /** `string` unless declared: boolean, choice, number, environment. */
  readonly type: string;
  readonly description: string | undefined;
  readonly default: string | number | boolean | undefined;
  /** The choices of a `choice` input. */
  readonly options: readonly string[];
  readonly required: boolean;
}

/** `on.workflow_dispatch`. */
export interface DispatchTrigger {
  readonly inputs: readonly DispatchInput[];
}

export interface WorkflowTriggers {
  /** Every event under `on:`, in file order. */
  readonly events: readonly string[];
  readonly push: PushTrigger | undefined;
  readonly release: ReleaseTrigger | undefined;
  readonly workflowDispatch: DispatchTrigger | undefined;
}

export interface WorkflowAnalysisInput {
  /** The workflow's file name, as the trusted publisher names it (`publish-pypi.yml`). */
  readonly file: string;
  readonly text: string;
  /** The index this workflow publishes to. */
  readonly index: PackageIndex;
  /** The GitHub environment the trusted publisher expects (`[tool.pyrelease.environments]`). */
  readonly environment: string;
  /** `[tool.pyrelease] tag-format`, e.g. `v{version}`. */
  readonly tagFormat: string;
}

export interface WorkflowAnalysis {
  readonly file: string;
  readonly triggers: WorkflowTriggers;
  /** Errors first, then warnings, then notes; empty for a sound workflow. */
  readonly findings: readonly WorkflowFinding[];
}
