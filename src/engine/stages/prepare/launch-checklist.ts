import { PyreleaseError } from '../../../domain/errors';
import { parseChecklist } from '../../../domain/checklist';
import type { ReadStep, StepResult } from '../../step';
import { ChecklistConfirmations } from '../facts';
import type { ReleasePorts } from '../release-ports';

/** Every unchecked box of the launch checklist, confirmed one by one and recorded. */
export const launchChecklist: ReadStep<ReleasePorts> = {
  id: 'prepare.checklist',
  title: 'Launch checklist',
  effect: 'read',
  gives: [ChecklistConfirmations],
  // One question per unchecked box, its id made from the item's text.
  asks: ['checklist.*'],
  async run(ctx): Promise<StepResult> {
    const { config } = await ctx.reads.session.project();
    const text = await ctx.reads.project.readFile(config.checklist);
    if (text === undefined) {
      ctx.warn(
        `${config.checklist} does not exist, so there is no launch checklist to confirm. ` +
          `\`pyrelease init\` writes one.`,
      );
      await ctx.give(ChecklistConfirmations, { items: [] });
      return { detail: 'no checklist' };
    }
    const items = parseChecklist(text);
    const confirmations = [];
    for (const item of items) {
      const done = await ctx.ask({ kind: 'confirm', id: item.id, message: item.text, default: true });
      if (!done) {
        throw new PyreleaseError('checklist.not-done', `Launch checklist: "${item.text}" is not done.`, {
          hint: 'Do it, then run `pyrelease --resume`; the items confirmed so far are kept.',
        });
      }
      confirmations.push({
        id: item.id,
        text: item.text,
        by: ctx.reads.user,
        at: new Date(ctx.reads.clock.now()).toISOString(),
      });
    }
    await ctx.give(ChecklistConfirmations, { items: confirmations });
    return { detail: `${items.length} item(s) confirmed by ${ctx.reads.user}` };
  },
};
