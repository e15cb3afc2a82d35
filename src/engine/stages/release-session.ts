import type { ReleaseConfig } from '../../domain/config';
import type { ProjectReads, ProjectSnapshot } from '../../ports/project';

/**
 * What a session of a release flow knows about the project: read once, and read again only after
 * a step changed the files it comes from (the version written, the next development version).
 */
export interface ReleaseSession {
  /** pyproject.toml, the configuration and the version source, as this session last read them. */
  project(): Promise<ProjectSnapshot>;
  /** Forgets the snapshot, so the next `project()` reads the files again. For steps that change them. */
  refresh(): void;
  /** The branch the flow releases from (the configured one for a release). */
  branch(): Promise<string>;
}

export function releaseSession(reads: ProjectReads, branchOf: (config: ReleaseConfig) => string): ReleaseSession {
  let snapshot: Promise<ProjectSnapshot> | undefined;
  const project = (): Promise<ProjectSnapshot> => {
    if (!snapshot) {
      const loading = reads.load();
      snapshot = loading;
      // A read that failed is not remembered: the next step reads again.
      loading.catch(() => {
        if (snapshot === loading) snapshot = undefined;
      });
    }
    return snapshot;
  };
  return {
    project,
    refresh: () => {
      snapshot = undefined;
    },
    branch: async () => branchOf((await project()).config),
  };
}
