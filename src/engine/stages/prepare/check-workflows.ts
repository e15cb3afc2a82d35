import { PyreleaseError } from '../../../domain/errors';
import { PACKAGE_INDEXES } from '../../../domain/config';
import { analyzeWorkflow } from '../../../domain/workflows';
import type { ReadStep, StepResult } from '../../step';
import { WorkflowTriggers } from '../facts';
import type { ReleasePorts } from '../release-ports';

export const checkWorkflows: ReadStep<ReleasePorts> = {
  id: 'prepare.workflows',
  title: 'Publish workflows are sound for trusted publishing',
  effect: 'read',
  gives: [WorkflowTriggers],
  async run(ctx): Promise<StepResult> {
    const { config } = await ctx.reads.session.project();
    const errors: string[] = [];
    const triggers: { pypi?: string[]; testpypi?: string[] } = {};
    for (const index of PACKAGE_INDEXES) {
      const path = `.github/workflows/${config.workflows[index]}`;
      const text = await ctx.reads.project.readFile(path);
      if (text === undefined) {
        errors.push(`${path} is missing. → \`pyrelease init\` writes a sound one.`);
        continue;
      }
      const analysis = analyzeWorkflow({
        file: config.workflows[index],
        text,
        index,
        environment: config.environments[index],
        tagFormat: config.tagFormat,
      });
      triggers[index] = [...analysis.triggers.events];
      for (const finding of analysis.findings) {
        const where = `${path}${finding.line ? `:${finding.line}` : ''}`;
        if (finding.severity === 'error') errors.push(`${where}: ${finding.message} → ${finding.fix}`);
        else if (finding.severity === 'warning') ctx.warn(`${where}: ${finding.message} (${finding.fix})`);
      }
    }
    if (errors.length > 0) {
      throw new PyreleaseError(
        'preflight.workflows',
        `The publish workflows cannot publish ` +
          `through trusted publishing:\n${errors.map((line) => `  - ${line}`).join('\n')}`,
        {
          hint:
            'Fix the workflows as named (`pyrelease doctor` shows the same report), ' +
            'commit, and run `pyrelease --resume`.',
        },
      );
    }
    await ctx.give(WorkflowTriggers, { pypi: triggers.pypi ?? [], testpypi: triggers.testpypi ?? [] });
    return {
      detail: PACKAGE_INDEXES.map((index) => `${config.workflows[index]} on ${triggers[index]?.join('/') ?? '?'}`).join(
        ', ',
      ),
    };
  },
};
