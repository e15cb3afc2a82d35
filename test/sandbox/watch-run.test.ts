import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OctokitGitHub } from '../../src/adapters/github-octokit';
import { systemClock } from '../../src/adapters/system-clock';
import { PyreleaseError } from '../../src/domain/errors';
import type { AnswerValue } from '../../src/engine/prompter';
import { CandidateRun, PublishRun } from '../../src/engine/stages/facts';
import { tailOfJobLog } from '../../src/engine/stages/shared/run-view';
import {
  describeRunChanges,
  findNewRun,
  watchRun,
  type JobView,
  type StepView,
  type WatchRunOptions,
} from '../../src/engine/stages/shared/watch-run';
import type { Sandbox } from '../../src/sandbox/sandbox';
import type { SandboxScenario } from '../../src/sandbox/scenarios';
import { fastSandbox } from '../helpers/sandbox-cli';
import { fakeStepContext, type FakeStepContext } from '../helpers/step-context';

// ---------------------------------------------------------------------------------------------
// describeRunChanges: pure, table-driven.

const at = (second: number) => new Date(Date.UTC(2026, 4, 1, 10, 0, second)).toISOString().replace('.000Z', 'Z');

function step(
  number: number,
  name: string,
  state: 'queued' | 'running' | 'success' | 'failure' | 'skipped',
  from = 0,
  to = from,
): StepView {
  if (state === 'queued')
    return { number, name, status: 'queued', conclusion: null, startedAt: null, completedAt: null };
  if (state === 'running')
    return { number, name, status: 'in_progress', conclusion: null, startedAt: at(from), completedAt: null };
  return { number, name, status: 'completed', conclusion: state, startedAt: at(from), completedAt: at(to) };
}

function job(
  name: string,
  status: JobView['status'],
  conclusion: JobView['conclusion'],
  steps: StepView[] = [],
  seconds?: [number, number],
): JobView {
  return {
    name,
    status,
    conclusion,
    startedAt: at(seconds?.[0] ?? 0),
    completedAt: status === 'completed' ? at(seconds?.[1] ?? 0) : null,
    steps,
  };
}

const BUILD = ['Set up job', 'Run actions/checkout@v6', 'Build the sdist and the wheel', 'Complete job'];
const PUBLISH = ['Set up job', 'Run pypa/gh-action-pypi-publish@release/v1', 'Complete job'];
const queued = (names: string[]) => names.map((name, index) => step(index + 1, name, 'queued'));

const buildRunning = job('Build distributions', 'in_progress', null, [
  step(1, 'Set up job', 'success', 0, 1),
  step(2, 'Run actions/checkout@v6', 'running', 1),
  step(3, BUILD[2]!, 'queued'),
  step(4, 'Complete job', 'queued'),
]);
const buildDone = job(
  'Build distributions',
  'completed',
  'success',
  [
    step(1, 'Set up job', 'success', 0, 1),
    step(2, 'Run actions/checkout@v6', 'success', 1, 2),
    step(3, BUILD[2]!, 'success', 2, 8),
    step(4, 'Complete job', 'success', 8, 8),
  ],
  [0, 8],
);
const publishFailed = job(
  'Publish to PyPI',
  'completed',
  'failure',
  [
    step(1, 'Set up job', 'success', 9, 9),
    step(2, PUBLISH[1]!, 'failure', 9, 12),
    step(3, 'Complete job', 'skipped', 12, 12),
  ],
  [9, 12],
);

