import { loadProject, projectFilesFromRecord } from '../../../domain/pyproject';
import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';

/**
 * The version the project declares at a commit (not in the working tree, which may have moved on),
 * or undefined for SCM-derived versions, which the tag itself will set.
 */
export async function versionAtCommit(
  ctx: StepContext<ReleasePorts>,
  sha: string,
): Promise<{ version: string | undefined; file: string }> {
  const { versionSource } = await ctx.reads.session.project();
  if (versionSource.scm) return { version: undefined, file: versionSource.file };
  const paths = [...new Set(['pyproject.toml', 'setup.cfg', versionSource.file])];
  const texts = await Promise.all(paths.map(async (path) => [path, await ctx.reads.git.fileAt(sha, path)] as const));
  const files = projectFilesFromRecord(
    Object.fromEntries(texts.filter((entry): entry is readonly [string, string] => entry[1] !== undefined)),
  );
  const atCommit = loadProject(files).versionSource;
  return { version: atCommit.scm ? undefined : atCommit.currentVersion, file: atCommit.file };
}
