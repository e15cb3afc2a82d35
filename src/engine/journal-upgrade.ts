/*
 * Journals written by pyrelease 0.1 (schema 1) kept each step's outputs under the step's id and
 * knew a mode, not a flow. Only the release flow existed then, so every v1 journal is a release;
 * its outputs map onto the facts the steps give today. Whatever does not fit a fact's schema is
 * dropped: the probes find out again what is done.
 */
import { decodeFact, encodeFact, type AnyFact } from './fact';
import type { Json, JournalData, JournalDataV1, StoredJournal } from '../ports/journal-store';
import {
  CandidateFiles,
  CandidateRun,
  CandidateSmoke,
  ChecklistConfirmations,
  ChosenCandidate,
  ChosenVersion,
  CiVerdict,
  DevVersion,
  DraftRelease,
  NextMilestone,
  PublishRun,
  PublishTrigger,
  PublishedRelease,
  ReleaseCommit,
  ReleaseFiles,
  ReleasePullRequest,
  ReleaseSmoke,
  ReleaseStart,
  ReleaseSummary,
  VersionCommit,
  WorkflowTriggers,
} from './stages/facts';

type Outputs = { [key: string]: Json };

/** Each v1 step's outputs, as the facts its step gives now. */
const V1_OUTPUTS: Record<string, (outputs: Outputs) => [AnyFact, Json][]> = {
  'prepare.project': (o) => [[ReleaseStart, { name: o['name'] ?? null, version: o['version'] ?? null }]],
  'prepare.workflows': (o) => [[WorkflowTriggers, o['triggers'] ?? null]],
  'prepare.version': (o) => [[ChosenVersion, o]],
  'prepare.bump-commit': (o) => [[VersionCommit, { sha: o['sha'] ?? null }]],
  'prepare.push': (o) => [
    [ReleaseCommit, { sha: o['sha'] ?? null }],
    [
      ReleasePullRequest,
      { number: o['pullRequest'] ?? null, url: o['pullRequestUrl'] ?? `#${String(o['pullRequest'])}` },
    ],
  ],
  'prepare.ci': (o) => [[CiVerdict, o]],
  'prepare.release-notes': (o) => [[DraftRelease, { id: o['releaseId'] ?? null, url: o['url'] ?? null }]],
  'prepare.checklist': (o) => [[ChecklistConfirmations, { items: o['confirmations'] ?? null }]],
  'testpypi.candidate': (o) => [[ChosenCandidate, o]],
  'testpypi.publish': (o) => [[CandidateRun, o]],
  'testpypi.wait': (o) => [[CandidateFiles, o]],
  'testpypi.smoke': (o) => [[CandidateSmoke, o]],
  'tag.create': (o) => [[PublishTrigger, { ...o, pushed: o['triggered'] ?? null }]],
  'publish.watch': (o) => [[PublishRun, o]],
  'publish.wait': (o) => [[ReleaseFiles, o]],
  'smoke.pypi': (o) => [[ReleaseSmoke, o]],
  'finalize.release': (o) => [[PublishedRelease, { id: o['releaseId'] ?? null, url: o['url'] ?? null }]],
  'finalize.milestone': (o) => [[NextMilestone, o]],
  'finalize.dev-version': (o) => [[DevVersion, o]],
  'finalize.summary': (o) => [[ReleaseSummary, o]],
};

/** v1 wrote null for "no longer known" (a run forgotten for the next candidate): absent, today. */
function withoutNulls(value: Json): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== null));
}

function upgradeV1(data: JournalDataV1): JournalData {
  const facts: JournalData['facts'] = {};
  const steps: JournalData['steps'] = {};
  for (const [id, { outputs, ...record }] of Object.entries(data.steps)) {
    steps[id] = record;
    if (!outputs) continue;
    for (const [fact, value] of V1_OUTPUTS[id]?.(outputs) ?? []) {
      const decoded = decodeFact(fact, withoutNulls(value));
      if (decoded !== undefined) facts[fact.key] = encodeFact(fact, decoded);
    }
  }
  return {
    schema: 2,
    releaseId: data.releaseId,
    flow: 'release',
    params: {},
    state: data.state,
    createdAt: data.createdAt,
    updatedAt: data.updatedAt,
    writtenBy: data.writtenBy,
    release: data.release,
    facts,
    steps,
    answers: data.answers,
  };
}

/** The journal in the current schema, whatever schema it was stored in. */
export function upgradeJournal(stored: StoredJournal): JournalData {
  return stored.schema === 1 ? upgradeV1(stored) : stored;
}
