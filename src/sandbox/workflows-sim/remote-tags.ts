import { sandboxGit } from '../sample-project/sandbox-git';

const ZERO = '0'.repeat(40);

/**
 * GitHub creates the tag when a release is published for a tag that does not exist yet (and when
 * `POST /git/refs` makes one). The sandbox keeps GitHub's git data in the bare remote, so such a
 * tag has to be written there as well: a `git fetch` finds it then, and runs check it out. A tag
 * that came with a `git push` is there already. Resolves with whether the tag was created.
 */
export async function mirrorCreatedTag(remoteDir: string, tag: string, sha: string): Promise<boolean> {
  const ref = `refs/tags/${tag}`;
  const exists = (args: string[]) =>
    sandboxGit(remoteDir, args).then(
      () => true,
      () => false,
    );
  if (await exists(['rev-parse', '--verify', '--quiet', ref])) return false;
  // A tag object made through the API alone is unknown to git: there is nothing to point at.
  if (!(await exists(['cat-file', '-e', `${sha}^{commit}`]))) return false;
  // The all-zero old value makes git refuse if the tag appeared in between.
  await sandboxGit(remoteDir, ['update-ref', ref, sha, ZERO]);
  return true;
}
