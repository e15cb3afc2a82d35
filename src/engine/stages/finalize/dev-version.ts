import { PyreleaseError } from '../../../domain/errors';
import { writeVersion } from '../../../domain/pyproject';
import { unifiedDiff } from '../../../domain/text-diff';
import { bumpVersion, compareVersions, parseVersion } from '../../../domain/version';
import type { ProbeResult, StepContext, WriteStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { ChosenVersion, DevVersion, ReleaseCommit } from '../facts';

/**
 * What the branch builds until the next release: `X.Y.(Z+1).dev0` after a final release, and after a
 * pre-release the development of the next candidate (`1.2.0rc2.dev0`), which sorts above it.
 */
export function devVersionAfter(version: string): string {
  const parsed = parseVersion(version);
  const next = parsed?.isPrerelease ? bumpVersion(version, parsed.pre ? 'rc' : 'patch') : bumpVersion(version, 'patch');
  return `${next}.dev0`;
}

async function settings(ctx: StepContext<ReleasePorts>) {
  const snapshot = await ctx.reads.session.project();
  const branch = await ctx.reads.session.branch();
  return { ...snapshot, branch, dev: devVersionAfter(ctx.need(ChosenVersion).version) };
}

/**
 * Stage 6, when `next-dev-version = true`: the branch moves on to the next development version, committed and pushed.
 */
export const devVersion: WriteStep<ReleasePorts> = {
  id: 'finalize.dev-version',
  title: 'Start the next development version',
  effect: 'write',
  needs: [ChosenVersion, ReleaseCommit],
  gives: [DevVersion],
  async probe(ctx): Promise<ProbeResult> {
    const { config, versionSource, dev, branch } = await settings(ctx);
    if (!config.nextDevVersion) return { state: 'done', detail: 'not configured (next-dev-version = false)' };
    if (versionSource.scm) return { state: 'done', detail: 'the version comes from tags: nothing to write' };
    const current = versionSource.currentVersion;
    if (current !== undefined && compareVersions(current, ctx.need(ChosenVersion).version) > 0) {
      const head = await ctx.reads.git.resolve('HEAD');
      const remote = await ctx.reads.git.resolve(`refs/remotes/origin/${branch}`);
      if (head !== undefined && head === remote) return { state: 'done', detail: `${branch} is at ${current}` };
    }
    return { state: 'todo', detail: dev };
  },
  async describe(ctx) {
    const { versionSource, dev, branch } = await settings(ctx);
    return [
      `write ${dev} into ${versionSource.file}`,
      `git commit -m "Start ${dev}"`,
      `git push origin HEAD:refs/heads/${branch}`,
    ];
  },
  async run(ctx): Promise<StepResult> {
    const { versionSource, dev, branch } = await settings(ctx);
    if (!versionSource.writable)
      throw new PyreleaseError('bump.not-writable', `${versionSource.file} cannot be written.`, {
        hint: `Write ${dev} there yourself.`,
      });
    const head = await ctx.reads.git.resolve('HEAD');
    if (head !== undefined && !(await ctx.reads.git.isAncestor(ctx.need(ReleaseCommit).sha, head))) {
      throw new PyreleaseError(
        'finalize.not-on-release',
        `HEAD (${head.slice(0, 7)}) does not contain the release commit, so ${dev} would be written ` +
          `on the wrong history.`,
        {
          hint: `Check out ${branch}, pull, and run \`pyrelease --resume\`.`,
        },
      );
    }
    const message = `Start ${dev}`;
    // An earlier session may have committed and died before the push: push that commit.
    const committed =
      head !== undefined && versionSource.currentVersion === dev && (await ctx.reads.git.subject('HEAD')) === message;
    let sha = head ?? '';
    if (!committed) {
      if (versionSource.currentVersion !== dev) {
        const before = (await ctx.reads.project.readFile(versionSource.file)) ?? '';
        const after = writeVersion(versionSource, before, dev);
        for (const line of unifiedDiff(versionSource.file, before, after).split('\n')) ctx.log(line);
        await ctx.writes.git.writeFile(versionSource.file, after);
        ctx.reads.session.refresh();
      }
      sha = await ctx.writes.git.commit([versionSource.file], message);
    }
    const pushed = await ctx.writes.git.push('origin', `HEAD:refs/heads/${branch}`);
    if (!pushed.ok) {
      throw new PyreleaseError('finalize.push-refused', `origin refused the ${dev} commit: ${pushed.message}`, {
        hint: pushed.protected
          ? `The branch is protected: open a pull request with the commit ${sha.slice(0, 7)} ` +
            `yourself; the release itself is done.`
          : 'Pull, then `pyrelease --resume`.',
      });
    }
    await ctx.give(DevVersion, { version: dev, sha });
    return { detail: `${branch} is at ${dev} (${sha.slice(0, 7)})` };
  },
};
