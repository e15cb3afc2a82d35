import { describe, expect, it } from 'vitest';
import { PyreleaseError } from '../../src/domain/errors';
import type { StepOutputs } from '../../src/engine/journal';
import type { AnswerValue, Question } from '../../src/engine/prompter';
import type { ReleasePorts } from '../../src/engine/stages/release-ports';
import { chooseCandidate } from '../../src/engine/stages/testpypi/choose-candidate';
import type { StepContext } from '../../src/engine/step';
import type { IndexRelease } from '../../src/ports/package-index';
import type { ProjectSnapshot } from '../../src/ports/project';

/**
 * Only the members given may be read; anything else fails the test. `then` reads as undefined so
 * the object can be the value of a promise.
 */
function strict<T>(name: string, members: Partial<T> = {}): T {
  return new Proxy(members as object, {
    get: (target, key) => {
      if (Object.hasOwn(target, key)) return (target as Record<string | symbol, unknown>)[key];
      if (key === 'then') return undefined;
      throw new Error(`the step used ${name}.${String(key)}`);
    },
  }) as T;
}

/** A function the step must never call. */
const unused = (name: string) => (): never => {
  throw new Error(`the step called ${name}`);
};

const release = (version: string): IndexRelease => ({ version, files: [], yanked: false, yankedReason: null });

interface Fake {
  ctx: StepContext<ReleasePorts>;
  asked: Question[];
  /** Project names TestPyPI was asked about. */
  looked: string[];
  /** How often the project was loaded. */
  loads: () => number;
}

/**
 * A context that answers what `chooseCandidate` may ask for, strictly: the project (name only),
 * TestPyPI's releases, the outputs of `prepare.version` and (for the probe) of its own earlier run,
 * and the answers given. Everything else throws.
 */
function fakeContext(
  options: {
    version?: string;
    tag?: string;
    onTestPyPI?: string[] | undefined;
    answers?: Record<string, AnswerValue>;
    earlier?: StepOutputs;
    testpypi?: boolean;
  } = {},
): Fake {
  const asked: Question[] = [];
  const looked: string[] = [];
  let loads = 0;
  const snapshot = strict<ProjectSnapshot>('snapshot', {
    project: strict<ProjectSnapshot['project']>('snapshot.project', { name: 'quillnote' }),
  });
  const onTestPyPI = 'onTestPyPI' in options ? options.onTestPyPI : [];
  const outputs: Record<string, StepOutputs | undefined> = {
    'prepare.version': {
      version: options.version ?? '0.1.1',
      tag: options.tag ?? 'v0.1.1',
      summary: `0.1.0 → ${options.version ?? '0.1.1'}`,
    },
    'testpypi.candidate': options.earlier,
  };
  const reads = strict<ReleasePorts['reads']>('reads', {
    project: strict<ReleasePorts['reads']['project']>('reads.project', { load: async () => ((loads += 1), snapshot) }),
    ...(options.testpypi === false
      ? {}
      : {
          testpypi: strict<ReleasePorts['reads']['testpypi']>('reads.testpypi', {
            releases: async (project: string) => {
              looked.push(project);
              return onTestPyPI?.map(release);
            },
          }),
        }),
  });
  const ctx: StepContext<ReleasePorts> = {
    reads,
    dryRun: false,
    signal: new AbortController().signal,
    outputsOf: (id) => {
      if (!Object.hasOwn(outputs, id)) throw new Error(`the step read the outputs of ${id}`);
      return outputs[id];
    },
    stepRecords: unused('stepRecords'),
    ask: async <Q extends Question>(question: Q) => {
      asked.push(question);
      if (!options.answers || !Object.hasOwn(options.answers, question.id))
        throw new Error(`unexpected question ${question.id}: ${question.message}`);
      return options.answers[question.id] as never;
    },
    log: unused('log'),
    report: unused('report'),
    warn: unused('warn'),
    record: unused('record'),
    setRelease: unused('setRelease'),
  };
  return { ctx, asked, looked, loads: () => loads };
}

