import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxGit } from '../../src/sandbox/sample-project/sandbox-git';
import { mirrorCreatedTag } from '../../src/sandbox/workflows-sim/remote-tags';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** A bare remote holding one commit on main, as the sandbox's GitHub keeps its git data. */
async function bareRemote(): Promise<{ remote: string; sha: string }> {
  const dir = tempDir();
  const work = join(dir, 'work');
  const remote = join(dir, 'remote.git');
  await sandboxGit(dir, ['init', '--quiet', '--bare', '--initial-branch=main', remote]);
  await sandboxGit(dir, ['init', '--quiet', '--initial-branch=main', work]);
  await sandboxGit(work, ['commit', '--quiet', '--allow-empty', '-m', 'Initial commit']);
  await sandboxGit(work, ['push', '--quiet', remote, 'main']);
  return { remote, sha: await sandboxGit(work, ['rev-parse', 'HEAD']) };
}

describe('mirrorCreatedTag: a tag GitHub creates reaches the bare remote', () => {
  it('creates a missing tag at the commit, once', async () => {
    const { remote, sha } = await bareRemote();
    expect(await mirrorCreatedTag(remote, 'v1.0.0rc1', sha)).toBe(true);
    expect(await sandboxGit(remote, ['rev-parse', 'refs/tags/v1.0.0rc1'])).toBe(sha);
    expect(await mirrorCreatedTag(remote, 'v1.0.0rc1', sha)).toBe(false);
  });

  it('leaves a pushed tag alone and ignores objects git does not have', async () => {
    const { remote, sha } = await bareRemote();
    await sandboxGit(remote, ['update-ref', 'refs/tags/v1.0.0', sha]);
    expect(await mirrorCreatedTag(remote, 'v1.0.0', '0123456789abcdef0123456789abcdef01234567')).toBe(false);
    expect(await sandboxGit(remote, ['rev-parse', 'refs/tags/v1.0.0'])).toBe(sha);
    expect(await mirrorCreatedTag(remote, 'v2.0.0', 'fedcba9876543210fedcba9876543210fedcba98')).toBe(false);
    expect(await sandboxGit(remote, ['tag', '--list'])).toBe('v1.0.0');
  });
});
