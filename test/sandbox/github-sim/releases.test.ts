import { describe, expect, it } from 'vitest';
import type { PushEvent, ReleasePublishedEvent } from '../../../src/sandbox/github-sim';
import { call, repoPath, SHAS, useSim } from './sim-fixture';

type Release = Record<string, unknown>;
const summary = (release: unknown) => {
  const r = release as Release;
  return [r.tag_name, r.draft, r.prerelease, r.published_at === null ? 'unpublished' : 'published'];
};

describe('simulated GitHub: releases', () => {
  const startSim = useSim();

  it('keeps a draft untagged and unfindable by tag until it is published', async () => {
    const sim = await startSim();
    const published: ReleasePublishedEvent[] = [];
    const pushes: PushEvent[] = [];
    sim.on('release-published', (event) => published.push(event));
    sim.on('push', (event) => pushes.push(event));
    const draft = await call(sim, 'POST', repoPath('/releases'), {
      body: { tag_name: 'v1.4.0', target_commitish: 'main', name: 'v1.4.0', body: 'Notes', draft: true },
    });
    const id = (draft.body as Release).id as number;
    expect([draft.status, draft.headers.get('location')]).toEqual([
      201,
      `${sim.url}/repos/acme/acme-tool/releases/${id}`,
    ]);
    expect(String((draft.body as Release).html_url)).toMatch(
      new RegExp(`^${sim.htmlUrl}/acme/acme-tool/releases/tag/untagged-[0-9a-f]{20}$`),
    );
    expect((await call(sim, 'GET', repoPath('/releases/tags/v1.4.0'))).status).toBe(404);
    expect(sim.ref('refs/tags/v1.4.0')).toBeUndefined();
    expect(published).toEqual([]);

    const patched = await call(sim, 'PATCH', repoPath(`/releases/${id}`), {
      body: { tag_name: 'v1.4.0', draft: false },
    });
    expect(summary(patched.body)).toEqual(['v1.4.0', false, false, 'published']);
    expect((patched.body as Release).html_url).toBe(`${sim.htmlUrl}/acme/acme-tool/releases/tag/v1.4.0`);
    expect(summary((await call(sim, 'GET', repoPath('/releases/tags/v1.4.0'))).body)).toEqual([
      'v1.4.0',
      false,
      false,
      'published',
    ]);
    // Publishing created the tag at the target, which GitHub reports like a push.
    expect(sim.ref('refs/tags/v1.4.0')).toBe(SHAS.release);
    expect(pushes).toEqual([
      { ref: 'refs/tags/v1.4.0', sha: SHAS.release, before: '0'.repeat(40), created: true, deleted: false },
    ]);
    expect(published.map((event) => [event.release.id, event.release.tagName, event.sha])).toEqual([
      [id, 'v1.4.0', SHAS.release],
    ]);
  });

  it('refuses a second published release for a tag (422 already_exists)', async () => {
    const sim = await startSim();
    const again = await call(sim, 'POST', repoPath('/releases'), { body: { tag_name: 'v1.3.0' } });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
    });
    expect((await call(sim, 'POST', repoPath('/releases'), { body: {} })).status).toBe(422);
    expect(
      (await call(sim, 'POST', repoPath('/releases'), { body: { tag_name: 'v9', target_commitish: 'nope' } })).status,
    ).toBe(422);
  });

  it('finds the latest release (not drafts, not pre-releases) and lists all, drafts included', async () => {
    const sim = await startSim();
    await call(sim, 'POST', repoPath('/releases'), { body: { tag_name: 'v1.4.0rc1', prerelease: true } });
    await call(sim, 'POST', repoPath('/releases'), { body: { tag_name: 'v1.4.0', draft: true } });
    expect(summary((await call(sim, 'GET', repoPath('/releases/latest'))).body)).toEqual([
      'v1.3.0',
      false,
      false,
      'published',
    ]);
    const listed = (await call(sim, 'GET', repoPath('/releases'))).body as Release[];
    expect(listed.map(summary)).toEqual([
      ['v1.4.0', true, false, 'unpublished'],
      ['v1.4.0rc1', false, true, 'published'],
      ['v1.3.0', false, false, 'published'],
    ]);
    const id = listed[0]?.id;
    expect(summary((await call(sim, 'GET', repoPath(`/releases/${id}`))).body)).toEqual([
      'v1.4.0',
      true,
      false,
      'unpublished',
    ]);
    expect((await call(sim, 'GET', repoPath('/releases/12345'))).status).toBe(404);
  });

  it("generates notes in GitHub's style from the pull requests since the previous release", async () => {
    const sim = await startSim();
    const notes = await call(sim, 'POST', repoPath('/releases/generate-notes'), {
      body: { tag_name: 'v1.4.0', target_commitish: 'main' },
    });
    const web = `${sim.htmlUrl}/acme/acme-tool`;
    expect(notes.body).toEqual({
      name: 'v1.4.0',
      body: [
        "## What's Changed",
        `* Add the frobnicate command by @alice in ${web}/pull/1`,
        `* Fix crash on empty input by @bob in ${web}/pull/2`,
        '',
        '## New Contributors',
        `* @alice made their first contribution in ${web}/pull/1`,
        `* @bob made their first contribution in ${web}/pull/2`,
        '',
        `**Full Changelog**: ${web}/compare/v1.3.0...v1.4.0`,
      ].join('\n'),
    });
    const fromStart = await call(sim, 'POST', repoPath('/releases/generate-notes'), { body: { tag_name: 'v1.3.0' } });
    expect(fromStart.body).toEqual({ name: 'v1.3.0', body: `**Full Changelog**: ${web}/commits/v1.3.0` });
    expect(
      (await call(sim, 'POST', repoPath('/releases/generate-notes'), { body: { tag_name: 'v2.0.0' } })).status,
    ).toBe(422);
    // Nothing is saved.
    expect(sim.releases()).toHaveLength(1);
  });

  it('creates milestones, refuses a duplicate title and lists them by state', async () => {
    const sim = await startSim();
    const created = await call(sim, 'POST', repoPath('/milestones'), {
      body: { title: 'v1.5.0', description: 'Next', due_on: '2026-12-31T00:00:00Z' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 1,
      title: 'v1.5.0',
      state: 'open',
      due_on: '2026-12-31T00:00:00Z',
      html_url: `${sim.htmlUrl}/acme/acme-tool/milestone/1`,
    });
    const duplicate = await call(sim, 'POST', repoPath('/milestones'), { body: { title: 'v1.5.0' } });
    expect([duplicate.status, (duplicate.body as { errors: unknown[] }).errors]).toEqual([
      422,
      [{ resource: 'Milestone', code: 'already_exists', field: 'title' }],
    ]);
    await call(sim, 'POST', repoPath('/milestones'), { body: { title: 'v1.4.0', state: 'closed' } });
    const titles = async (query: string) =>
      ((await call(sim, 'GET', repoPath(`/milestones${query}`))).body as Release[]).map((m) => m.title);
    expect(await titles('')).toEqual(['v1.5.0']);
    expect(await titles('?state=closed')).toEqual(['v1.4.0']);
    expect(await titles('?state=all')).toEqual(['v1.5.0', 'v1.4.0']);
  });
});
