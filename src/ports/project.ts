import type { ConfigError, ReleaseConfig } from '../domain/config';
import type { ParsedPyproject, VersionSource } from '../domain/pyproject';

/** The project as it is in the working tree right now. */
export interface ProjectSnapshot {
  root: string;
  project: ParsedPyproject;
  config: ReleaseConfig;
  configProblems: readonly ConfigError[];
  versionSource: VersionSource;
  /** The highest release tag under the configured tag format. */
  latest: { tag: string; version: string } | undefined;
}

/** Reading the project's files. */
export interface ProjectReads {
  /** pyproject.toml, the configuration and the version source, read afresh. */
  load(): Promise<ProjectSnapshot>;
  /** A file of the working tree (relative path), or undefined when missing. */
  readFile(path: string): Promise<string | undefined>;
}
