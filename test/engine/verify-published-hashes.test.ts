import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { PyreleaseError } from '../../src/domain/errors';
import { PRINT_HASH_HEADER } from '../../src/domain/publish-log-hashes';
import { verifyPublishedHashes } from '../../src/engine/stages/shared/verify-published-hashes';
import type { IndexedReleaseFile } from '../../src/engine/stages/shared/wait-for-index';
import type { GitHubReads, JobStep, WorkflowJob } from '../../src/ports/github';
import { fakeStepContext, strict, type FakeStepContext } from '../helpers/step-context';

const RUN_ID = 4242;
const RUN_URL = 'https://github.com/acme/acme-tool/actions/runs/4242';
const SDIST = 'acme_tool-1.4.0.tar.gz';
const WHEEL = 'acme_tool-1.4.0-py3-none-any.whl';
const SDIST_SHA = 'e5761b7f4858ac07e4bca585ece0e1700a3cbc15adb8ce5bd5098e5875f06175';
const WHEEL_SHA = 'e531480054f841cb7445acb7c55354896650c051b17c51b688a137b819097b75';
const FORGED_SHA = '0'.repeat(63) + '1';

const onPyPI = (sdistSha = SDIST_SHA, wheelSha = WHEEL_SHA): IndexedReleaseFile[] => [
  { filename: WHEEL, sha256: wheelSha, url: `https://files.pythonhosted.org/packages/${WHEEL}` },
  { filename: SDIST, sha256: sdistSha, url: `https://files.pythonhosted.org/packages/${SDIST}` },
];

function steps(...names: string[]): JobStep[] {
  return names.map((name, index) => ({
    name,
    number: index + 1,
    status: 'completed',
    conclusion: 'success',
    startedAt: null,
    completedAt: null,
  }));
}

function job(
  id: number,
  name: string,
  stepNames: string[],
  conclusion: WorkflowJob['conclusion'] = 'success',
): WorkflowJob {
  return {
    id,
    runId: RUN_ID,
    runAttempt: 1,
    name,
    status: 'completed',
    conclusion,
    createdAt: '',
    startedAt: '',
    completedAt: null,
    htmlUrl: null,
    headSha: 'abc',
    workflowName: 'Publish to PyPI',
    headBranch: 'v1.4.0',
    labels: [],
    runnerName: null,
    steps: steps(...stepNames),
  };
}

const BUILD = job(1, 'Build distributions', [
  'Set up job',
  'Run actions/checkout@v6',
  'Build the sdist and the wheel',
  'Complete job',
]);
const PUBLISH = job(2, 'Publish to PyPI', [
  'Set up job',
  'Run actions/download-artifact@v6',
  'Run pypa/gh-action-pypi-publish@release/v1',
  'Complete job',
]);

/** A downloaded job log, timestamps and all, with the action's hash block when `hashes` are given. */
function publishLog(hashes?: Record<string, string>, extra: string[] = []): string {
  const block = hashes
    ? [
        PRINT_HASH_HEADER,
        ...Object.entries(hashes).flatMap(([file, sha]) => [
          `/github/workspace/dist/${file}`,
          '',
          `SHA256: ${sha}`,
          'MD5: 00',
          'BLAKE2-256: 00',
          '',
        ]),
      ]
    : [];
  const lines = [
    '##[group]Run pypa/gh-action-pypi-publish@release/v1',
    '##[endgroup]',
    ...block,
    'Uploading distributions to https://upload.pypi.org/legacy/',
    ...extra,
    'Uploading done',
  ];
  return `\uFEFF${lines.map((line) => `2026-05-01T10:00:00.1234567Z ${line}`).join('\n')}\n`;
}

type LogAnswer = string | undefined | Error;

interface Harness {
  fake: FakeStepContext;
  logsRead: number[];
}

/** What the comparison may do besides reading GitHub: lines in the log, nothing else. */
const made: Harness[] = [];
afterEach(() => {
  for (const { fake } of made.splice(0)) {
    expect([fake.stderr, fake.warnings, fake.reports, fake.gave, fake.asked, fake.header]).toEqual([
      [],
      [],
      [],
      [],
      [],
      {},
    ]);
  }
});

