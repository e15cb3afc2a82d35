import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryJournalStore } from '../../src/adapters/journal-memory';
import { decodeFact } from '../../src/engine/fact';
import { loadJournal } from '../../src/engine/journal';
import { upgradeJournal } from '../../src/engine/journal-upgrade';
import {
  CandidateFiles,
  CandidateRun,
  CandidateSmoke,
  ChecklistConfirmations,
  ChosenCandidate,
  ChosenVersion,
  CiVerdict,
  DraftRelease,
  ReleaseCommit,
  ReleaseStart,
  VersionCommit,
  WorkflowTriggers,
} from '../../src/engine/stages/facts';
import type { JournalDataV1 } from '../../src/ports/journal-store';

/** Written by pyrelease 0.1 (journal schema 1) in the sandbox, paused after the TestPyPI dry run. */
const v1 = (): JournalDataV1 =>
  JSON.parse(
    readFileSync(new URL('../fixtures/journals/v1-paused-after-testpypi.json', import.meta.url), 'utf8'),
  ) as JournalDataV1;

const SHA = '622568f8cd8d45af749f7f34e99827073bfe32e1';

describe('a journal written by pyrelease 0.1 (schema 1)', () => {
  it('becomes a release flow with every output as the fact its step gives now', () => {
    const data = upgradeJournal(v1());
    expect(data).toMatchObject({ schema: 2, flow: 'release', params: {}, state: 'paused', releaseId: v1().releaseId });
    const fact = <T>(f: Parameters<typeof decodeFact<T>>[0]) => decodeFact(f, data.facts[f.key]);
    expect(fact(ReleaseStart)).toEqual({ name: 'quillnote', version: '0.1.0' });
    expect(fact(WorkflowTriggers)).toEqual({ pypi: ['push'], testpypi: ['workflow_dispatch', 'release'] });
    expect(fact(ChosenVersion)).toMatchObject({
      version: '0.1.1',
      tag: 'v0.1.1',
      bumpClass: 'patch',
      prerelease: false,
    });
    expect(fact(VersionCommit)).toEqual({ sha: SHA });
    expect(fact(ReleaseCommit)).toEqual({ sha: SHA });
    expect(fact(CiVerdict)).toMatchObject({ sha: SHA, checks: expect.arrayContaining(['tests', 'lint']) });
    expect(fact(DraftRelease)).toMatchObject({ id: 1042 });
    expect(fact(ChecklistConfirmations)?.items).toHaveLength(3);
    expect(fact(ChosenCandidate)).toEqual({ version: '0.1.1rc1' });
    expect(fact(CandidateRun)).toMatchObject({
      version: '0.1.1rc1',
      runId: 1043,
      triggered: true,
      conclusion: 'success',
      trigger: { workflow: 'publish-testpypi.yml', event: 'workflow_dispatch', headSha: SHA },
    });
    expect(fact(CandidateFiles)?.files.map((file) => file.filename)).toEqual([
      'quillnote-0.1.1rc1-py3-none-any.whl',
      'quillnote-0.1.1rc1.tar.gz',
    ]);
    expect(fact(CandidateSmoke)).toMatchObject({ version: '0.1.1rc1', passed: true });
  });

  it('keeps every step record and answer, without the outputs', () => {
    const before = v1();
    const data = upgradeJournal(before);
    expect(Object.keys(data.steps)).toEqual(Object.keys(before.steps));
    for (const [id, record] of Object.entries(data.steps)) {
      expect(record).not.toHaveProperty('outputs');
      expect(record.state).toBe(before.steps[id]!.state);
      expect(record.detail).toBe(before.steps[id]!.detail);
    }
    expect(data.answers).toEqual(before.answers);
    expect(data.release).toEqual({ project: 'quillnote', from: '0.1.0', to: '0.1.1' });
  });

  it('drops what 0.1 wrote as null and what does not fit a fact, instead of misreading it', () => {
    const before = v1();
    // 0.1 forgot a failed candidate's run by writing nulls over it.
    before.steps['testpypi.publish']!.outputs = { version: '0.1.1rc2', runId: null, trigger: null, triggered: null };
    before.steps['prepare.version']!.outputs = { version: 42, tag: 'v42' };
    const data = upgradeJournal(before);
    expect(decodeFact(CandidateRun, data.facts[CandidateRun.key])).toEqual({ version: '0.1.1rc2' });
    expect(data.facts[ChosenVersion.key]).toBeUndefined();
  });

  it('is upgraded when loaded, so status and --resume read it like a new one', async () => {
    const loaded = await loadJournal(new MemoryJournalStore(v1()));
    expect(loaded?.schema).toBe(2);
    expect(loaded?.facts[ChosenVersion.key]).toMatchObject({ version: '0.1.1' });
  });
});
