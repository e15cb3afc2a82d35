import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectFilesAt } from '../adapters/project-files';
import { validateConfig, type ReleaseConfig } from '../domain/config';
import type { ConfigError } from '../domain/config';
import { PyreleaseError } from '../domain/errors';
import { detectVersionSource, readPyproject, type ParsedPyproject, type ProjectFiles } from '../domain/pyproject';
import type { VersionSource } from '../domain/pyproject';
import { latestTag } from '../domain/tags';
import type { GitRepositoryReads } from '../ports/git';

export interface ProjectContext {
  root: string;
  files: ProjectFiles;
  project: ParsedPyproject;
  config: ReleaseConfig;
  configProblems: readonly ConfigError[];
  versionSource: VersionSource;
  latest: { tag: string; version: string } | undefined;
}

/** The project lives where pyproject.toml (or a legacy setup.cfg) is: the given directory. */
export function projectRoot(cwd: string): string {
  if (existsSync(join(cwd, 'pyproject.toml')) || existsSync(join(cwd, 'setup.cfg'))) return cwd;
  throw new PyreleaseError('project.not-found', `No pyproject.toml in ${cwd}.`, {
    hint: 'Run pyrelease in the root of your Python project (the folder with pyproject.toml), or pass --cwd DIR.',
  });
}

/**
 * Reads the project in the order its parts depend on each other: pyproject.toml, then the
 * configuration (it names the tag format), then the tags, then the version source (an SCM
 * version is the latest tag).
 */
export async function loadProjectContext(root: string, git: GitRepositoryReads | undefined): Promise<ProjectContext> {
  const files = projectFilesAt(root);
  const pyprojectText = files.read('pyproject.toml');
  const setupCfgText = files.read('setup.cfg');
  const project = readPyproject(pyprojectText ?? '', setupCfgText === undefined ? {} : { setupCfgText });
  const { config, problems } = validateConfig(project.data, pyprojectText ?? '');
  const latest = git ? latestTag(config.tagFormat, await git.tags()) : undefined;
  const versionSource = detectVersionSource(project, files, latest ? { latestTag: latest.tag } : {});
  return { root, files, project, config, configProblems: problems, versionSource, latest };
}
