import { PyreleaseError } from '../../../domain/errors';
import { writeVersion } from '../../../domain/pyproject';
import { unifiedDiff } from '../../../domain/text-diff';
import { normalizeVersion } from '../../../domain/version';
import type { ProbeResult, WriteStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { pushedReleaseCommit } from './pushed-release';
import { ChosenVersion, VersionCommit } from '../facts';

export const releaseCommitMessage = (version: string) => `Release ${version}`;

/** The version written where it lives, and committed as `Release X.Y.Z`. */
export const bumpCommit: WriteStep<ReleasePorts> = {
  id: 'prepare.bump-commit',
  title: 'Write and commit the version',
  effect: 'write',
  needs: [ChosenVersion],
  gives: [VersionCommit],
  async probe(ctx): Promise<ProbeResult> {
    const pushed = await pushedReleaseCommit(ctx);
    if (pushed) {
      await ctx.give(VersionCommit, { sha: pushed });
      return { state: 'done', detail: `the release commit ${pushed.slice(0, 7)} is on origin` };
    }
    const { versionSource } = await ctx.reads.session.project();
    const { version } = ctx.need(ChosenVersion);
    if (versionSource.scm) {
      await ctx.give(VersionCommit, { sha: (await ctx.reads.git.resolve('HEAD')) ?? null });
      return { state: 'done', detail: 'the tag is the version: nothing to write' };
    }
    if (!versionSource.writable) {
      return {
        state: 'blocked',
        reason:
          `The version is in ${versionSource.file} (${versionSource.kind}), which ` +
          `pyrelease reads but does not write.`,
        hint: `Write ${version} there yourself, commit it, and run \`pyrelease --resume\`.`,
      };
    }
    const written = normalizeVersion(versionSource.currentVersion ?? '') === version;
    // Written but not committed (an interruption in between): run again, it commits.
    if (written && (await ctx.reads.git.status()).length === 0) {
      await ctx.give(VersionCommit, { sha: (await ctx.reads.git.resolve('HEAD')) ?? null });
      return { state: 'done', detail: `${version} is committed` };
    }
    return { state: 'todo' };
  },
  async describe(ctx) {
    const { versionSource } = await ctx.reads.session.project();
    const { version } = ctx.need(ChosenVersion);
    return [
      `write ${version} into ${versionSource.file}`,
      `git commit -m "${releaseCommitMessage(version)}" -- ${versionSource.file}`,
    ];
  },
  async run(ctx): Promise<StepResult> {
    const { versionSource } = await ctx.reads.session.project();
    const { version } = ctx.need(ChosenVersion);
    if (!versionSource.writable)
      throw new PyreleaseError('bump.not-writable', `${versionSource.file} cannot be written.`);
    if (normalizeVersion(versionSource.currentVersion ?? '') !== version) {
      const before = (await ctx.reads.project.readFile(versionSource.file)) ?? '';
      const after = writeVersion(versionSource, before, version);
      for (const line of unifiedDiff(versionSource.file, before, after).split('\n')) ctx.log(line);
      await ctx.writes.git.writeFile(versionSource.file, after);
      ctx.reads.session.refresh();
    }
    const sha = await ctx.writes.git.commit([versionSource.file], releaseCommitMessage(version));
    await ctx.give(VersionCommit, { sha });
    return { detail: `${releaseCommitMessage(version)} (${sha.slice(0, 7)})` };
  },
};
