import { describe, expect, it } from 'vitest';
import type { AnyFact } from '../../src/engine/fact';
import type { Flow } from '../../src/engine/flows/flow';
import { FLOW_IDS, flowById } from '../../src/engine/flows/registry';
import type { ReleasePorts } from '../../src/engine/stages/release-ports';
import type { Plan } from '../../src/engine/step';

/** What is wrong with a plan's shape: needs nobody gave before, ids used twice. Empty when sound. */
function shapeProblems(plan: Plan<ReleasePorts>): string[] {
  const problems: string[] = [];
  const given = new Set<AnyFact>();
  const stepIds = new Set<string>();
  const askedBy = new Map<string, string>();
  for (const stage of plan.stages) {
    for (const step of stage.steps) {
      if (!step.id.startsWith(`${stage.id}.`)) problems.push(`${step.id} is in stage ${stage.id}`);
      if (stepIds.has(step.id)) problems.push(`step id ${step.id} is used twice`);
      stepIds.add(step.id);
      for (const fact of step.needs ?? []) {
        if (!given.has(fact)) problems.push(`${step.id} needs ${fact.key}, which no earlier step gives`);
      }
      for (const id of step.asks ?? []) {
        const other = askedBy.get(id);
        if (other) problems.push(`question id ${id} is asked by ${other} and ${step.id}`);
        askedBy.set(id, step.id);
      }
      for (const fact of step.gives ?? []) given.add(fact);
    }
  }
  // A prefix (`publish.watch.*`) must not swallow another step's ids either.
  for (const [prefix, owner] of askedBy) {
    if (!prefix.endsWith('.*')) continue;
    for (const [id, step] of askedBy) {
      if (step !== owner && id.startsWith(prefix.slice(0, -1))) {
        problems.push(`question id ${id} of ${step} falls under ${prefix} of ${owner}`);
      }
    }
  }
  return problems;
}

const flows = FLOW_IDS.map((id) => flowById(id) as Flow);

describe.each(flows.map((flow) => [flow.id, flow] as const))('the %s flow', (_id, flow) => {
  const plan = flow.plan(flow.params({}));

  it('gives every fact a step needs in an earlier step, and uses each step and question id once', () => {
    expect(shapeProblems(plan)).toEqual([]);
  });

  it('declares its stages once: the plan has exactly the stages the flow names', () => {
    expect(plan.stages.map(({ id, title }) => ({ id, title }))).toEqual(
      flow.stages.map(({ id, title }) => ({ id, title })),
    );
  });
});

describe('the shape check', () => {
  const release = flowById('release');

  it('fails when a step that gives a needed fact is taken out of the plan', () => {
    const plan = release.plan({});
    const prepare = plan.stages[0]!;
    prepare.steps = prepare.steps.filter((step) => step.id !== 'prepare.version');
    const problems = shapeProblems(plan);
    expect(problems).toContain('prepare.bump-commit needs chosen-version, which no earlier step gives');
    expect(problems).toContain('testpypi.candidate needs chosen-version, which no earlier step gives');
  });

  it('fails when a step that needs a fact comes before the step that gives it', () => {
    const plan = release.plan({});
    const [tag, publish] = [plan.stages[2]!, plan.stages[3]!];
    [tag.steps, publish.steps] = [publish.steps, tag.steps];
    expect(shapeProblems(plan)).toContain('publish.watch needs publish-trigger, which no earlier step gives');
  });

  it('fails on a step id or a question id used twice', () => {
    const plan = release.plan({});
    const tag = plan.stages[2]!;
    tag.steps = [...tag.steps, tag.steps[0]!];
    expect(shapeProblems(plan)).toEqual(
      expect.arrayContaining([
        'step id tag.create is used twice',
        'question id tag.confirm is asked by tag.create and tag.create',
      ]),
    );
  });
});