describe('chooseCandidate', () => {
  it('is a read step that needs the chosen version', () => {
    expect(chooseCandidate).toMatchObject({ id: 'testpypi.candidate', effect: 'read', needs: ['prepare.version'] });
  });

  it('rehearses as X.Y.Zrc1 without asking when TestPyPI does not know the project', async () => {
    const fake = fakeContext({ onTestPyPI: undefined });
    expect(await chooseCandidate.run(fake.ctx)).toEqual({ summary: '0.1.1rc1', version: '0.1.1rc1' });
    expect(fake.looked).toEqual(['quillnote']);
    expect(fake.asked).toEqual([]);
  });

  it('rehearses as rc1 without asking when TestPyPI has only other release lines', async () => {
    const fake = fakeContext({ onTestPyPI: ['0.1.0rc1', '0.1.0', '0.1.2rc1'] });
    expect(await chooseCandidate.run(fake.ctx)).toEqual({ summary: '0.1.1rc1', version: '0.1.1rc1' });
    expect(fake.asked).toEqual([]);
  });

  it('asks before taking the next free candidate when rc1 and rc2 are taken, naming only that line', async () => {
    const fake = fakeContext({
      onTestPyPI: ['0.1.0', '0.1.1rc1', '0.1.1rc2'],
      answers: { 'testpypi.next-candidate': true },
    });
    expect(await chooseCandidate.run(fake.ctx)).toEqual({
      summary: '0.1.1rc3 (TestPyPI has 0.1.1rc1, 0.1.1rc2)',
      version: '0.1.1rc3',
    });
    expect(fake.asked).toHaveLength(1);
    expect(fake.asked[0]).toMatchObject({
      kind: 'confirm',
      id: 'testpypi.next-candidate',
      message: 'TestPyPI already has 0.1.1rc1, 0.1.1rc2 of quillnote. Rehearse as 0.1.1rc3?',
      default: true,
    });
    expect(fake.asked[0]?.detail).toContain('never accepts a file name twice');
  });

  it('stops with testpypi.candidate-refused when the next candidate is declined, saying how to go on', async () => {
    const fake = fakeContext({ onTestPyPI: ['0.1.1rc1', '0.1.1rc2'], answers: { 'testpypi.next-candidate': false } });
    const error = await chooseCandidate.run(fake.ctx).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PyreleaseError);
    expect(error).toMatchObject({
      code: 'testpypi.candidate-refused',
      kind: 'failed',
      message: expect.stringContaining('0.1.1rc3 was declined'),
    });
    expect((error as PyreleaseError).hint).toBe(
      'Run `pyrelease --resume --answer testpypi.next-candidate=yes` to rehearse as 0.1.1rc3.',
    );
  });

  it('rehearses a pre-release as itself, without looking at TestPyPI or asking', async () => {
    const fake = fakeContext({ version: '0.2.0b1', tag: 'v0.2.0b1', testpypi: false });
    expect(await chooseCandidate.run(fake.ctx)).toEqual({
      summary: '0.2.0b1 (the release is a pre-release: rehearsed as itself)',
      version: '0.2.0b1',
    });
    expect(fake.looked).toEqual([]);
    expect(fake.asked).toEqual([]);
  });

  it('refuses a release line TestPyPI already has as a final release', async () => {
    const fake = fakeContext({ onTestPyPI: ['0.1.1'] });
    await expect(chooseCandidate.run(fake.ctx)).rejects.toMatchObject({ code: 'version.not-greater' });
    expect(fake.asked).toEqual([]);
  });

  it('cannot run before a version was chosen', async () => {
    const fake = fakeContext();
    const ctx = {
      ...fake.ctx,
      outputsOf: (id: string) => (id === 'prepare.version' ? undefined : fake.ctx.outputsOf(id)),
    };
    await expect(chooseCandidate.run(ctx)).rejects.toMatchObject({ code: 'journal.missing-version' });
  });

  describe('probe', () => {
    it('keeps the candidate chosen earlier, with its outputs, without looking anywhere', async () => {
      const earlier = { summary: '0.1.1rc2 (TestPyPI has 0.1.1rc1)', version: '0.1.1rc2' };
      // TestPyPI has moved on since: the earlier choice still stands (it may have been published by now).
      const fake = fakeContext({ earlier, onTestPyPI: ['0.1.1rc1', '0.1.1rc2'], testpypi: false });
      expect(await chooseCandidate.probe!(fake.ctx)).toEqual({
        state: 'done',
        detail: '0.1.1rc2, chosen earlier',
        outputs: earlier,
      });
      expect(fake.loads()).toBe(0);
      expect(fake.looked).toEqual([]);
      expect(fake.asked).toEqual([]);
    });

    it('leaves the step to do when nothing, or no version, was recorded', async () => {
      expect(await chooseCandidate.probe!(fakeContext({ testpypi: false }).ctx)).toEqual({ state: 'todo' });
      expect(await chooseCandidate.probe!(fakeContext({ earlier: { summary: 'x' }, testpypi: false }).ctx)).toEqual({
        state: 'todo',
      });
      expect(await chooseCandidate.probe!(fakeContext({ earlier: { version: 3 }, testpypi: false }).ctx)).toEqual({
        state: 'todo',
      });
    });
  });
});
