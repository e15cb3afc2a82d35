import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ReleaseConfig } from '../../../src/domain/config';
import { ChosenVersion, NextMilestone } from '../../../src/engine/stages/facts';
import { nextMilestone } from '../../../src/engine/stages/finalize/next-milestone';
import type { GitHubReads, GitHubWrites, Milestone } from '../../../src/ports/github';
import { chosenVersion } from '../../helpers/release-fixtures';
import { fakeSession, fakeStepContext, given, strict } from '../../helpers/step-context';

const milestoneUrl = (number: number) => `https://github.com/acme/quillnote/milestone/${number}`;

interface Options {
  version?: string;
  config?: Partial<ReleaseConfig>;
  /** The repository's milestones, open and closed. */
  milestones?: Pick<Milestone, 'title' | 'state' | 'htmlUrl'>[];
}

function world(options: Options = {}) {
  const version = options.version ?? '1.2.0';
  const config: ReleaseConfig = { ...DEFAULT_CONFIG, ...options.config };
  const states: (string | undefined)[] = [];
  const created: Parameters<GitHubWrites['createMilestone']>[0][] = [];
  const fake = fakeStepContext({
    step: nextMilestone,
    reads: {
      session: fakeSession({ config }),
      github: strict<GitHubReads>('reads.github', {
        milestones: async (state) => {
          states.push(state);
          return (options.milestones ?? []).map((milestone) => strict<Milestone>('milestone', milestone));
        },
      }),
    },
    writes: {
      github: strict<GitHubWrites>('writes.github', {
        createMilestone: async (fields) => {
          created.push(fields);
          return strict<Milestone>('created milestone', { title: fields.title, htmlUrl: milestoneUrl(8) });
        },
      }),
    },
    facts: [given(ChosenVersion, chosenVersion(version))],
  });
  return { fake, states, created };
}

describe('finalize.milestone probe', () => {
  it('is done, giving NextMilestone, when a milestone of that name exists, even closed', async () => {
    const { fake, states } = world({
      milestones: [
        { title: 'v1.2.0', state: 'closed', htmlUrl: milestoneUrl(6) },
        { title: 'v1.2.1', state: 'closed', htmlUrl: milestoneUrl(7) },
      ],
    });
    expect(await nextMilestone.probe(fake.ctx)).toEqual({
      state: 'done',
      detail: `v1.2.1 exists (closed): ${milestoneUrl(7)}`,
    });
    expect(states).toEqual(['all']);
    expect(fake.gave).toEqual([{ key: 'next-milestone', value: { title: 'v1.2.1', url: milestoneUrl(7) } }]);
  });

  it('is to do when only other milestones exist', async () => {
    const { fake } = world({ milestones: [{ title: 'v1.3.0', state: 'open', htmlUrl: milestoneUrl(9) }] });
    expect(await nextMilestone.probe(fake.ctx)).toEqual({ state: 'todo' });
    expect(fake.gave).toEqual([]);
  });
});

describe('finalize.milestone describe', () => {
  it('names the milestone it would create', async () => {
    const { fake } = world();
    expect(await nextMilestone.describe(fake.ctx)).toEqual(['create the milestone v1.2.1']);
  });
});

describe('finalize.milestone run', () => {
  it('creates the next patch milestone and gives NextMilestone', async () => {
    const { fake, created } = world();
    expect(await nextMilestone.run(fake.ctx)).toEqual({ detail: `v1.2.1: ${milestoneUrl(8)}` });
    expect(created).toEqual([{ title: 'v1.2.1', description: 'What goes into 1.2.1.' }]);
    expect(fake.gave).toEqual([{ key: 'next-milestone', value: { title: 'v1.2.1', url: milestoneUrl(8) } }]);
    expect(fake.fact(NextMilestone)).toEqual({ title: 'v1.2.1', url: milestoneUrl(8) });
  });

  it('names the milestone as the tag format names tags', async () => {
    const { fake, created } = world({ config: { tagFormat: 'release-{version}' } });
    await nextMilestone.run(fake.ctx);
    expect(created).toEqual([{ title: 'release-1.2.1', description: 'What goes into 1.2.1.' }]);
  });

  it('after a release candidate, opens the final release', async () => {
    const { fake, created } = world({ version: '1.2.0rc1' });
    await nextMilestone.run(fake.ctx);
    expect(created).toEqual([{ title: 'v1.2.0', description: 'What goes into 1.2.0.' }]);
  });
});
