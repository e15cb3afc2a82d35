import { PyreleaseError } from '../errors.js';
import { detectVersionSource, type DetectVersionSourceOptions } from './detect-version-source.js';
import type { ParsedPyproject } from './parsed-pyproject.js';
import type { ProjectFiles } from './project-files.js';
import { readPyproject } from './read-pyproject.js';
import type { VersionSource } from './version-source.js';

export interface LoadedProject {
  readonly project: ParsedPyproject;
  readonly versionSource: VersionSource;
}

/**
 * Reads pyproject.toml (and setup.cfg when present) through `files` and finds the version
 * source: what `doctor` and `bump` start from. A setup.cfg-only project is read as legacy.
 */
export function loadProject(files: ProjectFiles, options: DetectVersionSourceOptions = {}): LoadedProject {
  const pyprojectText = files.read('pyproject.toml');
  const setupCfgText = files.read('setup.cfg');
  if (pyprojectText === undefined && setupCfgText === undefined) {
    throw new PyreleaseError('pyproject.missing-file', 'no pyproject.toml here', {
      location: { file: 'pyproject.toml' },
      hint: 'Run pyrelease from the root of your Python project (the folder with pyproject.toml).',
    });
  }
  const project = readPyproject(pyprojectText ?? '', setupCfgText === undefined ? {} : { setupCfgText });
  return { project, versionSource: detectVersionSource(project, files, options) };
}