describe('describeRunChanges', () => {
  it.each<{ name: string; previous: JobView[] | undefined; current: JobView[]; lines: string[] }>([
    {
      name: 'a queued job seen for the first time, its queued steps not listed',
      previous: undefined,
      current: [job('Build distributions', 'queued', null, queued(BUILD))],
      lines: ['* Build distributions (queued)'],
    },
    {
      name: 'a job that starts: the job first, then the steps that moved',
      previous: [job('Build distributions', 'queued', null, queued(BUILD))],
      current: [buildRunning],
      lines: ['* Build distributions', '  ✓ Set up job in 1.0s', '  * Run actions/checkout@v6'],
    },
    { name: 'nothing changed: nothing printed', previous: [buildRunning], current: [buildRunning], lines: [] },
    {
      name: 'a job that finishes: its last steps, then the job with its time',
      previous: [buildRunning],
      current: [buildDone],
      lines: [
        '  ✓ Run actions/checkout@v6 in 1.0s',
        '  ✓ Build the sdist and the wheel in 6.0s',
        '  ✓ Complete job in 0.0s',
        '✓ Build distributions in 8.0s',
      ],
    },
    {
      name: 'a failed step and job, the rest skipped',
      previous: [
        buildDone,
        job('Publish to PyPI', 'in_progress', null, [
          step(1, 'Set up job', 'success', 9, 9),
          step(2, PUBLISH[1]!, 'running', 9),
          step(3, 'Complete job', 'queued'),
        ]),
      ],
      current: [buildDone, publishFailed],
      lines: [
        '  ✗ Run pypa/gh-action-pypi-publish@release/v1 in 3.0s',
        '  - Complete job in 0.0s',
        '✗ Publish to PyPI in 3.0s',
      ],
    },
    {
      name: 'a job that waits for an environment',
      previous: [buildDone],
      current: [buildDone, job('Publish to PyPI', 'waiting', null, queued(PUBLISH))],
      lines: ['* Publish to PyPI (waiting)'],
    },
    {
      name: 'a job skipped without running',
      previous: [buildDone],
      current: [buildDone, job('Publish to TestPyPI', 'completed', 'skipped', [], [9, 9])],
      lines: ['- Publish to TestPyPI in 0.0s'],
    },
    {
      name: 'a re-run attempt: the job carried over is not printed again, the re-run one is',
      previous: [buildDone, publishFailed],
      current: [buildDone, job('Publish to PyPI', 'queued', null, queued(PUBLISH))],
      lines: ['* Publish to PyPI (queued)'],
    },
    {
      name: 'a re-run job seen only once it has finished: all its steps again, though some read the same',
      previous: [buildDone, publishFailed],
      current: [
        buildDone,
        job(
          'Publish to PyPI',
          'completed',
          'success',
          [
            step(1, 'Set up job', 'success', 9, 9),
            step(2, PUBLISH[1]!, 'success', 9, 10),
            step(3, 'Complete job', 'success', 10, 10),
          ],
          [9, 10],
        ),
      ],
      lines: [
        '  ✓ Set up job in 0.0s',
        '  ✓ Run pypa/gh-action-pypi-publish@release/v1 in 1.0s',
        '  ✓ Complete job in 0.0s',
        '✓ Publish to PyPI in 1.0s',
      ],
    },
    {
      name: 'long jobs read in seconds and minutes',
      previous: undefined,
      current: [
        job('Build distributions', 'completed', 'success', [], [0, 42]),
        job('Publish to PyPI', 'completed', 'cancelled', [], [0, 59]),
      ],
      lines: ['✓ Build distributions in 42s', '✗ Publish to PyPI in 59s'],
    },
  ])('$name', ({ previous, current, lines }) => {
    expect(describeRunChanges(previous, current)).toEqual(lines);
  });
});

describe('tailOfJobLog', () => {
  it('drops the byte-order mark, the timestamps and the group markers, and keeps the last lines', () => {
    const log =
      '\uFEFF2026-05-01T10:00:00.1234567Z ##[group]Run build\n2026-05-01T10:00:01.1234567Z building\n2026-05-01T10:00:02.0000000Z ##[endgroup]\n2026-05-01T10:00:03.0000000Z ##[error]HTTPError: 503\n';
    expect(tailOfJobLog(log, 3)).toEqual(['▸ Run build', 'building', 'Error: HTTPError: 503']);
    expect(tailOfJobLog(log, 1)).toEqual(['Error: HTTPError: 503']);
  });
});

// ---------------------------------------------------------------------------------------------
// watchRun and findNewRun against the sandbox: real runs of the sample's workflows, driven through
// the real Octokit adapter.

// Asynchronous on purpose: the remote's hook calls back into this process (the push relay).
async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('git', args, { cwd, encoding: 'utf8' });
  return stdout.trim();
}

