import { assertSafeReleaseId } from '../domain/journal-schema';
import type { JournalData, JournalStore, LockHandle, StoredJournal } from '../ports/journal-store';

/** A journal that never touches the disk: dry runs and tests. */
export class MemoryJournalStore implements JournalStore {
  readonly path = '(memory)';
  current: StoredJournal | undefined;
  readonly archived: JournalData[] = [];
  saves = 0;

  constructor(initial?: StoredJournal) {
    this.current = initial ? structuredClone(initial) : undefined;
  }

  async load(): Promise<StoredJournal | undefined> {
    return this.current ? structuredClone(this.current) : undefined;
  }

  async save(data: JournalData): Promise<void> {
    this.saves += 1;
    this.current = structuredClone(data);
  }

  async archive(data: JournalData): Promise<string> {
    // Refuses what the file store refuses, so engine tests meet the same rule.
    assertSafeReleaseId(data.releaseId);
    this.archived.push(structuredClone(data));
    this.current = undefined;
    return `(memory)/history/${data.releaseId}.json`;
  }

  async lock(): Promise<LockHandle> {
    return { tookOverFrom: undefined, release: async () => {} };
  }
}
