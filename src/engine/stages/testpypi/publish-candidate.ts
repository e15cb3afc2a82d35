import { PyreleaseError } from '../../../domain/errors';
import { formatTag } from '../../../domain/tags';
import { analyzeWorkflow, startsOnTag } from '../../../domain/workflows';
import { nextFreeCandidate } from '../../../domain/version';
import type { ProbeResult, StepContext, StepResult, WriteContext, WriteStep } from '../../step';
import { CandidateRun, ChosenCandidate, ChosenVersion, ReleaseCommit, WorkflowTriggers } from '../facts';
import type { ReleasePorts } from '../release-ports';
import { workflowEvents } from '../shared/publish-trigger';
import { runStartedBy, triggerRecord, type RunTriggerEvent } from '../shared/started-run';
import { tagAndPush } from '../shared/tag-and-push';
import { watchRun } from '../shared/watch-run';
import { rehearsalVersion } from './rehearsal';

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

type CandidateRunValue = NonNullable<ReturnType<typeof rememberedRun>>;

function rememberedRun(ctx: Ctx, version: string) {
  const run = ctx.get(CandidateRun);
  return run?.version === version ? run : undefined;
}

/** Adds to what is known of the run of `version` (a record of another version is dropped). */
async function remember(ctx: Ctx, version: string, patch: Partial<CandidateRunValue>): Promise<void> {
  await ctx.give(CandidateRun, { ...rememberedRun(ctx, version), ...patch, version });
}

/**
 * Starts the TestPyPI workflow for the candidate and watches its run to the end. Everything that
 * cannot be taken back is recorded before it happens, so a resumed session re-attaches to the run
 * (or finds the run a trigger started) instead of publishing a second time.
 */
