import {
  JOURNAL_SCHEMA,
  type AnswerRecord,
  type FlowParams,
  type Handoff,
  type JournalData,
  type JournalStore,
  type ReleaseState,
  type StepRecord,
} from '../ports/journal-store';
import type { Clock } from '../ports/clock';
import { decodeFact, encodeFact, type Fact } from './fact';
import { upgradeJournal } from './journal-upgrade';

/** Creates the journal of a new flow. */
export function newJournalData(options: {
  releaseId: string;
  flow: string;
  params: FlowParams;
  now: number;
  version: string;
  parent?: JournalData['parent'];
}): JournalData {
  const at = new Date(options.now).toISOString();
  return {
    schema: JOURNAL_SCHEMA,
    releaseId: options.releaseId,
    flow: options.flow,
    params: options.params,
    state: 'in-progress',
    createdAt: at,
    updatedAt: at,
    writtenBy: options.version,
    release: {},
    facts: {},
    steps: {},
    answers: {},
    ...(options.parent ? { parent: options.parent } : {}),
  };
}

/** The journal in progress, upgraded to the current schema when an older pyrelease wrote it. */
export async function loadJournal(store: JournalStore): Promise<JournalData | undefined> {
  const stored = await store.load();
  return stored === undefined ? undefined : upgradeJournal(stored);
}

/**
 * The flow's memory. Every change is saved at once through the store (atomically), so an
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

  /** Every step's record so far, for the release summary (timings, links). */
  stepRecords(): Readonly<Record<string, Readonly<StepRecord>>> {
    return this.data.steps;
  }

  /** A fact an earlier step gave (this session or a previous one); undefined when not known. */
  fact<T>(fact: Fact<T>): T | undefined {
    return decodeFact(fact, this.data.facts[fact.key]);
  }

  async give<T>(fact: Fact<T>, value: T): Promise<void> {
    const encoded = encodeFact(fact, value);
    await this.change((data) => {
      data.facts[fact.key] = encoded;
    });
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
    extra: { detail?: string | undefined; error?: StepRecord['error'] } = {},
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
      if (extra.detail !== undefined) record.detail = extra.detail;
      if (extra.error !== undefined) record.error = extra.error;
      else delete record.error;
      data.steps[id] = record;
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

  /** Records that the flow ended by handing over to another one. */
  async handOff(handoff: Handoff): Promise<void> {
    await this.change((data) => {
      data.handoff = handoff;
      data.state = 'handed-off';
    });
  }

  /** Moves a finished or abandoned flow to the history folder. */
  async archive(state: Extract<ReleaseState, 'done' | 'abandoned' | 'handed-off'>): Promise<string> {
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
