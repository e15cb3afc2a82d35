import { PyreleaseError } from '../../../domain/errors';
import type { WriteContext } from '../../step';
import type { ReleasePorts } from '../release-ports';

export interface TagToPush {
  name: string;
  sha: string;
  message: string;
  sign: boolean;
}

/**
 * Creates the annotated (or signed) tag where it is missing and pushes that one tag. A local tag
 * at another commit stops: an earlier session may have made it, or someone else did, and either
 * way it is not ours to move. Error codes name the stage (`tag.push-refused`, `testpypi.tag-push`).
 */
export async function tagAndPush(
  ctx: WriteContext<ReleasePorts>,
  tag: TagToPush,
  codes: { elsewhere: string; refused: string },
): Promise<void> {
  const short = (sha: string) => sha.slice(0, 7);
  // An earlier session may have made the tag and died before pushing it.
  const local = await ctx.reads.git.localTag(tag.name);
  if (local && local.sha !== tag.sha) {
    throw new PyreleaseError(
      codes.elsewhere,
      `The local tag ${tag.name} points at ${short(local.sha)}, not at the release commit ${short(tag.sha)}.`,
      { hint: `Delete it (\`git tag -d ${tag.name}\`) if it is a leftover, then \`pyrelease --resume\`.` },
    );
  }
  if (!local) {
    await ctx.writes.git.createTag(tag);
    ctx.log(`Created the ${tag.sign ? 'signed' : 'annotated'} tag ${tag.name} at ${short(tag.sha)}.`);
  }
  const pushed = await ctx.writes.git.pushTag('origin', tag.name);
  if (!pushed.ok) {
    throw new PyreleaseError(codes.refused, `origin refused ${tag.name}: ${pushed.message}`, {
      hint: pushed.protected
        ? 'A tag protection rule refused it: ask an admin to allow release tags, then `pyrelease --resume`.'
        : 'Fix the cause named above, then `pyrelease --resume`.',
    });
  }
}
