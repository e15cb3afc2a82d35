import { PyreleaseError } from '../../../domain/errors';
import { formatTag } from '../../../domain/tags';
import { analyzeWorkflow, startsOnTag } from '../../../domain/workflows';
import { nextFreeCandidate } from '../../../domain/version';
import type { StepOutputs } from '../../journal';
import type { ProbeResult, StepContext, WriteContext, WriteStep } from '../../step';
import { chosenVersion, releaseCommit } from '../prepare/outputs';
import type { ReleasePorts } from '../release-ports';
import { workflowEvents } from '../shared/publish-trigger';
import {
  recordTrigger,
  recordedTrigger,
  runStartedBy,
  type RunTriggerEvent,
  type TriggerRecord,
} from '../shared/started-run';
import { watchRun } from '../shared/watch-run';
import { rehearsalVersion } from './rehearsal';

const STEP = 'testpypi.publish';
/**
 * After a session died between recording the trigger and hearing back, how long to look for its run before triggering
 * again.
 */
const UNCONFIRMED_TRIGGER_GRACE_MS = 20_000;

type Ctx = StepContext<ReleasePorts>;

/** How the TestPyPI workflow is started, from the analysis Prepare made of it: a dispatch where it can be. */
function triggerOf(ctx: Ctx): RunTriggerEvent {
  const list = workflowEvents(ctx, 'testpypi');
  if (list.includes('workflow_dispatch')) return 'workflow_dispatch';
  if (list.includes('release')) return 'release';
  if (list.includes('push')) return 'push';
  throw new PyreleaseError(
    'testpypi.no-trigger',
    `The TestPyPI workflow starts on ${list.join(', ') || 'no event'}, none of which pyrelease can trigger.`,
    {
      hint:
        'Let it run on `workflow_dispatch` (with a `version` input) or on a ' +
        'published pre-release; `pyrelease init` writes such a workflow.',
    },
  );
}

async function filesOnTestPyPI(ctx: Ctx, project: string, version: string): Promise<boolean> {
  const files = await ctx.reads.testpypi.filesOf(project, version, { signal: ctx.signal });
  return files.some((file) => file.packagetype === 'sdist') && files.some((file) => file.packagetype === 'bdist_wheel');
}

function what(event: RunTriggerEvent, workflow: string, branch: string, version: string, tag: string): string {
  if (event === 'workflow_dispatch') return `dispatch ${workflow} on ${branch} with version=${version}`;
  if (event === 'release')
    return `publish a GitHub pre-release ${tag} (GitHub creates the tag), which starts ${workflow}`;
  return `create and push the tag ${tag}, which starts ${workflow}`;
}

/**
 * Starts the TestPyPI workflow for the candidate and watches its run to the end. Everything that
 * cannot be taken back is recorded before it happens, so a resumed session re-attaches to the run
 * (or finds the run a trigger started) instead of publishing a second time.
 */
export const publishCandidate: WriteStep<ReleasePorts> = {
  id: STEP,
  title: 'Publish the release candidate to TestPyPI',
  effect: 'write',
  needs: ['prepare.push', 'testpypi.candidate'],
  async probe(ctx): Promise<ProbeResult> {
    const version = rehearsalVersion(ctx);
    const outputs = ctx.outputsOf(STEP);
    if (outputs?.['version'] === version && outputs['conclusion'] === 'success')
      return { state: 'done', detail: `${version}, run ${String(outputs['runUrl'])}` };
    const { project } = await ctx.reads.project.load();
    if (await filesOnTestPyPI(ctx, project.name, version)) {
      return {
        state: 'done',
        detail: `TestPyPI already has the sdist and the wheel of ${version}`,
        outputs: { version, summary: `${version} already on TestPyPI` },
      };
    }
    return { state: 'todo' };
  },
  async describe(ctx) {
    const { config } = await ctx.reads.project.load();
    const version = rehearsalVersion(ctx);
    const tag = formatTag(config.tagFormat, version);
    return [
      what(triggerOf(ctx), config.workflows.testpypi, config.branch, version, tag),
      'watch the run until it has uploaded to TestPyPI',
    ];
  },
  async run(ctx): Promise<StepOutputs> {
    const { config, project } = await ctx.reads.project.load();
    const maxWaitMs = config.ciTimeout * 60_000;
    let version = rehearsalVersion(ctx);
    // A pre-release is rehearsed as itself: there is no "next candidate" of it to move on to.
    const allowNextCandidate = !chosenVersion(ctx).prerelease;
    for (;;) {
      const runId = await startedRun(ctx, version, config.workflows.testpypi, maxWaitMs);
      const watched = await watchRun(ctx, {
        runId,
        maxWaitMs,
        questionPrefix: 'testpypi.watch',
        allowNextCandidate,
        environmentHint: config.environments.testpypi,
      });
      if (watched.next !== 'next-rc') {
        return {
          summary: `${version} by run ${watched.runId}: ${watched.url}`,
          version,
          runId: watched.runId,
          runUrl: watched.url,
          attempt: watched.attempt,
          conclusion: watched.conclusion,
        };
      }
      const taken = ((await ctx.reads.testpypi.releases(project.name)) ?? []).map((release) => release.version);
      const final = chosenVersion(ctx).version;
      const next = nextFreeCandidate(final, [...taken, version]);
      ctx.log(`Trying again as ${next}: run ${watched.runId} for ${version} failed.`);
      version = next;
      // Nothing of the failed candidate's trigger may be taken for the next one's.
      await ctx.record({
        version,
        runId: null,
        runUrl: null,
        attempt: null,
        trigger: null,
        triggered: null,
        prereleaseId: null,
        prereleaseUrl: null,
      });
    }
  },
};

