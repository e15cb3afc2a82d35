/*
 * The facts the release flows hand from step to step, with the shape the journal keeps them in.
 * A step declares which of these it needs and which it gives; `test/engine/flow-shape.test.ts`
 * checks for every flow that each need is given by an earlier step.
 */
import * as v from 'valibot';
import { defineFact } from '../fact';

const isoTime = v.pipe(
  v.string(),
  v.check((text) => !Number.isNaN(Date.parse(text))),
);

/** Where the release started: the project and the version it had then (the header's "from"). */
export const ReleaseStart = defineFact(
  'release-start',
  'the version the release started from',
  v.object({
    name: v.string(),
    version: v.string(),
  }),
);

/** The events each publish workflow runs on, as Prepare's analysis read them. */
export const WorkflowTriggers = defineFact(
  'workflow-triggers',
  "the publish workflows' triggers",
  v.object({
    pypi: v.optional(v.array(v.string()), []),
    testpypi: v.optional(v.array(v.string()), []),
  }),
);

/** The version this release publishes, and what its choice implies. */
export const ChosenVersion = defineFact(
  'chosen-version',
  'the chosen version',
  v.object({
    version: v.string(),
    tag: v.string(),
    bumpClass: v.optional(v.string(), 'unknown'),
    migrationRequired: v.optional(v.boolean(), false),
    prerelease: v.optional(v.boolean(), false),
    /** The file the version was written to (an interrupted run may have left it modified). */
    file: v.optional(v.string()),
    supportChanges: v.optional(v.array(v.string()), []),
  }),
);

/** The local commit that writes the version (HEAD when the tag is the version). */
export const VersionCommit = defineFact(
  'version-commit',
  'the version commit',
  v.object({
    sha: v.nullable(v.string()),
  }),
);

/** The pull request that carries the release commit into a protected branch. */
export const ReleasePullRequest = defineFact(
  'release-pull-request',
  'the release pull request',
  v.object({
    number: v.pipe(v.number(), v.integer()),
    url: v.string(),
  }),
);

/** The commit being released, as it is on origin (pushed, or merged through a pull request). */
export const ReleaseCommit = defineFact(
  'release-commit',
  'the release commit',
  v.object({
    sha: v.string(),
  }),
);

/** CI's verdict on the release commit: given once, it stands for that commit. */
export const CiVerdict = defineFact(
  'ci-verdict',
  "CI's verdict on the release commit",
  v.object({
    sha: v.string(),
    checks: v.array(v.string()),
  }),
);

/** The draft GitHub Release Prepare saved the notes in. */
export const DraftRelease = defineFact(
  'draft-release',
  'the draft GitHub Release',
  v.object({
    id: v.pipe(v.number(), v.integer()),
    url: v.string(),
  }),
);

/** Who confirmed which launch checklist item, and when. */
export const ChecklistConfirmations = defineFact(
  'checklist',
  'the launch checklist confirmations',
  v.object({
    items: v.array(v.object({ id: v.string(), text: v.string(), by: v.string(), at: v.string() })),
  }),
);

/** The release candidate chosen for the TestPyPI dry run. */
export const ChosenCandidate = defineFact(
  'chosen-candidate',
  'the release candidate',
  v.object({
    version: v.string(),
  }),
);

/** What was recorded before a workflow run was triggered, so the run can be found again. */
export const TriggerRecordSchema = v.object({
  workflow: v.string(),
  event: v.picklist(['workflow_dispatch', 'release', 'push']),
  /** ISO time taken just before the trigger. */
  triggeredAt: isoTime,
  knownRunIds: v.array(v.pipe(v.number(), v.integer())),
  headSha: v.optional(v.string()),
});
export type TriggerRecord = v.InferOutput<typeof TriggerRecordSchema>;

const runFields = {
  runId: v.optional(v.pipe(v.number(), v.integer())),
  runUrl: v.optional(v.string()),
  attempt: v.optional(v.pipe(v.number(), v.integer())),
  conclusion: v.optional(v.string()),
};

