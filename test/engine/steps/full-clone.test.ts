import { describe, expect, it } from 'vitest';
import { fullClone } from '../../../src/engine/stages/prepare/full-clone';
import type { GitRepositoryReads } from '../../../src/ports/git';
import { fakeStepContext, strict } from '../../helpers/step-context';

const contextFor = (shallow: boolean) =>
  fakeStepContext({
    step: fullClone,
    reads: { git: strict<GitRepositoryReads>('git', { isShallow: async () => shallow }) },
  });

describe('prepare.full-clone', () => {
  it('stops a shallow clone with preflight.shallow and the exact command that fetches the rest', async () => {
    const { ctx, gave, lines } = contextFor(true);
    await expect(fullClone.run(ctx)).rejects.toMatchObject({
      code: 'preflight.shallow',
      message: expect.stringMatching(/^This is a shallow clone: older commits and their tags are missing/),
      hint: 'Fetch the rest with `git fetch --unshallow --tags`, then run pyrelease again.',
    });
    expect(gave).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('passes a full clone', async () => {
    const { ctx } = contextFor(false);
    expect(await fullClone.run(ctx)).toEqual({ detail: 'not shallow' });
  });

  it('is a read step without a probe, so every session checks again, and it comes before the tags are read', async () => {
    expect(fullClone.effect).toBe('read');
    expect(fullClone.probe).toBeUndefined();
    const { releasePlan } = await import('../../../src/engine/flows/release-flow');
    const ids = releasePlan().stages[0]!.steps.map((step) => step.id);
    expect(ids.slice(0, 3)).toEqual(['prepare.git-repository', 'prepare.full-clone', 'prepare.project']);
  });
});
