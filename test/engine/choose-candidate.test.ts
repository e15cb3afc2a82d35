import { describe, expect, it } from 'vitest';
import { PyreleaseError } from '../../src/domain/errors';
import type { AnswerValue } from '../../src/engine/prompter';
import { ChosenCandidate, ChosenVersion } from '../../src/engine/stages/facts';
import type { ReleasePorts } from '../../src/engine/stages/release-ports';
import { chooseCandidate } from '../../src/engine/stages/testpypi/choose-candidate';
import type { Json } from '../../src/ports/journal-store';
import type { IndexRelease } from '../../src/ports/package-index';
import type { ProjectSnapshot } from '../../src/ports/project';
import { fakeSession, fakeStepContext, given, strict, type FakeStepContext } from '../helpers/step-context';

const release = (version: string): IndexRelease => ({ version, files: [], yanked: false, yankedReason: null });

interface Fake extends FakeStepContext {
  /** Project names TestPyPI was asked about. */
  looked: string[];
  /** How often the project was loaded. */
  loads: () => number;
}

/**
 * A context that answers what `chooseCandidate` may ask for, strictly: the project (name only),
 * TestPyPI's releases, the chosen version (unless `version` is null) and, for the probe, the
 * candidate chosen earlier, and the answers given. Everything else throws.
 */
function fakeContext(
  options: {
    version?: string | null;
    tag?: string;
    onTestPyPI?: string[] | undefined;
    answers?: Record<string, AnswerValue>;
    earlier?: string;
    testpypi?: boolean;
  } = {},
): Fake {
  const looked: string[] = [];
  const session = fakeSession({
    project: strict<ProjectSnapshot['project']>('snapshot.project', { name: 'quillnote' }),
  });
  const onTestPyPI = 'onTestPyPI' in options ? options.onTestPyPI : [];
  const version = options.version === undefined ? '0.1.1' : options.version;
  const fake = fakeStepContext({
    step: chooseCandidate,
    reads: {
      session,
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
    },
    facts: [
      ...(version === null
        ? []
        : [
            given(ChosenVersion, {
              version,
              tag: options.tag ?? `v${version}`,
              bumpClass: 'patch',
              migrationRequired: false,
              prerelease: false,
              supportChanges: [],
            }),
          ]),
      ...(options.earlier === undefined ? [] : [given(ChosenCandidate, { version: options.earlier })]),
    ],
    ...(options.answers ? { answers: options.answers } : {}),
  });
  return { ...fake, looked, loads: () => session.loads };
}

/** What the step gave: the candidate, once. */
const gaveCandidate = (version: string) => [{ key: ChosenCandidate.key, value: { version } }];

/** The step only decides: it prints nothing, warns of nothing and leaves the header alone. */
function expectQuiet(fake: Fake): void {
  expect([fake.lines, fake.stderr, fake.warnings, fake.reports, fake.header]).toEqual([[], [], [], [], {}]);
}