export const publishCandidate: WriteStep<ReleasePorts> = {
  id: 'testpypi.publish',
  title: 'Publish the release candidate to TestPyPI',
  effect: 'write',
  needs: [ChosenVersion, ChosenCandidate, ReleaseCommit, WorkflowTriggers],
  gives: [CandidateRun],
  asks: ['testpypi.trigger', 'testpypi.watch.*'],
  async probe(ctx): Promise<ProbeResult> {
    const version = rehearsalVersion(ctx);
    const run = rememberedRun(ctx, version);
    if (run?.conclusion === 'success') return { state: 'done', detail: `${version}, run ${String(run.runUrl)}` };
    const { project } = await ctx.reads.session.project();
    if (await filesOnTestPyPI(ctx, project.name, version)) {
      await remember(ctx, version, {});
      return { state: 'done', detail: `TestPyPI already has the sdist and the wheel of ${version}` };
    }
    return { state: 'todo' };
  },
  async describe(ctx) {
    const { config } = await ctx.reads.session.project();
    const version = rehearsalVersion(ctx);
    const tag = formatTag(config.tagFormat, version);
    return [
      what(triggerOf(ctx), config.workflows.testpypi, await ctx.reads.session.branch(), version, tag),
      'watch the run until it has uploaded to TestPyPI',
    ];
  },
  async run(ctx): Promise<StepResult> {
    const { config, project } = await ctx.reads.session.project();
    const maxWaitMs = config.ciTimeout * 60_000;
    let version = rehearsalVersion(ctx);
    // A pre-release is rehearsed as itself: there is no "next candidate" of it to move on to.
    const allowNextCandidate = !ctx.need(ChosenVersion).prerelease;
    for (;;) {
      const runId = await startedRun(ctx, version, config.workflows.testpypi, maxWaitMs);
      const rehearsed = version;
      const watched = await watchRun(ctx, {
        runId,
        maxWaitMs,
        questionPrefix: 'testpypi.watch',
        allowNextCandidate,
        environmentHint: config.environments.testpypi,
        onAttempt: (run) => remember(ctx, rehearsed, run),
      });
      if (watched.next !== 'next-rc') {
        await remember(ctx, version, {
          runId: watched.runId,
          runUrl: watched.url,
          attempt: watched.attempt,
          conclusion: watched.conclusion,
        });
        return { detail: `${version} by run ${watched.runId}: ${watched.url}` };
      }
      const taken = ((await ctx.reads.testpypi.releases(project.name)) ?? []).map((release) => release.version);
      const final = ctx.need(ChosenVersion).version;
      const next = nextFreeCandidate(final, [...taken, version]);
      ctx.log(`Trying again as ${next}: run ${watched.runId} for ${version} failed.`);
      version = next;
      // Nothing of the failed candidate's trigger may be taken for the next one's.
      await ctx.give(CandidateRun, { version });
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
  const earlier = rememberedRun(ctx, version);
  if (earlier?.runId !== undefined) {
    ctx.log(`Re-attaching to run ${earlier.runId}, started earlier for ${version}.`);
    return earlier.runId;
  }
  if (earlier?.trigger) {
    const confirmed = earlier.triggered === true;
    const { event, triggeredAt } = earlier.trigger;
    ctx.log(`Looking for the run started earlier for ${version} (${event} at ${triggeredAt}).`);
    try {
      const runId = await runStartedBy(ctx, earlier.trigger, confirmed ? maxWaitMs : UNCONFIRMED_TRIGGER_GRACE_MS);
      await remember(ctx, version, { runId });
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
  const { config } = await ctx.reads.session.project();
  const { prerelease, tag: releaseTag } = ctx.need(ChosenVersion);
  // Every way out starts with the dispatch route; some add another, and all end with the resume.
  const dispatch =
    `Let ${config.workflows.testpypi} run on \`workflow_dispatch\` with a \`version\` input ` +
    `(\`pyrelease init\` writes one)`;
  const hint = (alternative?: string) =>
    `${dispatch}${alternative ? `, or ${alternative}` : ''}; then \`pyrelease --resume\`.`;
  if (prerelease && tag === releaseTag) {
    throw new PyreleaseError(
      'testpypi.rehearsal-is-release-tag',
      `The release ${releaseTag} is a pre-release, ` +
        `rehearsed as itself: a dry run by ${event === 'release' ? 'pre-release' : 'tag'} ` +
        `would create the release's own tag ${tag}.`,
      { hint: hint() },
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
        hint: hint(`narrow the tag filter of ${config.workflows.pypi} to final versions`),
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
        hint: hint(`skip pre-releases in ${config.workflows.pypi} (\`if: \${{ !github.event.release.prerelease }}\`)`),
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
  const { config } = await ctx.reads.session.project();
  const branch = await ctx.reads.session.branch();
  const event = triggerOf(ctx);
  const tag = formatTag(config.tagFormat, version);
  if (event !== 'workflow_dispatch') await refuseRouteThatStartsPyPI(ctx, event, tag);
  const sha = ctx.need(ReleaseCommit).sha;
  // A dispatch builds the tip of the branch: it must be the release commit, or the rehearsal tests another commit.
  if (event === 'workflow_dispatch') {
    await ctx.reads.git.fetch('origin');
    const tip = await ctx.reads.git.resolve(`refs/remotes/origin/${branch}`);
    if (tip !== sha) {
      throw new PyreleaseError(
        'testpypi.branch-moved',
        `origin/${branch} is at ${tip?.slice(0, 7) ?? 'nothing'}, not at the release commit ${sha.slice(0, 7)}: ` +
          `a dispatch would rehearse another commit.`,
        {
          hint:
            `Rehearse before merging more into ${branch}, or start a new release from its ` +
            `tip (\`pyrelease\`, then "Abandon it").`,
        },
      );
    }
  }
  const go = await ctx.ask({
    kind: 'confirm',
    id: 'testpypi.trigger',
    message: `${what(event, workflow, branch, version, tag).replace(/^./, (first) => first.toUpperCase())}?`,
    detail: `This publishes ${version} to TestPyPI, where it stays: a version can never be uploaded twice.`,
    default: true,
  });
  if (!go) {
    throw new PyreleaseError('testpypi.declined', `The TestPyPI dry run of ${version} was not started.`, {
      hint: 'Run `pyrelease --resume` when you are ready to start it.',
    });
  }
  // Recorded before anything is triggered. A dispatch runs on the branch's tip, just checked to be the release commit.
  const record = await triggerRecord(ctx, { workflow, event, headSha: sha });
  await ctx.give(CandidateRun, { version, trigger: record });
  if (event === 'workflow_dispatch') {
    const dispatched = await ctx.writes.github.dispatch(workflow, branch, { version });
    await remember(ctx, version, { triggered: true });
    ctx.log(`Dispatched ${workflow} on ${branch} with version=${version}.`);
    if (dispatched.runId !== undefined) {
      await remember(ctx, version, { runId: dispatched.runId });
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
    await remember(ctx, version, { triggered: true, prereleaseId: release.id, prereleaseUrl: release.htmlUrl });
    ctx.log(`Published the pre-release ${tag}: ${release.htmlUrl}`);
  } else {
    await tagAndPush(
      ctx,
      { name: tag, sha, message: `Release candidate ${version}`, sign: config.signTags },
      { elsewhere: 'testpypi.tag-elsewhere', refused: 'testpypi.tag-push' },
    );
    await remember(ctx, version, { triggered: true });
    ctx.log(`Pushed the tag ${tag}.`);
  }
  const runId = await runStartedBy(ctx, record, maxWaitMs);
  await remember(ctx, version, { runId });
  return runId;
}
