import { PyreleaseError } from '../../../domain/errors';
import { readPyproject } from '../../../domain/pyproject';
import { compareSupport, matrixNeedsReview } from '../../../domain/support';
import type { ProbeResult, StepContext, WriteStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { ChosenVersion } from '../facts';

async function review(ctx: StepContext<ReleasePorts>) {
  const snapshot = await ctx.reads.session.project();
  const { latest, config, project } = snapshot;
  if (!latest)
    return { needed: false, reason: 'no earlier release to compare with', changes: [], path: config.supportMatrix };
  const before = await ctx.reads.git.fileAt(latest.tag, 'pyproject.toml');
  const changes = compareSupport(before === undefined ? undefined : readPyproject(before), project);
  const matrixChanged = (await ctx.reads.git.changedFiles(latest.tag, 'HEAD')).includes(config.supportMatrix);
  const needed = matrixNeedsReview(changes, matrixChanged);
  const reason =
    changes.length === 0
      ? `no support change since ${latest.tag}`
      : matrixChanged
        ? `${config.supportMatrix} changed too`
        : 'support changed';
  return { needed, reason, changes, path: config.supportMatrix };
}

const commitMessage = (version: string, path: string) => `Update ${path} for ${version}`;

/** requires-python, dependency bounds or Python classifiers changed while the matrix did not: ask. */
export const supportMatrix: WriteStep<ReleasePorts> = {
  id: 'prepare.support-matrix',
  needs: [ChosenVersion],
  asks: ['support-matrix.update'],
  title: 'Support matrix matches the support changes',
  effect: 'write',
  async probe(ctx): Promise<ProbeResult> {
    const { needed, reason, path } = await review(ctx);
    if (!needed) return { state: 'done', detail: reason };
    const { version } = ctx.need(ChosenVersion);
    if ((await ctx.reads.git.subject('HEAD')) === commitMessage(version, path))
      return { state: 'done', detail: `${path} updated` };
    return { state: 'todo' };
  },
  async describe(ctx) {
    const { path, changes } = await review(ctx);
    return [
      ...changes.map((change) => `# ${change.description}`),
      `$EDITOR ${path}`,
      `git commit -m "${commitMessage(ctx.need(ChosenVersion).version, path)}" -- ${path}`,
    ];
  },
  async run(ctx): Promise<StepResult> {
    const { changes, path } = await review(ctx);
    const { version } = ctx.need(ChosenVersion);
    for (const change of changes) ctx.log(change.description);
    const update = await ctx.ask({
      kind: 'confirm',
      id: 'support-matrix.update',
      message: `These changes may need ${path} updated. Edit it now?`,
      detail: changes.map((change) => `  - ${change.description}`).join('\n'),
      default: false,
    });
    if (!update) return { detail: `${path} kept as it is` };
    if (!ctx.writes.editor.available) {
      throw new PyreleaseError('support-matrix.no-editor', `No editor to open ${path} with.`, {
        hint: `Set $EDITOR (or $VISUAL), or edit ${path} yourself, commit it, and run \`pyrelease --resume\`.`,
      });
    }
    const text = (await ctx.reads.project.readFile(path)) ?? `# Support matrix\n`;
    const edited = await ctx.writes.editor.edit(text, {
      fileName: path.split('/').pop() ?? 'SUPPORT_MATRIX.md',
      signal: ctx.signal,
    });
    if (edited === text) return { detail: `${path} unchanged` };
    await ctx.writes.git.writeFile(path, edited);
    const sha = await ctx.writes.git.commit([path], commitMessage(version, path));
    return { detail: `${path} updated (${sha.slice(0, 7)})` };
  },
};
