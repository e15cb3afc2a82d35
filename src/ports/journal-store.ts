/** The journal's shape on disk. Bump `JOURNAL_SCHEMA` when it changes incompatibly. */
export const JOURNAL_SCHEMA = 1;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled' | 'skipped';
export type ReleaseState = 'in-progress' | 'done' | 'failed' | 'cancelled' | 'paused' | 'abandoned';

export interface StepRecord {
  state: StepState;
  title: string;
  startedAt?: string;
  finishedAt?: string;
  attempts: number;
  detail?: string;
  outputs?: { [key: string]: Json };
  error?: { code: string; message: string; hint?: string };
}

export interface AnswerRecord {
  value: boolean | string | string[];
  source: 'flag' | 'journal' | 'default' | 'user';
  at: string;
  /** The step that asked. */
  step: string;
}

export interface JournalData {
  schema: number;
  releaseId: string;
  mode: 'release' | 'hotfix';
  state: ReleaseState;
  createdAt: string;
  updatedAt: string;
  /** The pyrelease version that wrote the journal last. */
  writtenBy: string;
  release: { project?: string; from?: string; to?: string };
  /** Steps in the order they were first seen. */
  steps: { [stepId: string]: StepRecord };
  answers: { [questionId: string]: AnswerRecord };
}

export interface LockOwner {
  pid: number;
  host: string;
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
  /** Reads the journal in progress. Undefined when there is none; throws on a corrupt or newer one. */
  load(): Promise<JournalData | undefined>;
  /** Writes the whole journal atomically: never a torn file. */
  save(data: JournalData): Promise<void>;
  /** Moves the journal to `history/` and returns the new path. */
  archive(data: JournalData): Promise<string>;
  /** Takes the lock against a second session; throws when a live session holds it. */
  lock(): Promise<LockHandle>;
}
