import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitHubSim, PullRequestOpenedEvent } from '../github-sim';
import { MERGE_BOT_ENV } from '../push-relay';
import { sandboxGit } from '../sample-project/sandbox-git';
import type { WorkflowsSim } from './workflows-sim';

export interface MergeBotWorld {
  sim: GitHubSim;
  /** Runs the required checks and keeps the bot's work visible to `idle()`. */
  actions: Pick<WorkflowsSim, 'requiredChecks' | 'track'>;
  /** The bare remote the merge is pushed to. */
  remoteDir: string;
  /** Scratch space for the merge clones (removed after each merge). */
  workRoot: string;
  log: (line: string) => void;
}

/** GitHub commits the merges its button makes; the author is whoever pressed it. */
const GITHUB_COMMITTER = { GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com' };

/**
 * The reviewers and merge button of a protected branch, simulated: a pull request opened through
 * the API gets the required checks on its head; when they all pass it is merged for real in the
 * bare remote (a merge commit, pushed past the protected-branch hook), which the push relay reports
 * like any push, and the simulator marks it merged. Failing checks leave it open, as branch
 * protection would. Returns the detach function.
 */
export function attachMergeBot(world: MergeBotWorld): () => void {
  return world.sim.on('pull-request-opened', (event) => world.actions.track(mergeWhenGreen(world, event)));
}

async function mergeWhenGreen(world: MergeBotWorld, event: PullRequestOpenedEvent): Promise<void> {
  const outcomes = await world.actions.requiredChecks(event.headSha);
  const failed = outcomes.filter((outcome) => outcome.conclusion !== 'success').map((outcome) => outcome.name);
  if (failed.length > 0) {
    world.log(
      `merge bot: pull request #${event.number} stays open: required checks failed on ${event.headSha.slice(0, 7)}: ` +
        `${failed.join(', ')}`,
    );
    return;
  }
  const pr = world.sim.pullRequests().find((candidate) => candidate.number === event.number);
  if (pr?.state !== 'open') {
    world.log(`merge bot: pull request #${event.number} was closed meanwhile; nothing to merge`);
    return;
  }
  try {
    const sha = await mergeInRemote(world, event, pr.title);
    world.sim.mergePullRequest(event.number, sha);
    world.log(
      `merge bot: merged pull request #${event.number} (${event.head} into ${event.base}) as ${sha.slice(0, 7)}`,
    );
  } catch (error) {
    // A conflict or a refused push: on GitHub the pull request would just stay unmergeable.
    world.log(
      `merge bot: pull request #${event.number} stays ` +
        `open: the merge failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** `git merge --no-ff` of the checked head into the base in a throwaway clone, pushed to the bare remote. */
async function mergeInRemote(world: MergeBotWorld, event: PullRequestOpenedEvent, title: string): Promise<string> {
  await mkdir(world.workRoot, { recursive: true });
  const dir = await mkdtemp(join(world.workRoot, `merge-${event.number}-`));
  try {
    await sandboxGit(world.workRoot, ['clone', '--quiet', '--branch', event.base, world.remoteDir, dir]);
    // GitHub's merge message: the subject names the branch, the body is the pull request's title.
    const message = ['-m', `Merge pull request #${event.number} from ${world.sim.owner}/${event.head}`, '-m', title];
    await sandboxGit(dir, ['merge', '--no-ff', '--quiet', ...message, event.headSha], { env: GITHUB_COMMITTER });
    await sandboxGit(dir, ['push', '--quiet', 'origin', `HEAD:refs/heads/${event.base}`], {
      env: { [MERGE_BOT_ENV]: '1' },
    });
    return await sandboxGit(dir, ['rev-parse', 'HEAD']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
