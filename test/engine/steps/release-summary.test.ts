import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ReleaseConfig } from '../../../src/domain/config';
import type { ParsedPyproject } from '../../../src/domain/pyproject';
import {
  CandidateRun,
  ChosenVersion,
  NextMilestone,
  PublishedRelease,
  PublishRun,
  PublishTrigger,
  ReleaseSummary,
} from '../../../src/engine/stages/facts';
import { releaseSummary, type StageTitle } from '../../../src/engine/stages/finalize/release-summary';
import type { StepRecord } from '../../../src/ports/journal-store';
import { chosenVersion } from '../../helpers/release-fixtures';
import { fakeSession, fakeStepContext, given, strict, type Given } from '../../helpers/step-context';

const T0 = Date.UTC(2026, 4, 1, 10, 0, 0);
const iso = (ms: number) => new Date(T0 + ms).toISOString();
const ran = (from: number, to: number): StepRecord => ({
  state: 'done',
  title: 'x',
  attempts: 1,
  startedAt: iso(from),
  finishedAt: iso(to),
});

const STAGES: StageTitle[] = [
  { id: 'prepare', title: 'Prepare' },
  { id: 'tag', title: 'Tag' },
  { id: 'publish', title: 'Publish' },
  { id: 'finalize', title: 'Finalize' },
];

const RELEASE_URL = 'https://github.com/acme/quillnote/releases/tag/v1.2.0';
const RUN_URL = 'https://github.com/acme/quillnote/actions/runs/501';
const CANDIDATE_URL = 'https://github.com/acme/quillnote/actions/runs/400';
const MILESTONE_URL = 'https://github.com/acme/quillnote/milestone/8';

function world(options: { facts?: Given[]; records?: Record<string, StepRecord>; config?: Partial<ReleaseConfig> }) {
  const step = releaseSummary(STAGES);
  const config: ReleaseConfig = { ...DEFAULT_CONFIG, ...options.config };
  const fake = fakeStepContext({
    step,
    reads: {
      session: fakeSession({ config, project: strict<ParsedPyproject>('project', { name: 'quillnote' }) }),
    },
    facts: [given(ChosenVersion, chosenVersion('1.2.0')), ...(options.facts ?? [])],
    stepRecords: options.records ?? {},
  });
  return { step, fake };
}

describe('finalize.summary', () => {
  it('reports every link it knows and the time per stage, and gives ReleaseSummary', async () => {
    const { step, fake } = world({
      facts: [
        given(PublishedRelease, { id: 77, url: RELEASE_URL }),
        given(PublishRun, { runId: 501, runUrl: RUN_URL }),
        given(CandidateRun, { version: '1.2.0rc1', runUrl: CANDIDATE_URL }),
        given(NextMilestone, { title: 'v1.2.1', url: MILESTONE_URL }),
      ],
      records: {
        'prepare.version': ran(0, 4_000),
        'prepare.bump-commit': ran(5_000, 95_000),
        'tag.create': ran(100_000, 102_500),
        'finalize.release': ran(200_000, 201_000),
      },
    });
    expect(await step.run(fake.ctx)).toEqual({ detail: 'quillnote 1.2.0 released' });
    expect(fake.reports).toEqual([
      [
        'quillnote 1.2.0 is on PyPI, installed and smoke-tested from there.',
        '  PyPI              https://pypi.org/project/quillnote/1.2.0/',
        `  GitHub Release    ${RELEASE_URL}`,
        `  Publish run       ${RUN_URL}`,
        `  TestPyPI dry run  ${CANDIDATE_URL} (1.2.0rc1)`,
        `  Next milestone    ${MILESTONE_URL}`,
        // Publish has no step records yet: it is left out, not shown as 0s.
        'Time per stage: Prepare 1m 34s · Tag 2.5s · Finalize 1.0s',
      ],
    ]);
    expect(fake.gave).toEqual([
      {
        key: 'release-summary',
        value: {
          links: {
            PyPI: 'https://pypi.org/project/quillnote/1.2.0/',
            'GitHub Release': RELEASE_URL,
            'Publish run': RUN_URL,
            'TestPyPI dry run': `${CANDIDATE_URL} (1.2.0rc1)`,
            'Next milestone': MILESTONE_URL,
          },
          durations: [
            { title: 'Prepare', ms: 94_000 },
            { title: 'Tag', ms: 2_500 },
            { title: 'Finalize', ms: 1_000 },
          ],
        },
      },
    ]);
  });

  it('takes the GitHub Release from the tag step when the release published it', async () => {
    const { step, fake } = world({
      facts: [given(PublishTrigger, { tag: 'v1.2.0', pushed: true, releaseUrl: RELEASE_URL })],
    });
    await step.run(fake.ctx);
    expect(fake.fact(ReleaseSummary)?.links).toEqual({
      PyPI: 'https://pypi.org/project/quillnote/1.2.0/',
      'GitHub Release': RELEASE_URL,
    });
  });

  it('prefers the published release over the tag step’s link', async () => {
    const { step, fake } = world({
      facts: [
        given(PublishedRelease, { id: 77, url: RELEASE_URL }),
        given(PublishTrigger, { releaseUrl: 'https://github.com/acme/quillnote/releases/tag/stale' }),
      ],
    });
    await step.run(fake.ctx);
    expect(fake.fact(ReleaseSummary)?.links['GitHub Release']).toBe(RELEASE_URL);
  });

  it('shows only the links it knows, aligned to the longest label shown', async () => {
    const { step, fake } = world({
      facts: [given(PublishRun, { runId: 501 }), given(CandidateRun, { version: '1.2.0rc1' })],
      config: { index: { pypi: 'https://pypi.example.org/', testpypi: 'https://test.pypi.example.org' } },
    });
    await step.run(fake.ctx);
    expect(fake.reports).toHaveLength(1);
    expect(fake.reports[0]?.slice(0, 2)).toEqual([
      'quillnote 1.2.0 is on PyPI, installed and smoke-tested from there.',
      '  PyPI  https://pypi.example.org/project/quillnote/1.2.0/',
    ]);
    expect(fake.fact(ReleaseSummary)).toEqual({
      links: { PyPI: 'https://pypi.example.org/project/quillnote/1.2.0/' },
      durations: [],
    });
  });

  it('counts only finished steps of each stage, over every session', async () => {
    const { step, fake } = world({
      records: {
        'publish.watch': ran(0, 30_000),
        'publish.verify': { state: 'running', title: 'x', attempts: 1, startedAt: iso(40_000) },
        // A step of another stage whose id merely starts with the same letters.
        'publisher.other': ran(0, 500_000),
      },
    });
    await step.run(fake.ctx);
    expect(fake.fact(ReleaseSummary)?.durations).toEqual([{ title: 'Publish', ms: 30_000 }]);
    expect(fake.reports[0]?.at(-1)).toBe('Time per stage: Publish 30s');
  });
});
