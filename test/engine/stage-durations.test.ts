import { describe, expect, it } from 'vitest';
import { RELEASE_STAGES } from '../../src/engine/flows/release-stages';
import { stageDurations } from '../../src/engine/stages/finalize/release-summary';
import type { StepRecord } from '../../src/ports/journal-store';

const T0 = Date.UTC(2026, 4, 1, 10, 0, 0);
const iso = (ms: number) => new Date(T0 + ms).toISOString();

/** A finished step that ran from `from` to `to` milliseconds after T0. */
const ran = (from: number, to: number): StepRecord => ({
  state: 'done',
  title: 'x',
  attempts: 1,
  startedAt: iso(from),
  finishedAt: iso(to),
});

describe('stageDurations', () => {
  it('sums finishedAt - startedAt of each stage’s steps, by step id prefix', () => {
    expect(
      stageDurations(
        {
          'prepare.git': ran(0, 1_000),
          'prepare.version': ran(1_000, 4_500),
          'testpypi.candidate': ran(5_000, 5_250),
          'testpypi.publish': ran(6_000, 66_000),
        },
        RELEASE_STAGES,
      ),
    ).toEqual([
      { title: 'Prepare', ms: 4_500 },
      { title: 'TestPyPI dry run', ms: 60_250 },
    ]);
  });

  it('always lists the stages in release order, whatever order the records are in', () => {
    const records = {
      'finalize.summary': ran(0, 1),
      'smoke.release': ran(0, 2),
      'publish.watch': ran(0, 3),
      'tag.create': ran(0, 4),
      'testpypi.candidate': ran(0, 5),
      'prepare.git': ran(0, 6),
    };
    expect(stageDurations(records, RELEASE_STAGES)).toEqual([
      { title: 'Prepare', ms: 6 },
      { title: 'TestPyPI dry run', ms: 5 },
      { title: 'Tag', ms: 4 },
      { title: 'Publish to PyPI', ms: 3 },
      { title: 'Smoke-test from PyPI', ms: 2 },
      { title: 'Finalize', ms: 1 },
    ]);
  });

  it('skips steps without both times, but still lists their stage', () => {
    const { finishedAt: _finished, ...running } = ran(0, 9_999);
    const { startedAt: _started, ...probedDone } = ran(0, 9_999);
    expect(
      stageDurations(
        {
          'prepare.git': ran(0, 2_000),
          'prepare.push': { ...running, state: 'running' },
          'prepare.version': probedDone,
          // Skipped as done on resume: the probe recorded it, the step never ran.
          'tag.create': { state: 'done', title: 'Create the tag', attempts: 0, finishedAt: iso(5_000) },
        },
        RELEASE_STAGES,
      ),
    ).toEqual([
      { title: 'Prepare', ms: 2_000 },
      { title: 'Tag', ms: 0 },
    ]);
  });

  it('leaves out stages with no step recorded', () => {
    expect(stageDurations({ 'publish.watch': ran(0, 30_000) }, RELEASE_STAGES)).toEqual([
      { title: 'Publish to PyPI', ms: 30_000 },
    ]);
    expect(stageDurations({}, RELEASE_STAGES)).toEqual([]);
  });

  it('matches the stage id only as a whole dotted prefix', () => {
    // "tagline.x" is not a step of "tag", and "prepare" without a dot is no step id at all.
    expect(
      stageDurations({ 'tagline.x': ran(0, 100), prepare: ran(0, 100), 'smoke.release': ran(0, 7) }, RELEASE_STAGES),
    ).toEqual([{ title: 'Smoke-test from PyPI', ms: 7 }]);
    expect(
      stageDurations(
        { 'tag.create': ran(0, 40), 'tagline.x': ran(0, 100), 'publishing.y': ran(0, 100) },
        RELEASE_STAGES,
      ),
    ).toEqual([{ title: 'Tag', ms: 40 }]);
  });

  it('takes its stages and their titles from the flow it is given', () => {
    const rollback = [
      { id: 'yank', title: 'Yank' },
      { id: 'prepare', title: 'Prepare the fix' },
    ];
    expect(
      stageDurations({ 'prepare.git': ran(0, 1_000), 'yank.release': ran(0, 500), 'tag.create': ran(0, 40) }, rollback),
    ).toEqual([
      { title: 'Yank', ms: 500 },
      { title: 'Prepare the fix', ms: 1_000 },
    ]);
  });

  it('never lets a step whose clock went backwards take time off its stage', () => {
    expect(
      stageDurations(
        {
          'publish.watch': ran(0, 10_000),
          'publish.wait': ran(20_000, 15_000),
        },
        RELEASE_STAGES,
      ),
    ).toEqual([{ title: 'Publish to PyPI', ms: 10_000 }]);
  });
});
