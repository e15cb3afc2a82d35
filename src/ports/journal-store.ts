import type * as v from 'valibot';
import type { JournalDataSchema, JournalDataV1Schema } from '../domain/journal-schema';

/**
 * The journal's shape on disk. Bump `JOURNAL_SCHEMA` when it changes incompatibly (and migrate the old one).
 * The file store checks every journal it reads against the schemas in `src/domain/journal-schema.ts`;
 * the compile-time checks below `StoredJournal` keep these types and those schemas the same.
 */
export const JOURNAL_SCHEMA = 2;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled' | 'skipped';
export type ReleaseState = 'in-progress' | 'done' | 'failed' | 'cancelled' | 'paused' | 'abandoned' | 'handed-off';

export interface StepRecord {
  state: StepState;
  title: string;
  startedAt?: string;
  finishedAt?: string;
  attempts: number;
  /** One line on what the step found or did, as shown beside its row. */
  detail?: string;
  error?: { code: string; message: string; hint?: string };
}

export interface AnswerRecord {
  value: boolean | string | string[];
  source: 'flag' | 'journal' | 'default' | 'user';
  at: string;
  /** The step that asked. */
  step: string;
}

/** A flow's parameters: plain JSON, so `--resume` can rebuild the same plan. */
export type FlowParams = { [key: string]: Json };

/** Another flow to continue with, as the flow that ended chose it ("Roll back…" after a failed publish). */
export interface Handoff {
  flow: string;
  params: FlowParams;
  reason: string;
}

export interface JournalData {
  schema: 2;
  /** Names files (`history/<releaseId>.json`, `logs/<releaseId>.log`): `[A-Za-z0-9._-]+`, no `..`, bounded. */
  releaseId: string;
  /** Which flow this is (`release`), and its parameters: `--resume` rebuilds the plan from both. */
  flow: string;
  params: FlowParams;
  state: ReleaseState;
  createdAt: string;
  updatedAt: string;
  /** The pyrelease version that wrote the journal last. */
  writtenBy: string;
  release: { project?: string; from?: string; to?: string };
  /** What steps handed to later steps, by fact key (`chosen-version`). */
  facts: { [key: string]: Json };
  /** Steps in the order they were first seen. */
  steps: { [stepId: string]: StepRecord };
  answers: { [questionId: string]: AnswerRecord };
  /** The flow that handed over to this one. */
  parent?: { flow: string; releaseId: string };
  /** Set when this flow ended by handing over to another. */
  handoff?: Handoff;
}

/** The journal as pyrelease 0.1 wrote it: a mode instead of a flow, and outputs per step instead of facts. */
export interface JournalDataV1 {
  schema: 1;
  releaseId: string;
  mode: 'release' | 'hotfix';
  state: ReleaseState;
  createdAt: string;
  updatedAt: string;
  writtenBy: string;
  release: { project?: string; from?: string; to?: string };
  steps: { [stepId: string]: StepRecord & { outputs?: { [key: string]: Json } } };
  answers: { [questionId: string]: AnswerRecord };
}

/** What a store may find on disk: the current journal, or one an older version wrote. */
export type StoredJournal = JournalData | JournalDataV1;

/* Compile-time checks: the schemas accept exactly these types, and write the schema number above. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type _JournalSchemaMatches = Holds<Same<v.InferOutput<typeof JournalDataSchema>, JournalData>>;
export type _JournalV1SchemaMatches = Holds<Same<v.InferOutput<typeof JournalDataV1Schema>, JournalDataV1>>;
export type _JournalSchemaNumber = Holds<Same<typeof JOURNAL_SCHEMA, JournalData['schema']>>;

export interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken (ISO 8601): a process with this pid started later is not the holder. */
  startedAt: string;
}

export interface LockHandle {
  /** A stale lock that was taken over, so the front end can say so. */
  readonly tookOverFrom: LockOwner | undefined;
  release(): Promise<void>;
}

/** Where the journal lives (inside the git directory, so the working tree stays clean). */
export interface JournalStore {
  /** The journal file, for messages. */
  readonly path: string;
  /**
   * Reads the journal in progress, as it is on disk (the engine migrates an older schema).
   * Undefined when there is none; throws on a corrupt or newer one.
   */
  load(): Promise<StoredJournal | undefined>;
  /** Writes the whole journal atomically: never a torn file. */
  save(data: JournalData): Promise<void>;
  /**
   * Moves the journal to `history/<releaseId>.json` and returns the new path. Refuses
   * (`journal.unsafe-release-id`, before writing anything) an id that could name a file outside it.
   */
  archive(data: JournalData): Promise<string>;
  /**
   * Takes the lock against a second session; throws when a live session holds it. A lock whose
   * process is gone, or whose pid now belongs to a process started after the lock, is taken over.
   */
  lock(): Promise<LockHandle>;
}