interface Harness extends FakeStepContext {
  github: OctokitGitHub;
  /** As the TestPyPI step does: each attempt the watcher sees goes into the candidate's run at once. */
  intoCandidateRun(version: string): WatchRunOptions['onAttempt'];
  /** As the publish step does: each attempt goes into the publish run at once. */
  intoPublishRun: WatchRunOptions['onAttempt'];
}

/** A write context on the sandbox: fast pacing, the system clock, lines collected, answers from a map (strictly). */
function harness(sandbox: Sandbox, answers: Record<string, AnswerValue> = {}): Harness {
  const github = new OctokitGitHub({
    owner: sandbox.github.owner,
    repo: sandbox.github.repo,
    token: sandbox.env.GH_TOKEN!,
    baseUrl: sandbox.github.url,
  });
  const fake = fakeStepContext({
    reads: { github, clock: systemClock, pacing: { pollIntervalMs: 25 } },
    writes: { github },
    answers,
  });
  return {
    ...fake,
    github,
    intoCandidateRun: (version) => (run) => fake.ctx.give(CandidateRun, { version, ...run }),
    intoPublishRun: (run) => fake.ctx.give(PublishRun, run),
  };
}

/** What a watch does besides its lines and questions: nothing on stderr, no report, no header. */
function expectNoBlocks(h: Harness): void {
  expect([h.reports, h.header]).toEqual([[], {}]);
}

/** Releases `version` the way a maintainer would by hand: bump, commit, push main, tag, push the tag. */
async function pushReleaseTag(sandbox: Sandbox, version: string): Promise<string> {
  const { projectDir } = sandbox.project;
  const pyproject = join(projectDir, 'pyproject.toml');
  await writeFile(
    pyproject,
    (await readFile(pyproject, 'utf8')).replace('version = "0.1.0"', `version = "${version}"`),
  );
  await writeFile(
    join(projectDir, 'src', 'quillnote', '__init__.py'),
    `"""quillnote: plain-text notebooks."""\n\n__version__ = "${version}"\n`,
  );
  await git(projectDir, 'commit', '-q', '-am', `Release ${version}`);
  await git(projectDir, 'push', '-q', 'origin', 'main');
  await git(projectDir, 'tag', '-a', `v${version}`, '-m', `Release ${version}`);
  await git(projectDir, 'push', '-q', 'origin', `v${version}`);
  return git(projectDir, 'rev-parse', 'HEAD');
}

/** The publish run of a tag just pushed, found the way the publish stage will find it. */
async function publishRunOf(sandbox: Sandbox, h: Harness, version: string) {
  const known = (await h.github.runsForWorkflow('publish-pypi.yml', { perPage: 100 })).map((run) => run.id);
  const after = new Date();
  const sha = await pushReleaseTag(sandbox, version);
  return findNewRun(h.ctx, {
    workflow: 'publish-pypi.yml',
    event: 'push',
    headSha: sha,
    after,
    knownIds: known,
    maxWaitMs: 20_000,
  });
}

const runUrl = (sandbox: Sandbox, id: number) =>
  `${sandbox.github.htmlUrl}/${sandbox.github.owner}/${sandbox.github.repo}/actions/runs/${id}`;

