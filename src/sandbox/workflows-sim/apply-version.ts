import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadProject, writeVersion, type ProjectFiles } from '../../domain/pyproject';

/** The variables setuptools-scm and hatch-vcs, and pdm-backend, take the version from instead of the tag. */
export const SCM_VERSION_VARIABLES = ['SETUPTOOLS_SCM_PRETEND_VERSION', 'PDM_BUILD_SCM_VERSION'] as const;

function filesIn(root: string): ProjectFiles {
  return {
    read(relativePath) {
      try {
        return readFileSync(join(root, relativePath), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * What the TestPyPI workflow's "Set the version to rehearse" step leaves behind in a checkout:
 * a version kept in a file rewritten there (as `pyrelease bump --set` does, with the domain's own
 * writer), and for every project the variables a tag-derived version is read from. Resolves with
 * those variables, for the build's environment.
 */
export async function applyVersion(
  checkout: string,
  version: string,
  say: (line: string) => void,
): Promise<Record<string, string>> {
  const env = Object.fromEntries(SCM_VERSION_VARIABLES.map((name) => [name, version]));
  const files = filesIn(checkout);
  const { project, versionSource: source } = loadProject(files);
  if (source.scm) {
    say(
      `${project.name} takes its version from git tags ` +
        `(${source.kind}): building ${version} with ${SCM_VERSION_VARIABLES.join(' and ')} set.`,
    );
    return env;
  }
  if (!source.writable)
    throw new Error(
      `The version of ${project.name} is in ${source.file} (${source.kind}), which pyrelease reads but does not write.`,
    );
  const before = files.read(source.file) ?? '';
  const after = writeVersion(source, before, version);
  if (after === before) {
    say(`${project.name} is already ${version} in ${source.file}: nothing to write.`);
  } else {
    await writeFile(join(checkout, source.file), after, 'utf8');
    say(`${project.name} ${source.currentVersion} → ${version} (set): wrote ${source.file}.`);
  }
  return env;
}