/** The run publishing `version`: re-attached, found after an unconfirmed trigger, or started now. */
async function startedRun(
  ctx: WriteContext<ReleasePorts>,
  version: string,
  workflow: string,
  maxWaitMs: number,
): Promise<number> {
  const outputs = ctx.outputsOf(STEP);
  const sameVersion = outputs?.['version'] === version;
  const recordedRun = outputs?.['runId'];
  if (sameVersion && typeof recordedRun === 'number') {
    ctx.log(`Re-attaching to run ${recordedRun}, started earlier for ${version}.`);
    return recordedRun;
  }
  const earlier = sameVersion ? recordedTrigger(outputs) : undefined;
  if (earlier) {
    const confirmed = outputs?.['triggered'] === true;
    ctx.log(`Looking for the run started earlier for ${version} (${earlier.event} at ${earlier.triggeredAt}).`);
    try {
      const runId = await runStartedBy(ctx, earlier, confirmed ? maxWaitMs : UNCONFIRMED_TRIGGER_GRACE_MS);
      await ctx.record({ runId });
      return runId;
    } catch (error) {
      // A trigger GitHub confirmed has a run somewhere: starting another would publish twice.
      if (confirmed || !(error instanceof PyreleaseError && error.code === 'run.not-found')) throw error;
      ctx.log('No run appeared for the earlier trigger, which GitHub never confirmed: triggering again.');
    }
  }
  return trigger(ctx, version, workflow, maxWaitMs);
}

/**
 * The pre-release and rc-tag routes put a tag `vX.Y.ZrcN` (and maybe a published pre-release) on
 * GitHub. When the PyPI workflow runs on that tag, or on any published release without a guard for
 * pre-releases, the candidate would go to the real PyPI as well, where it can never be taken back.
 */
async function refuseRouteThatStartsPyPI(ctx: Ctx, event: RunTriggerEvent, tag: string): Promise<void> {
  const { config } = await ctx.reads.project.load();
  const { prerelease, tag: releaseTag } = chosenVersion(ctx);
  const hint =
    `Let ${config.workflows.testpypi} run on \`workflow_dispatch\` with a \`version\` input ` +
    `(\`pyrelease init\` writes one); then \`pyrelease --resume\`.`;
  if (prerelease && tag === releaseTag) {
    throw new PyreleaseError(
      'testpypi.rehearsal-is-release-tag',
      `The release ${releaseTag} is a pre-release, rehearsed as itself: a dry run by ${event === 'release' ? 'pre-release' : 'tag'} ` +
        `would create the release's own tag ${tag}.`,
      { hint },
    );
  }
  const text = await ctx.reads.project.readFile(`.github/workflows/${config.workflows.pypi}`);
  if (text === undefined) return;
  const { triggers } = analyzeWorkflow({
    file: config.workflows.pypi,
    text,
    index: 'pypi',
    environment: config.environments.pypi,
    tagFormat: config.tagFormat,
  });
  if (startsOnTag(triggers, tag)) {
    throw new PyreleaseError(
      'testpypi.rc-tag-starts-pypi',
      `The dry run would create the tag ${tag}, and ${config.workflows.pypi} runs on that tag too: the ` +
        `candidate would go to PyPI, not only to TestPyPI.`,
      {
        hint:
          `${hint.replace(/; then .*$/, '')}, or narrow the tag filter of ${config.workflows.pypi} to final versions; then ` +
          `\`pyrelease --resume\`.`,
      },
    );
  }
  if (
    event === 'release' &&
    workflowEvents(ctx, 'pypi').includes('release') &&
    !/github\.event\.release\.prerelease/.test(text)
  ) {
    throw new PyreleaseError(
      'testpypi.prerelease-starts-pypi',
      `${config.workflows.pypi} runs on published releases and does not leave pre-releases out, so ` +
        `the pre-release ${tag} would publish the candidate to PyPI too.`,
      {
        hint:
          `${hint.replace(/; then .*$/, '')}, or skip pre-releases in ${config.workflows.pypi} (\`if: \${{ ` +
          `!github.event.release.prerelease }}\`); then \`pyrelease --resume\`.`,
      },
    );
  }
}

