import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Sandbox } from '../../src/sandbox/sandbox';
import { sandboxGit } from '../../src/sandbox/sample-project/sandbox-git';

/** What a release left in the sandbox: tags on the remote, GitHub releases and milestones, index files, triggers. */
export async function releaseState(sandbox: Sandbox) {
  const tags = (await sandboxGit(sandbox.project.remoteDir, ['tag', '--list'])).split('\n').filter(Boolean);
  const filesOf = (index: 'pypi' | 'testpypi', version: string) =>
    sandbox[index]
      .files('quillnote')
      .filter((file) => file.version === version)
      .map((file) => file.packagetype)
      .sort();
  return {
    tags,
    releases: sandbox.github
      .releases()
      .map((release) => ({ tag: release.tagName, draft: release.draft, prerelease: release.prerelease })),
    milestones: sandbox.github.milestones().map((milestone) => milestone.title),
    pypi: (version: string) => filesOf('pypi', version),
    testpypi: (version: string) => filesOf('testpypi', version),
    counts: sandbox.actions.counts(),
  };
}

/** The state an uninterrupted default release of 0.1.1 leaves: one tag, one published release, one milestone, the files on both indexes, one dispatch. */
export async function expectReleased(
  sandbox: Sandbox,
  options: { version?: string; candidate?: string; dispatches?: number } = {},
): Promise<void> {
  const version = options.version ?? '0.1.1';
  const state = await releaseState(sandbox);
  expect(state.tags.sort()).toEqual(['v0.1.0', `v${version}`]);
  expect(state.releases.filter((release) => release.tag === `v${version}`)).toEqual([
    { tag: `v${version}`, draft: false, prerelease: false },
  ]);
  expect(state.milestones).toEqual(['v0.1.2']);
  expect(state.pypi(version)).toEqual(['bdist_wheel', 'sdist']);
  expect(state.testpypi(options.candidate ?? `${version}rc1`)).toEqual(['bdist_wheel', 'sdist']);
  expect(state.counts.dispatch).toBe(options.dispatches ?? 1);
}

/** Virtual environments the smoke tests left in a temporary directory. */
export function leftoverVenvs(tmp: string): string[] {
  return readdirSync(tmp).filter((name) => name.startsWith('pyrelease-venv-'));
}