/**
 * The TestPyPI run of the candidate, from its trigger to its end. `version` moves on when the
 * maintainer retries with the next candidate; everything else belongs to that version.
 */
export const CandidateRun = defineFact(
  'candidate-run',
  'the TestPyPI run of the candidate',
  v.object({
    version: v.string(),
    trigger: v.optional(TriggerRecordSchema),
    /** GitHub confirmed the trigger (a dispatch answered, a pre-release created). */
    triggered: v.optional(v.boolean()),
    prereleaseId: v.optional(v.pipe(v.number(), v.integer())),
    prereleaseUrl: v.optional(v.string()),
    ...runFields,
  }),
);

/** The tag (or published release) that starts the PyPI workflow, with what was recorded before it. */
export const PublishTrigger = defineFact(
  'publish-trigger',
  'the tag that starts the publish run',
  v.object({
    trigger: v.optional(TriggerRecordSchema),
    tag: v.optional(v.string()),
    sha: v.optional(v.string()),
    pushed: v.optional(v.boolean()),
    /** The release-triggered variant: the GitHub Release was published by the tag step. */
    releaseUrl: v.optional(v.string()),
  }),
);

const jobSchema = v.object({
  name: v.string(),
  conclusion: v.nullable(v.string()),
  seconds: v.nullable(v.number()),
});

/** The PyPI publish run. */
export const PublishRun = defineFact(
  'publish-run',
  'the PyPI publish run',
  v.object({
    ...runFields,
    runId: v.pipe(v.number(), v.integer()),
    jobs: v.optional(v.array(jobSchema)),
  }),
);

const filesOnIndex = v.object({
  version: v.string(),
  files: v.array(v.object({ filename: v.string(), sha256: v.string(), url: v.string() })),
  hashesVerified: v.optional(v.boolean(), false),
});

export type FilesOnIndex = v.InferOutput<typeof filesOnIndex>;

/** The files TestPyPI serves for the candidate. */
export const CandidateFiles = defineFact('candidate-files', "the candidate's files on TestPyPI", filesOnIndex);
/** The files PyPI serves for the release. */
export const ReleaseFiles = defineFact('release-files', "the release's files on PyPI", filesOnIndex);

const smokeResult = v.object({
  version: v.string(),
  passed: v.boolean(),
  results: v.array(
    v.object({
      name: v.string(),
      kind: v.string(),
      status: v.string(),
      exitCode: v.nullable(v.number()),
      seconds: v.number(),
    }),
  ),
  installedFrom: v.optional(v.string()),
});

export type SmokeRecord = v.InferOutput<typeof smokeResult>;

/** The smoke test of the candidate from TestPyPI. */
export const CandidateSmoke = defineFact('candidate-smoke', "the candidate's smoke test", smokeResult);
/** The smoke test of the release from PyPI. */
export const ReleaseSmoke = defineFact('release-smoke', "the release's smoke test", smokeResult);

/** The published GitHub Release. */
export const PublishedRelease = defineFact(
  'published-release',
  'the published GitHub Release',
  v.object({
    id: v.pipe(v.number(), v.integer()),
    url: v.string(),
  }),
);

/** The milestone opened for what comes next. */
export const NextMilestone = defineFact(
  'next-milestone',
  'the next milestone',
  v.object({
    title: v.string(),
    url: v.string(),
  }),
);

/** The development version the branch moved on to. */
export const DevVersion = defineFact(
  'dev-version',
  'the next development version',
  v.object({
    version: v.string(),
    sha: v.string(),
  }),
);

/** The release's links and time per stage, as the summary showed them. */
export const ReleaseSummary = defineFact(
  'release-summary',
  'the release summary',
  v.object({
    links: v.record(v.string(), v.string()),
    durations: v.array(v.object({ title: v.string(), ms: v.number() })),
  }),
);
