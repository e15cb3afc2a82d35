import {
  JOURNAL_SCHEMA,
  type AnswerRecord,
  type JournalData,
  type JournalStore,
  type Json,
  type ReleaseState,
  type StepRecord,
} from '../ports/journal-store';
import type { Clock } from '../ports/clock';

export type StepOutputs = { [key: string]: Json };

/** Creates the journal of a new release. */
export function newJournalData(options: {
  releaseId: string;
  mode: JournalData['mode'];
  now: number;
  version: string;
}): JournalData {
  const at = new Date(options.now).toISOString();
  return {
    schema: JOURNAL_SCHEMA,
    releaseId: options.releaseId,
    mode: options.mode,
    state: 'in-progress',
    createdAt: at,
    updatedAt: at,
    writtenBy: options.version,
    release: {},
    steps: {},
    answers: {},
  };
}

/**
 * The release's memory. Every change is saved at once through the store (atomically), so an
 * interruption at any instant leaves the last completed change on disk. It is a hint for resume:
 * the steps' probes decide what is really done.
 */
export class Journal {
  private data: JournalData;

  constructor(
    data: JournalData,
    private readonly store: JournalStore,
    private readonly clock: Clock,
  ) {
    this.data = structuredClone(data);
  }

  get snapshot(): Readonly<JournalData> {
    return this.data;
  }

  get path(): string {
    return this.store.path;
  }

  step(id: string): Readonly<StepRecord> | undefined {
    return this.data.steps[id];
  }

  /** Outputs an earlier step recorded (commit sha, run id …). */
  /** Every step's record so far, for the release summary (timings, links). */
  stepRecords(): Readonly<Record<string, Readonly<StepRecord>>> {
    return this.data.steps;
  }

  outputsOf(id: string): StepOutputs | undefined {
    return this.data.steps[id]?.outputs;
  }

  answer(questionId: string): Readonly<AnswerRecord> | undefined {
    return this.data.answers[questionId];
  }

  async setRelease(release: JournalData['release']): Promise<void> {
    await this.change((data) => {
      data.release = { ...data.release, ...release };
    });
  }

  async stepStarted(id: string, title: string): Promise<void> {
    await this.change((data) => {
      const previous = data.steps[id];
      data.steps[id] = {
        ...previous,
        title,
        state: 'running',
        startedAt: this.isoNow(),
        attempts: (previous?.attempts ?? 0) + 1,
      };
      delete data.steps[id].error;
      delete data.steps[id].finishedAt;
    });
  }

  async stepEnded(
    id: string,
    title: string,
    state: Exclude<StepRecord['state'], 'running' | 'pending'>,
    extra: { outputs?: StepOutputs | undefined; detail?: string | undefined; error?: StepRecord['error'] } = {},
  ): Promise<void> {
    await this.change((data) => {
      const previous = data.steps[id];
      const record: StepRecord = {
        ...previous,
        title,
        state,
        attempts: previous?.attempts ?? 0,
        finishedAt: this.isoNow(),
      };
      if (extra.outputs !== undefined) record.outputs = { ...previous?.outputs, ...extra.outputs };
      if (extra.detail !== undefined) record.detail = extra.detail;
      if (extra.error !== undefined) record.error = extra.error;
      else delete record.error;
      data.steps[id] = record;
    });
  }

  /** Merges outputs into a step's record without changing its state. */
  async recordOutputs(id: string, outputs: StepOutputs): Promise<void> {
    await this.change((data) => {
      const previous = data.steps[id];
      if (!previous) return;
      data.steps[id] = { ...previous, outputs: { ...previous.outputs, ...outputs } };
    });
  }

  async recordAnswer(questionId: string, record: Omit<AnswerRecord, 'at'>): Promise<void> {
    await this.change((data) => {
      data.answers[questionId] = { ...record, at: this.isoNow() };
    });
  }

  async setState(state: ReleaseState): Promise<void> {
    await this.change((data) => {
      data.state = state;
    });
  }

  /** Moves a finished or abandoned release to the history folder. */
  async archive(state: Extract<ReleaseState, 'done' | 'abandoned'>): Promise<string> {
    this.data.state = state;
    this.data.updatedAt = this.isoNow();
    return this.store.archive(this.data);
  }

  private async change(mutate: (data: JournalData) => void): Promise<void> {
    const next = structuredClone(this.data);
    mutate(next);
    next.updatedAt = this.isoNow();
    await this.store.save(next);
    this.data = next;
  }

  private isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