describe('watchRun on the sandbox (default)', () => {
  let sandbox: Sandbox;
  let scenario: SandboxScenario;
  beforeAll(async () => {
    sandbox = await fastSandbox('default', (chosen) => (scenario = chosen));
  });
  afterAll(async () => {
    await sandbox?.actions.idle();
    await sandbox?.stop();
  });

  it('prints each job and step as it changes and returns the jobs of a successful run', async () => {
    const h = harness(sandbox);
    const dispatched = await h.github.dispatch('publish-testpypi.yml', 'main', { version: '' });
    const runId = dispatched.runId!;
    const watched = await watchRun(h.ctx, {
      runId,
      maxWaitMs: 30_000,
      questionPrefix: 'testpypi.run',
      environmentHint: 'testpypi',
      onAttempt: h.intoCandidateRun('0.1.0'),
    });

    expect(watched).toEqual({
      runId,
      conclusion: 'success',
      attempt: 1,
      url: runUrl(sandbox, runId),
      jobs: [
        { name: 'Build distributions', conclusion: 'success', seconds: expect.any(Number) },
        { name: 'Publish to TestPyPI', conclusion: 'success', seconds: expect.any(Number) },
      ],
    });
    expect(h.gave).toEqual([
      { key: CandidateRun.key, value: { version: '0.1.0', runId, runUrl: runUrl(sandbox, runId), attempt: 1 } },
    ]);
    expect(h.lines[0]).toBe(`Watching Publish to TestPyPI run ${runId}: ${runUrl(sandbox, runId)}`);
    // Each job finishes exactly once, after its steps, and only changes are printed.
    const finished = h.lines.filter((line) => /^✓ (Build|Publish)/.test(line));
    expect(finished).toEqual([
      expect.stringMatching(/^✓ Build distributions in \d+\.\ds$/),
      expect.stringMatching(/^✓ Publish to TestPyPI in \d+\.\ds$/),
    ]);
    const upload = h.lines.findIndex((line) =>
      /^ {2}✓ Run pypa\/gh-action-pypi-publish@release\/v1 in \d+\.\ds$/.test(line),
    );
    expect(upload).toBeGreaterThan(0);
    expect(upload).toBeLessThan(h.lines.indexOf(finished[1]!));
    expect(h.lines.filter((line) => line.startsWith('* Build distributions'))).toHaveLength(
      new Set(h.lines.filter((line) => line.startsWith('* Build distributions'))).size,
    );
    expect(h.lines.at(-1)).toBe(`✓ Run Publish to TestPyPI (${runId}) completed with 'success'`);
    expect([h.asked, h.warnings, h.stderr]).toEqual([[], [], []]);
    expectNoBlocks(h);
  });

  it('returns the failure for the next release candidate when offered and chosen', async () => {
    const h = harness(sandbox, { 'testpypi.run.on-failure': 'next-rc' });
    // The workflow builds the version asked for, so the check's failure is injected, as a build
    // whose version the workflow did not set would fail it.
    scenario.actions.failures.push({
      workflow: 'publish-testpypi.yml',
      step: 'Check the tag matches',
      times: 1,
      reason: 'the version input says 0.1.0rc9, but the build produced 0.1.0: fix the version, then tag again',
    });
    const runId = (await h.github.dispatch('publish-testpypi.yml', 'main', { version: '0.1.0rc9' })).runId!;
    const watched = await watchRun(h.ctx, {
      runId,
      maxWaitMs: 30_000,
      questionPrefix: 'testpypi.run',
      allowNextCandidate: true,
      onAttempt: h.intoCandidateRun('0.1.0rc9'),
    });

    expect(watched).toEqual({
      runId,
      conclusion: 'failure',
      attempt: 1,
      url: runUrl(sandbox, runId),
      next: 'next-rc',
      jobs: [
        { name: 'Build distributions', conclusion: 'failure', seconds: expect.any(Number) },
        { name: 'Publish to TestPyPI', conclusion: 'skipped', seconds: expect.any(Number) },
      ],
    });
    expect(h.asked.map((question) => question.id)).toEqual(['testpypi.run.on-failure']);
    // The failed run stays recorded for the candidate it was for; the step moves on from there.
    expect(h.fact(CandidateRun)).toEqual({
      version: '0.1.0rc9',
      runId,
      runUrl: runUrl(sandbox, runId),
      attempt: 1,
    });
    expectNoBlocks(h);
    expect(h.stderr).toContain(
      '  Error: the version input says 0.1.0rc9, but the build produced 0.1.0: fix the version, then tag again',
    );
    expect(h.lines).toContainEqual(
      expect.stringMatching(/^ {2}✗ Check the tag matches the built version in \d+\.\ds$/),
    );
    expect(h.lines).toContainEqual(expect.stringMatching(/^- Publish to TestPyPI/));
  });

  it('findNewRun ignores runs known before, and runs older than `after`', async () => {
    const h = harness(sandbox);
    const before = await h.github.runsForWorkflow('publish-testpypi.yml', { perPage: 100 });
    expect(before.length).toBeGreaterThan(0);
    const after = new Date();
    const sha = await git(sandbox.project.projectDir, 'rev-parse', 'HEAD');
    // Looks first, dispatches while it polls: the run shows up a few polls later.
    const finding = findNewRun(h.ctx, {
      workflow: 'publish-testpypi.yml',
      event: 'workflow_dispatch',
      headSha: sha,
      after,
      knownIds: before.map((run) => run.id),
      maxWaitMs: 10_000,
    });
    const dispatched = await h.github.dispatch('publish-testpypi.yml', 'main', { version: '' });
    const found = await finding;
    expect(found.id).toBe(dispatched.runId);
    expect(before.map((run) => run.id)).not.toContain(found.id);

    // Every run was created well before an `after` two minutes from now (60 s of skew allowed).
    const future = new Date(Date.now() + 120_000);
    const error = await findNewRun(h.ctx, {
      workflow: 'publish-testpypi.yml',
      event: 'workflow_dispatch',
      after: future,
      knownIds: [],
      maxWaitMs: 100,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PyreleaseError);
    expect((error as PyreleaseError).code).toBe('run.not-found');
    // Each wait says it once (both were shorter than the half minute after which it is said
    // again); the first one only when its first look found nothing yet.
    expect([1, 2]).toContain(h.lines.length);
    for (const line of h.lines) {
      expect(line).toMatch(/^… waiting for GitHub to start the publish-testpypi\.yml run \(\d\.\ds so far\)$/);
    }
    await sandbox.actions.idle();
  });
});

describe('watchRun on the sandbox (approval)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await fastSandbox('approval');
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('says which environment waits, asks, approves and watches the run to its end', async () => {
    // Declined first: it keeps waiting, until the watch gives up with what was still going.
    const declined = harness(sandbox, { 'pypi.run.approve': false });
    const run = await publishRunOf(sandbox, declined, '0.2.0');
    // Only the wait for approval is timed here, not the build before it (slow machines).
    await vi.waitFor(() => expect(sandbox.github.run(run.id)?.status).toBe('waiting'), {
      timeout: 20_000,
      interval: 25,
    });
    const timeout = await watchRun(declined.ctx, {
      runId: run.id,
      environmentHint: 'pypi',
      maxWaitMs: 300,
      questionPrefix: 'pypi.run',
      onAttempt: declined.intoPublishRun,
    }).catch((caught: unknown) => caught);
    expect(timeout).toBeInstanceOf(PyreleaseError);
    expect((timeout as PyreleaseError).message).toBe(
      `Run ${run.id} did not finish within 0.3s; still going: Publish to PyPI (waiting). ${runUrl(sandbox, run.id)}`,
    );
    expect(declined.asked.map((question) => question.id)).toEqual(['pypi.run.approve']);
    expect(declined.fact(PublishRun)).toEqual({ runId: run.id, runUrl: runUrl(sandbox, run.id), attempt: 1 });
    expect(declined.lines).toContainEqual(
      expect.stringMatching(/^Waiting for someone to approve the pypi deployment: http/),
    );

    // A later watch (a resumed session) asks again, approves, and sees the run through.
    const h = harness(sandbox, { 'pypi.run.approve': true });
    const watched = await watchRun(h.ctx, {
      runId: run.id,
      environmentHint: 'pypi',
      maxWaitMs: 30_000,
      questionPrefix: 'pypi.run',
      onAttempt: h.intoPublishRun,
    });

    expect(watched).toMatchObject({ runId: run.id, conclusion: 'success', attempt: 1 });
    expect(h.asked.map((question) => question.id)).toEqual(['pypi.run.approve']);
    expectNoBlocks(h);
    expect(h.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^Run ${run.id} waits for approval of the pypi environment: http://\\S+environments_filter=pypi$`),
      ),
    ]);
    expect(h.lines).toContain('* Publish to PyPI (waiting)');
    const approved = h.lines.indexOf('Approved the pypi deployment.');
    expect(approved).toBeGreaterThan(h.lines.indexOf('* Publish to PyPI (waiting)'));
    expect(h.lines.slice(approved)).toContainEqual(expect.stringMatching(/^✓ Publish to PyPI in /));
    expect(sandbox.github.deployments().map((deployment) => deployment.environment)).toEqual(['pypi']);
    expect(sandbox.pypi.files('quillnote').filter((file) => file.version === '0.2.0')).toHaveLength(2);
  });
});

