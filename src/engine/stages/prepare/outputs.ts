import { PyreleaseError } from '../../../domain/errors';
import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';

type Ctx = StepContext<ReleasePorts>;

/** The version chosen in Prepare, as recorded; later steps cannot run without it. */
export function chosenVersion(ctx: Ctx): {
  version: string;
  tag: string;
  migrationRequired: boolean;
  prerelease: boolean;
} {
  const outputs = ctx.outputsOf('prepare.version');
  const version = outputs?.['version'];
  const tag = outputs?.['tag'];
  if (typeof version !== 'string' || typeof tag !== 'string') {
    throw new PyreleaseError('journal.missing-version', 'No version has been chosen yet.', {
      hint: 'Run `pyrelease --resume` so the version choice comes first.',
    });
  }
  return {
    version,
    tag,
    migrationRequired: outputs?.['migrationRequired'] === true,
    prerelease: outputs?.['prerelease'] === true,
  };
}

/** The release commit's short sha for messages, or words for it while it does not exist yet (a dry run). */
export function releaseCommitLabel(ctx: Ctx): string {
  const sha = ctx.outputsOf('prepare.push')?.['sha'];
  return typeof sha === 'string' ? sha.slice(0, 7) : 'the release commit';
}

/** The commit being released: the pushed bump commit (or the merge commit of its pull request). */
export function releaseCommit(ctx: Ctx): string {
  const sha = ctx.outputsOf('prepare.push')?.['sha'];
  if (typeof sha !== 'string') {
    throw new PyreleaseError('journal.missing-commit', 'The release commit is not known yet.', {
      hint: 'Run `pyrelease --resume` so the push comes first.',
    });
  }
  return sha;
}
