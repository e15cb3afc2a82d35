// Public surface of the pyproject domain: read a project, find its version, rewrite it.
export type { Entrypoint, MetadataSource, ParsedPyproject } from './parsed-pyproject.js';
export { readPyproject, type ReadPyprojectOptions } from './read-pyproject.js';
export { readSetupCfg, type SetupCfg, type SetupCfgEntry } from './read-setup-cfg.js';
export { normalizeProjectName } from './normalize-project-name.js';
export { projectFilesFromRecord, type ProjectFiles } from './project-files.js';
export { detectVersionSource, type DetectVersionSourceOptions } from './detect-version-source.js';
export { loadProject, type LoadedProject } from './load-project.js';
export { writeVersion } from './write-version.js';
export { locateVersion, type LocatedVersion } from './locate-version.js';
export { versionFromTag } from './sources/scm-source.js';
export { HATCH_DEFAULT_PATTERN } from './sources/hatch-source.js';
export type { VersionSourceErrorCode } from './version-source-error.js';
export type { TextSpan } from './text-span.js';
export type {
  ReadOnlyVersionSource,
  ScmVersionSource,
  ScmVersionSourceKind,
  VersionLocator,
  VersionSource,
  VersionSourceKind,
  WritableVersionSource,
  WritableVersionSourceKind,
} from './version-source.js';