describe('watchRun on the sandbox (publish-fails)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await fastSandbox('publish-fails');
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('shows the failed log tail, stops with the link when asked, and re-attaches to re-run the failed jobs', async () => {
    const first = harness(sandbox, { 'pypi.run.on-failure': 'stop' });
    const run = await publishRunOf(sandbox, first, '0.2.0');
    const error = await watchRun(first.ctx, {
      runId: run.id,
      maxWaitMs: 30_000,
      questionPrefix: 'pypi.run',
      onAttempt: first.intoPublishRun,
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PyreleaseError);
    expect((error as PyreleaseError).message).toBe(
      `Publish to PyPI, step "Run pypa/gh-action-pypi-publish@release/v1", failed in run ${run.id} (attempt 1): ${runUrl(sandbox, run.id)}`,
    );
    expect((error as PyreleaseError).hint).toContain('`pyrelease --resume` re-attaches');
    expect(first.asked.map((question) => question.id)).toEqual(['pypi.run.on-failure']);
    // Recorded before the failure was known: a resumed session re-attaches to this run.
    expect(first.fact(PublishRun)).toEqual({ runId: run.id, runUrl: runUrl(sandbox, run.id), attempt: 1 });
    expect(first.stderr[0]).toBe('The log of Publish to PyPI ends:');
    expect(first.stderr).toContain('  Error: HTTPError: 503 Service Unavailable from the upload endpoint');
    expect(first.stderr.length).toBeLessThanOrEqual(26);
    expect(first.stderr.filter((line) => /\d{4}-\d{2}-\d{2}T|\uFEFF/.test(line))).toEqual([]);
    expect(first.lines).toContain(`✗ Run Publish to PyPI (${run.id}) completed with 'failure'`);

    // A later session (`--resume`) watches the same run again and re-runs the failed job.
    const second = harness(sandbox, { 'pypi.run.on-failure': 'rerun' });
    const watched = await watchRun(second.ctx, {
      runId: run.id,
      maxWaitMs: 30_000,
      questionPrefix: 'pypi.run',
      onAttempt: second.intoPublishRun,
    });
    expect(watched).toMatchObject({ runId: run.id, conclusion: 'success', attempt: 2, url: runUrl(sandbox, run.id) });
    expect(watched.jobs.map((entry) => [entry.name, entry.conclusion])).toEqual([
      ['Build distributions', 'success'],
      ['Publish to PyPI', 'success'],
    ]);
    expect(second.gave).toEqual([
      { key: PublishRun.key, value: { runId: run.id, runUrl: runUrl(sandbox, run.id), attempt: 1 } },
      { key: PublishRun.key, value: { runId: run.id, runUrl: runUrl(sandbox, run.id), attempt: 2 } },
    ]);
    expect(second.asked.map((question) => question.id)).toEqual(['pypi.run.on-failure']);
    expectNoBlocks(second);
    // After the re-run only the re-run job moves: the build that passed is not printed again.
    const rerun = second.lines.slice(second.lines.indexOf(`Re-running the failed jobs of run ${run.id}.`));
    expect(rerun).toContain(`Watching Publish to PyPI run ${run.id} (attempt 2): ${runUrl(sandbox, run.id)}`);
    expect(rerun.filter((line) => line.includes('Build distributions') || line.includes('Build the sdist'))).toEqual(
      [],
    );
    const publishLines = rerun.filter((line) =>
      /^ {2}[✓*] (Set up job|Run actions\/download-artifact@v6|Run pypa\/gh-action-pypi-publish@release\/v1|Complete job)/.test(
        line,
      ),
    );
    expect(new Set(publishLines.map((line) => line.replace(/^ {2}[✓*] /, '').replace(/ in \d+\.\ds$/, '')))).toEqual(
      new Set([
        'Set up job',
        'Run actions/download-artifact@v6',
        'Run pypa/gh-action-pypi-publish@release/v1',
        'Complete job',
      ]),
    );
    expect(rerun.at(-2)).toMatch(/^✓ Publish to PyPI in \d+\.\ds$/);
    expect(sandbox.actions.counts().rerun).toBe(1);
  });
});
