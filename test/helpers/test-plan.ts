import type { Plan, ProbeResult, Step, StepContext, WriteContext } from '../../src/engine/step';

/**
 * A small world for the runner's tests: a set of facts that write steps create. The write port is
 * strict: every call is counted, so a dry run can be shown to make none.
 */
export class World {
  readonly facts = new Set<string>();
  readonly writes: string[] = [];
  readonly reads: string[] = [];
}

export interface TestPorts {
  reads: { has(fact: string): boolean };
  writes: { create(fact: string): void };
}

export function portsFor(world: World): TestPorts {
  return {
    reads: {
      has: (fact) => {
        world.reads.push(fact);
        return world.facts.has(fact);
      },
    },
    writes: {
      create: (fact) => {
        world.writes.push(fact);
        if (world.facts.has(fact)) throw new Error(`"${fact}" was created twice`);
        world.facts.add(fact);
      },
    },
  };
}

export interface Hooks {
  /** Called inside `run` of a step before it writes: tests interrupt here. */
  beforeRun?: (id: string, ctx: StepContext<TestPorts>) => Promise<void> | void;
}

function writeStep(id: string, hooks: Hooks): Step<TestPorts> {
  return {
    id,
    title: `Create ${id}`,
    effect: 'write',
    probe: async (ctx): Promise<ProbeResult> =>
      ctx.reads.has(id) ? { state: 'done', detail: `${id} exists`, outputs: { fact: id } } : { state: 'todo' },
    describe: async () => [`create ${id}`],
    run: async (ctx: WriteContext<TestPorts>) => {
      await hooks.beforeRun?.(id, ctx);
      ctx.writes.create(id);
      return { fact: id, summary: `created ${id}` };
    },
  };
}

function readStep(id: string, hooks: Hooks): Step<TestPorts> {
  return {
    id,
    title: `Check ${id}`,
    effect: 'read',
    run: async (ctx) => {
      await hooks.beforeRun?.(id, ctx);
      ctx.log(`checking ${id}`);
      return { checked: id };
    },
  };
}

/** Two stages: a check, two writes, a question, a write. */
export function testPlan(hooks: Hooks = {}): Plan<TestPorts> {
  const question: Step<TestPorts> = {
    id: 'choose',
    title: 'Choose a colour',
    effect: 'read',
    run: async (ctx) => {
      await hooks.beforeRun?.('choose', ctx);
      const colour = await ctx.ask({
        kind: 'select',
        id: 'colour',
        message: 'Colour?',
        choices: [
          { value: 'red', label: 'Red' },
          { value: 'blue', label: 'Blue' },
        ],
        default: 'red',
      });
      await ctx.setRelease({ to: colour });
      return { colour };
    },
  };
  return {
    stages: [
      {
        id: 'one',
        title: 'One',
        steps: [readStep('check', hooks), writeStep('alpha', hooks), writeStep('beta', hooks)],
      },
      { id: 'two', title: 'Two', steps: [question, writeStep('gamma', hooks)] },
    ],
  };
}

export const WRITE_STEPS = ['alpha', 'beta', 'gamma'];
export const ALL_STEPS = ['check', 'alpha', 'beta', 'choose', 'gamma'];
