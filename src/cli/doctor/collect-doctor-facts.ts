import { join } from 'node:path';
import { projectFilesAt } from '../../adapters/project-files';
import { isPyreleaseError } from '../../domain/errors';
import type { DoctorFacts } from '../../domain/readiness/build-doctor-report';
import { PACKAGE_INDEXES, type PackageIndex } from '../../domain/config';
import type { GitRepositoryReads } from '../../ports/git';
import { loadProjectContext } from '../../adapters/project-reader';

export interface DoctorSources {
  root: string;
  git: GitRepositoryReads;
  /** owner/repo of a GitHub remote URL, undefined for anything else. */
  parseRemote: (url: string) => { owner: string; repo: string } | undefined;
  token: () => Promise<{ available: boolean; source: string | undefined }>;
  apiUrl: string;
}

/** Looks at everything the readiness report needs; reads only. */
export async function collectDoctorFacts(sources: DoctorSources): Promise<DoctorFacts> {
  const { git, root } = sources;
  const topLevel = await git.topLevel();
  const inRepository = topLevel !== undefined;
  const [branch, changes, upstream, remoteUrl, shallow] = inRepository
    ? await Promise.all([git.currentBranch(), git.status(), git.upstream(), git.remoteUrl('origin'), git.isShallow()])
    : [undefined, [], undefined, undefined, false];

  let project: DoctorFacts['project'];
  let latest: DoctorFacts['git']['latest'];
  try {
    const context = await loadProjectContext(root, inRepository ? git : undefined);
    latest = context.latest;
    project = {
      ok: true,
      project: context.project,
      versionSource: context.versionSource,
      config: context.config,
      configProblems: context.configProblems,
    };
  } catch (error) {
    if (!isPyreleaseError(error)) throw error;
    project = { ok: false, error };
  }

  const files = projectFilesAt(root);
  const workflowTexts = {} as Record<PackageIndex, string | undefined>;
  for (const index of PACKAGE_INDEXES) {
    const file = project.ok
      ? project.config.workflows[index]
      : index === 'pypi'
        ? 'publish-pypi.yml'
        : 'publish-testpypi.yml';
    workflowTexts[index] = files.read(join('.github', 'workflows', file));
  }

  return {
    git: {
      root: topLevel,
      branch,
      changes,
      shallow,
      upstream,
      latest,
      remote: remoteUrl ? sources.parseRemote(remoteUrl) : undefined,
      remoteUrl,
    },
    project,
    workflowTexts,
    token: await sources.token(),
    apiUrl: sources.apiUrl,
  };
}
