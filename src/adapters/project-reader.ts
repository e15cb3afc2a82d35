import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectFilesAt } from './project-files';
import { validateConfig } from '../domain/config';
import { PyreleaseError } from '../domain/errors';
import { detectVersionSource, readPyproject, type ProjectFiles } from '../domain/pyproject';
import { latestTag } from '../domain/tags';
import type { GitRepositoryReads } from '../ports/git';
import type { ProjectReads, ProjectSnapshot } from '../ports/project';

export interface ProjectContext extends ProjectSnapshot {
  files: ProjectFiles;
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

/** The project reader of a release: the working tree, with tags from git. */
export class WorkingTreeProject implements ProjectReads {
  constructor(
    private readonly root: string,
    private readonly git: GitRepositoryReads,
  ) {}

  async load(): Promise<ProjectSnapshot> {
    const { files: _files, ...snapshot } = await loadProjectContext(this.root, this.git);
    return snapshot;
  }

  async readFile(path: string): Promise<string | undefined> {
    return projectFilesAt(this.root).read(path);
  }
}