/** A strict context: GitHub answers `jobs` and `jobLog` from the tables given, nothing else is there. */
function harness(options: { jobs?: WorkflowJob[] | Error; logs?: Record<number, LogAnswer> }): Harness {
  const logsRead: number[] = [];
  const github = strict<GitHubReads>('reads.github', {
    jobs: async (runId) => {
      expect(runId).toBe(RUN_ID);
      if (options.jobs instanceof Error) throw options.jobs;
      return options.jobs ?? [BUILD, PUBLISH];
    },
    jobLog: async (jobId) => {
      logsRead.push(jobId);
      const logs = options.logs ?? {};
      if (!Object.hasOwn(logs, jobId)) throw new Error(`the log of job ${jobId} was not expected to be read`);
      const answer = logs[jobId];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  const h = { fake: fakeStepContext({ reads: { github } }), logsRead };
  made.push(h);
  return h;
}

/** The publish run as `PublishRun` keeps it after the watch. */
const WATCHED = { runId: RUN_ID, runUrl: RUN_URL };

const verify = (h: Harness, files = onPyPI(), run: { runId?: number; runUrl?: string } = WATCHED) =>
  verifyPublishedHashes(h.fake.ctx, {
    index: 'pypi',
    run,
    files,
    project: 'acme-tool',
    version: '1.4.0',
    config: DEFAULT_CONFIG,
  });

describe('verifyPublishedHashes', () => {
  it('reads only the publishing job and says each file matches what the run uploaded', async () => {
    const h = harness({ logs: { [PUBLISH.id]: publishLog({ [SDIST]: SDIST_SHA, [WHEEL]: WHEEL_SHA }) } });
    expect(await verify(h)).toBe(true);
    expect(h.logsRead).toEqual([PUBLISH.id]);
    expect(h.fake.lines).toEqual([
      `sha256 of ${WHEEL} matches what run ${RUN_ID} uploaded`,
      `sha256 of ${SDIST} matches what run ${RUN_ID} uploaded`,
    ]);
  });

  it('stops on a file PyPI serves with another hash than the run uploaded, naming both and what to do', async () => {
    const h = harness({ logs: { [PUBLISH.id]: publishLog({ [SDIST]: SDIST_SHA, [WHEEL]: WHEEL_SHA }) } });
    const error = await verify(h, onPyPI(SDIST_SHA, FORGED_SHA)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PyreleaseError);
    const mismatch = error as PyreleaseError;
    expect(mismatch.code).toBe('publish.hash-mismatch');
    expect(mismatch.message).toContain(
      `${WHEEL}: PyPI serves sha256 ${FORGED_SHA}, run ${RUN_ID} uploaded sha256 ${WHEEL_SHA}`,
    );
    expect(mismatch.message).not.toContain(`${SDIST}:`);
    expect(mismatch.hint).toContain('Do not install acme-tool 1.4.0');
    expect(mismatch.hint).toContain(
      'Yank the release on PyPI (https://pypi.org/manage/project/acme-tool/release/1.4.0/',
    );
    expect(mismatch.hint).toContain('https://pypi.org/project/acme-tool/1.4.0/');
    expect(mismatch.hint).toContain('investigate');
    expect(mismatch.hint).toContain(RUN_URL);
    // The file that does match is still said before the stop.
    expect(h.fake.lines).toEqual([`sha256 of ${SDIST} matches what run ${RUN_ID} uploaded`]);
  });

  it('leaves the run log out of the advice when the run has no link recorded', async () => {
    const h = harness({ logs: { [PUBLISH.id]: publishLog({ [SDIST]: SDIST_SHA, [WHEEL]: WHEEL_SHA }) } });
    await expect(verify(h, onPyPI(FORGED_SHA), { runId: RUN_ID })).rejects.toMatchObject({
      code: 'publish.hash-mismatch',
      hint: expect.not.stringContaining("the run's log"),
    });
  });

  it('says so in one line and goes on when the run logged no hashes (a workflow without print-hash)', async () => {
    const h = harness({ logs: { [PUBLISH.id]: publishLog() } });
    expect(await verify(h)).toBe(false);
    expect(h.fake.lines).toEqual([
      `Run ${RUN_ID} did not log the hashes of what it uploaded (\`print-hash: true\` on its pypa/gh-action-pypi-publish step does): the files on PyPI were not compared with them.`,
    ]);
  });

  it.each<[string, LogAnswer, string]>([
    [
      'fails to download',
      new Error('HTTP 410: logs expired'),
      'the log of Publish to PyPI could not be read (HTTP 410: logs expired)',
    ],
    ['is not there (yet)', undefined, 'the log of Publish to PyPI is not available'],
  ])('says so and goes on when the log %s', async (_what, answer, said) => {
    const h = harness({ logs: { [PUBLISH.id]: answer } });
    expect(await verify(h)).toBe(false);
    expect(h.fake.lines).toEqual([
      `In run ${RUN_ID}, ${said}: the files on PyPI were not compared with what it uploaded.`,
    ]);
  });

  it('says so and goes on when the jobs of the run cannot be read', async () => {
    const h = harness({ jobs: new Error('HTTP 502') });
    expect(await verify(h)).toBe(false);
    expect(h.fake.lines).toEqual([
      `The jobs of run ${RUN_ID} could not be read (HTTP 502): the files on PyPI were not compared with what it uploaded.`,
    ]);
  });

  it('tries each job that ran when no step names the action (a renamed step), skipped jobs left alone', async () => {
    const renamed = job(3, 'Release', ['Set up job', 'Publish', 'Complete job']);
    const skipped = job(4, 'Publish to TestPyPI', [], 'skipped');
    const h = harness({
      jobs: [BUILD, skipped, renamed],
      logs: { [BUILD.id]: 'building\n', [renamed.id]: publishLog({ [SDIST]: SDIST_SHA, [WHEEL]: WHEEL_SHA }) },
    });
    expect(await verify(h)).toBe(true);
    expect(h.logsRead).toEqual([BUILD.id, renamed.id]);
    expect(h.fake.lines).toContain(`sha256 of ${SDIST} matches what run ${RUN_ID} uploaded`);
  });

  it('compares only the files in both, and says which it could not', async () => {
    const h = harness({
      logs: { [PUBLISH.id]: publishLog({ [SDIST]: SDIST_SHA, [`${SDIST}.publish.attestation`]: 'a'.repeat(64) }) },
    });
    expect(await verify(h)).toBe(false);
    expect(h.fake.lines).toEqual([
      `${WHEEL} is on PyPI but not among the files run ${RUN_ID} hashed: not compared.`,
      `sha256 of ${SDIST} matches what run ${RUN_ID} uploaded`,
    ]);
  });

  it('does not compare a file twine skipped as already on the index: PyPI has an earlier upload of it', async () => {
    const h = harness({
      logs: {
        [PUBLISH.id]: publishLog({ [SDIST]: SDIST_SHA, [WHEEL]: FORGED_SHA }, [
          `WARNING  Skipping ${WHEEL} because it appears to already exist`,
        ]),
      },
    });
    expect(await verify(h)).toBe(false);
    expect(h.fake.lines).toEqual([
      `Run ${RUN_ID} skipped ${WHEEL} as already on PyPI: that file came from an earlier upload, not compared.`,
      `sha256 of ${SDIST} matches what run ${RUN_ID} uploaded`,
    ]);
  });

  it('says so without asking GitHub when no publish run is recorded', async () => {
    const h = harness({ jobs: new Error('must not be asked') });
    expect(await verify(h, onPyPI(), {})).toBe(false);
    expect(h.fake.lines).toEqual([
      'No publish run is recorded, so the files on PyPI were not compared with what it uploaded.',
    ]);
  });
});