async function trigger(
  ctx: WriteContext<ReleasePorts>,
  version: string,
  workflow: string,
  maxWaitMs: number,
): Promise<number> {
  const { config } = await ctx.reads.project.load();
  const event = triggerOf(ctx);
  const tag = formatTag(config.tagFormat, version);
  if (event !== 'workflow_dispatch') await refuseRouteThatStartsPyPI(ctx, event, tag);
  const sha = releaseCommit(ctx);
  // A dispatch builds the tip of the branch: it must be the release commit, or the rehearsal tests another commit.
  if (event === 'workflow_dispatch') {
    await ctx.reads.git.fetch('origin');
    const tip = await ctx.reads.git.resolve(`refs/remotes/origin/${config.branch}`);
    if (tip !== sha) {
      throw new PyreleaseError(
        'testpypi.branch-moved',
        `origin/${config.branch} is at ${tip?.slice(0, 7) ?? 'nothing'}, not at the release commit ${sha.slice(0, 7)}: a dispatch would ` +
          `rehearse another commit.`,
        {
          hint:
            `Rehearse before merging more into ${config.branch}, or start a new release from its ` +
            `tip (\`pyrelease\`, then "Abandon it").`,
        },
      );
    }
  }
  const go = await ctx.ask({
    kind: 'confirm',
    id: 'testpypi.trigger',
    message: `${what(event, workflow, config.branch, version, tag).replace(/^./, (first) => first.toUpperCase())}?`,
    detail: `This publishes ${version} to TestPyPI, where it stays: a version can never be uploaded twice.`,
    default: true,
  });
  if (!go) {
    throw new PyreleaseError('testpypi.declined', `The TestPyPI dry run of ${version} was not started.`, {
      hint: 'Run `pyrelease --resume` when you are ready to start it.',
    });
  }
  await ctx.record({ version });
  // A dispatch runs on the branch's tip, which was just checked to be the release commit.
  const record: TriggerRecord = await recordTrigger(ctx, { workflow, event, headSha: sha });
  if (event === 'workflow_dispatch') {
    const dispatched = await ctx.writes.github.dispatch(workflow, config.branch, { version });
    await ctx.record({ triggered: true });
    ctx.log(`Dispatched ${workflow} on ${config.branch} with version=${version}.`);
    if (dispatched.runId !== undefined) {
      await ctx.record({ runId: dispatched.runId });
      return dispatched.runId;
    }
  } else if (event === 'release') {
    const release = await ctx.writes.github.createRelease({
      tagName: tag,
      targetCommitish: sha,
      name: `${version} (TestPyPI dry run)`,
      body: `Release candidate ${version}, published to TestPyPI only.`,
      draft: false,
      prerelease: true,
      makeLatest: 'false',
    });
    await ctx.record({ triggered: true, prereleaseId: release.id, prereleaseUrl: release.htmlUrl });
    ctx.log(`Published the pre-release ${tag}: ${release.htmlUrl}`);
  } else {
    // An earlier session may have made the tag and died before pushing it.
    const local = await ctx.reads.git.localTag(tag);
    if (local && local.sha !== sha)
      throw new PyreleaseError(
        'testpypi.tag-elsewhere',
        `The local tag ${tag} points at ${local.sha.slice(0, 7)}, not at the release commit ${sha.slice(0, 7)}.`,
        { hint: `Delete it (\`git tag -d ${tag}\`) if it is a leftover, then \`pyrelease --resume\`.` },
      );
    if (!local)
      await ctx.writes.git.createTag({
        name: tag,
        sha,
        message: `Release candidate ${version}`,
        sign: config.signTags,
      });
    const pushed = await ctx.writes.git.pushTag('origin', tag);
    if (!pushed.ok)
      throw new PyreleaseError('testpypi.tag-push', `Pushing ${tag} was refused: ${pushed.message}`, {
        hint: 'Fix the cause named above, then run `pyrelease --resume`.',
      });
    await ctx.record({ triggered: true });
    ctx.log(`Pushed the tag ${tag}.`);
  }
  const runId = await runStartedBy(ctx, record, maxWaitMs);
  await ctx.record({ runId });
  return runId;
}
