import type { PackageIndex } from '../config';
import type { FindingSeverity } from '../workflows/workflow-analysis';

/**
 * The shape of `pyrelease doctor --json` (schema version 1). Documented in docs/doctor-json.md;
 * fields are only ever added within a schema version.
 */
export interface DoctorReport {
  schemaVersion: 1;
  /** True when nothing is at error severity: the exit code is 0 exactly then. */
  ok: boolean;
  git: {
    repository: boolean;
    root: string | null;
    branch: string | null;
    releaseBranch: string;
    onReleaseBranch: boolean;
    clean: boolean;
    changes: string[];
    /** A shallow clone: older commits and their tags are missing (`git fetch --unshallow --tags`). */
    shallow: boolean;
    upstream: { name: string; ahead: number; behind: number } | null;
    latestTag: string | null;
    latestTagVersion: string | null;
    remote: { owner: string; repo: string } | null;
  };
  project: {
    name: string;
    normalizedName: string;
    version: string | null;
    versionSource: { kind: string; file: string; writable: boolean; scm: boolean };
    requiresPython: string | null;
    entrypoints: { name: string; kind: 'console' | 'gui'; target: string }[];
  } | null;
  config: {
    branch: string;
    tagFormat: string;
    workflows: Record<PackageIndex, string>;
    environments: Record<PackageIndex, string>;
    requiredChecks: string[];
    checklist: string;
    supportMatrix: string;
    index: Record<PackageIndex, string>;
  } | null;
  workflows: {
    index: PackageIndex;
    file: string;
    exists: boolean;
    triggers: {
      events: string[];
      tags: string[] | null;
      releaseTypes: string[] | null;
      dispatchInputs: string[] | null;
    } | null;
    findings: { id: string; severity: FindingSeverity; message: string; fix: string; line: number | null }[];
  }[];
  trustedPublishers: {
    index: PackageIndex;
    projectPageUrl: string;
    pendingPageUrl: string;
    projectName: string;
    owner: string;
    repository: string;
    workflow: string;
    environment: string;
  }[];
  github: { apiUrl: string; tokenAvailable: boolean; tokenSource: string | null };
  /** Everything above at warning or error severity, in one list, each with what to do. */
  problems: { severity: 'error' | 'warning'; code: string; message: string; hint: string }[];
}