describe('chooseCandidate', () => {
  it('is a read step that needs the chosen version and gives the candidate', () => {
    expect(chooseCandidate).toMatchObject({
      id: 'testpypi.candidate',
      effect: 'read',
      needs: [ChosenVersion],
      gives: [ChosenCandidate],
    });
  });

  it('rehearses as X.Y.Zrc1 without asking when TestPyPI does not know the project', async () => {
    const fake = fakeContext({ onTestPyPI: undefined });
    expect(await chooseCandidate.run(fake.ctx)).toEqual({ detail: '0.1.1rc1' });
    expect(fake.gave).toEqual(gaveCandidate('0.1.1rc1'));
    expect(fake.looked).toEqual(['quillnote']);
    expect(fake.asked).toEqual([]);
    expectQuiet(fake);
  });

  it('rehearses as rc1 without asking when TestPyPI has only other release lines', async () => {
    const fake = fakeContext({ onTestPyPI: ['0.1.0rc1', '0.1.0', '0.1.2rc1'] });
    expect(await chooseCandidate.run(fake.ctx)).toEqual({ detail: '0.1.1rc1' });
    expect(fake.gave).toEqual(gaveCandidate('0.1.1rc1'));
    expect(fake.asked).toEqual([]);
  });

  it('asks before taking the next free candidate when rc1 and rc2 are taken, naming only that line', async () => {
    const fake = fakeContext({
      onTestPyPI: ['0.1.0', '0.1.1rc1', '0.1.1rc2'],
      answers: { 'testpypi.next-candidate': true },
    });
    expect(await chooseCandidate.run(fake.ctx)).toEqual({ detail: '0.1.1rc3 (TestPyPI has 0.1.1rc1, 0.1.1rc2)' });
    expect(fake.gave).toEqual(gaveCandidate('0.1.1rc3'));
    expect(fake.fact(ChosenCandidate)).toEqual({ version: '0.1.1rc3' });
    expect(fake.asked).toHaveLength(1);
    expect(fake.asked[0]).toMatchObject({
      kind: 'confirm',
      id: 'testpypi.next-candidate',
      message: 'TestPyPI already has 0.1.1rc1, 0.1.1rc2 of quillnote. Rehearse as 0.1.1rc3?',
      default: true,
    });
    expect(fake.asked[0]?.detail).toContain('never accepts a file name twice');
    expectQuiet(fake);
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
    expect(fake.gave).toEqual([]);
  });

  it('rehearses a pre-release as itself, without looking at TestPyPI or asking', async () => {
    const fake = fakeContext({ version: '0.2.0b1', tag: 'v0.2.0b1', testpypi: false });
    expect(await chooseCandidate.run(fake.ctx)).toEqual({
      detail: '0.2.0b1 (the release is a pre-release: rehearsed as itself)',
    });
    expect(fake.gave).toEqual(gaveCandidate('0.2.0b1'));
    expect(fake.looked).toEqual([]);
    expect(fake.asked).toEqual([]);
  });

  it('refuses a release line TestPyPI already has as a final release', async () => {
    const fake = fakeContext({ onTestPyPI: ['0.1.1'] });
    await expect(chooseCandidate.run(fake.ctx)).rejects.toMatchObject({ code: 'version.not-greater' });
    expect(fake.asked).toEqual([]);
    expect(fake.gave).toEqual([]);
  });

  it('cannot run before a version was chosen', async () => {
    // The runner stops a step whose declared need is not known (`journal.missing-fact`); the fake
    // stops it the same way, before it looks anywhere.
    const fake = fakeContext({ version: null });
    await expect(chooseCandidate.run(fake.ctx)).rejects.toMatchObject({
      code: 'journal.missing-fact',
      message: 'The chosen version is not known yet.',
    });
    expect(fake.looked).toEqual([]);
    expect(fake.asked).toEqual([]);
    expect(fake.gave).toEqual([]);
  });

  describe('probe', () => {
    it('keeps the candidate chosen earlier, as it was recorded, without looking anywhere', async () => {
      // TestPyPI has moved on since: the earlier choice still stands (it may have been published by now).
      const fake = fakeContext({ earlier: '0.1.1rc2', onTestPyPI: ['0.1.1rc1', '0.1.1rc2'], testpypi: false });
      expect(await chooseCandidate.probe!(fake.ctx)).toEqual({ state: 'done', detail: '0.1.1rc2, chosen earlier' });
      expect(fake.fact(ChosenCandidate)).toEqual({ version: '0.1.1rc2' });
      expect(fake.gave).toEqual([]);
      expect(fake.loads()).toBe(0);
      expect(fake.looked).toEqual([]);
      expect(fake.asked).toEqual([]);
      expectQuiet(fake);
    });

    it('leaves the step to do when nothing, or no version, was recorded', async () => {
      expect(await chooseCandidate.probe!(fakeContext({ testpypi: false }).ctx)).toEqual({ state: 'todo' });
      // Journals edited by hand, or written by something else: what does not fit reads as not chosen.
      const malformed: Json[] = [{ summary: 'x' }, { version: 3 }, { version: null }, 'x'];
      for (const stored of malformed) {
        const fake = fakeContext({ testpypi: false });
        fake.facts.set(ChosenCandidate.key, stored);
        expect(await chooseCandidate.probe!(fake.ctx)).toEqual({ state: 'todo' });
        expect(fake.gave).toEqual([]);
      }
    });
  });
});
