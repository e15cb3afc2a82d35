import * as v from 'valibot';
import { defineFact, type Fact } from '../../src/engine/fact';
import type { Plan, ProbeResult, Step, StepContext, WriteContext } from '../../src/engine/step';

/**
 * A small world for the runner's tests: a set of things that write steps create. The write port is
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

const made = new Map<string, Fact<{ name: string }>>();
/** The fact a write step of the test plan gives: what it created. */
export function madeFact(id: string): Fact<{ name: string }> {
  let fact = made.get(id);
  if (!fact) {
    fact = defineFact(`made-${id}`, `what "Create ${id}" made`, v.object({ name: v.string() }));
    made.set(id, fact);
  }
  return fact;
}

/** The colour chosen by the question step. */
export const Colour = defineFact('colour', 'the colour', v.object({ colour: v.string() }));

function writeStep(id: string, hooks: Hooks, needs: Fact<{ name: string }>[] = []): Step<TestPorts> {
  return {
    id,
    title: `Create ${id}`,
    effect: 'write',
    needs,
    gives: [madeFact(id)],
    probe: async (ctx): Promise<ProbeResult> => {
      if (!ctx.reads.has(id)) return { state: 'todo' };
      await ctx.give(madeFact(id), { name: id });
      return { state: 'done', detail: `${id} exists` };
    },
    describe: async () => [`create ${id}`],
    run: async (ctx: WriteContext<TestPorts>) => {
      await hooks.beforeRun?.(id, ctx);
      for (const fact of needs) ctx.need(fact);
      ctx.writes.create(id);
      await ctx.give(madeFact(id), { name: id });
      return { detail: `created ${id}` };
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
    },
  };
}

/** Two stages: a check, two writes (the second needs the first), a question, a write. */
export function testPlan(hooks: Hooks = {}): Plan<TestPorts> {
  const question: Step<TestPorts> = {
    id: 'choose',
    title: 'Choose a colour',
    effect: 'read',
    gives: [Colour],
    asks: ['colour'],
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
      await ctx.give(Colour, { colour });
      await ctx.setRelease({ to: colour });
    },
  };
  return {
    stages: [
      {
        id: 'one',
        title: 'One',
        steps: [readStep('check', hooks), writeStep('alpha', hooks), writeStep('beta', hooks, [madeFact('alpha')])],
      },
      { id: 'two', title: 'Two', steps: [question, writeStep('gamma', hooks)] },
    ],
  };
}

export const WRITE_STEPS = ['alpha', 'beta', 'gamma'];
export const ALL_STEPS = ['check', 'alpha', 'beta', 'choose', 'gamma'];
