// Unit tests of the check on --answer and --answers ids: no binary is run here.
import { describe, expect, it } from 'vitest';
import { answerIdsOf, checkAnswerIds } from '../../src/cli/answer-ids';
import { checkGivenAnswers } from '../../src/cli/commands/release';
import { PyreleaseError, exitCodeFor } from '../../src/domain/errors';
import type { GivenAnswers } from '../../src/engine/answers';
import { releasePlan } from '../../src/engine/flows/release-flow';
import type { Plan, PortSet } from '../../src/engine/step';

/** The error `check` throws; fails the test when it throws none. */
function refusal(check: () => void): PyreleaseError {
  let thrown: unknown;
  try {
    check();
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof PyreleaseError)) throw new Error(`expected a PyreleaseError, got ${String(thrown)}`);
  expect(thrown.code).toBe('answer.unknown');
  expect(thrown.kind).toBe('usage');
  expect(exitCodeFor(thrown)).toBe(2);
  return thrown;
}

/** A plan of one stage whose steps ask these ids. */
function planAsking(...asks: string[][]): Plan<PortSet> {
  return {
    stages: [
      {
        id: 'only',
        title: 'Only',
        steps: asks.map((ids, index) => ({
          id: `only.step-${index}`,
          title: 'A step',
          effect: 'read',
          asks: ids,
          run: async () => {},
        })),
      },
    ],
  };
}

/** Every id the release plan's steps declare, read from the steps themselves. */
const RELEASE_ASKS = releasePlan().stages.flatMap((stage) => stage.steps.flatMap((step) => step.asks ?? []));

describe('the ids a run may be given answers for', () => {
  it('are the ids asked before the plan, then every `asks` of its steps in plan order, each once', () => {
    expect(answerIdsOf(planAsking(['a.one', 'a.two'], [], ['b.*', 'a.one']), ['start.q'])).toEqual([
      'start.q',
      'a.one',
      'a.two',
      'b.*',
    ]);
  });

  it('follow the release plan: journal.existing, then what its steps declare', () => {
    const ids = answerIdsOf(releasePlan(), ['journal.existing']);
    expect(ids).toEqual(['journal.existing', ...RELEASE_ASKS]);
    expect(ids).toEqual(expect.arrayContaining(['version.choice', 'tag.confirm', 'checklist.*', 'publish.watch.*']));
  });
});

describe('checkGivenAnswers, as the release and the demo run it', () => {
  it('accepts no answers, every exact id of the plan, journal.existing, and any id under a prefix', () => {
    expect(() => checkGivenAnswers({})).not.toThrow();
    const exact = RELEASE_ASKS.filter((id) => !id.endsWith('.*'));
    expect(exact.length).toBeGreaterThan(5);
    const all: GivenAnswers = Object.fromEntries(['journal.existing', ...exact].map((id) => [id, 'yes']));
    expect(() => checkGivenAnswers(all)).not.toThrow();
    expect(() =>
      checkGivenAnswers({
        'checklist.anything': true,
        'checklist.documentation-links-point-at-the-new': 'yes',
        'testpypi.watch.on-failure': 'rerun',
        'publish.watch.approve': 'yes',
      }),
    ).not.toThrow();
  });

  it('refuses a misspelt id, suggests the id meant, and lists the questions of the release', () => {
    const error = refusal(() => checkGivenAnswers({ 'version.choise': 'minor' }));
    expect(error.message).toBe('Unknown answer id "version.choise".');
    expect(error.hint).toMatch(
      /^Did you mean `version\.choice`\? The questions of this release: journal\.existing, version\.choice, version\.custom, /,
    );
    expect(error.hint).toContain(', checklist.<item>, ');
    expect(error.hint).toContain(', testpypi.watch.<item>, ');
    expect(error.hint).toMatch(/, publish\.watch\.<item>\.$/);
    expect(error.hint).not.toContain('.*');
  });

  it('refuses an unknown id among known ones, whichever way it was given', () => {
    const error = refusal(() => checkGivenAnswers({ 'version.choice': 'minor', 'tag.confrim': true }));
    expect(error.message).toBe('Unknown answer id "tag.confrim".');
    expect(error.hint).toMatch(/^Did you mean `tag\.confirm`\? /);
  });

  it('suggests an id under a prefix when the prefix is misspelt', () => {
    expect(refusal(() => checkGivenAnswers({ 'checklst.docs-are-ready': 'yes' })).hint).toMatch(
      /^Did you mean `checklist\.docs-are-ready`\? /,
    );
    expect(refusal(() => checkGivenAnswers({ 'publish.wach.approve': 'yes' })).hint).toMatch(
      /^Did you mean `publish\.watch\.approve`\? /,
    );
  });

  it('lists the questions without a guess when nothing is close', () => {
    const error = refusal(() => checkGivenAnswers({ 'deploy.now': 'yes' }));
    expect(error.message).toBe('Unknown answer id "deploy.now".');
    expect(error.hint).toMatch(/^The questions of this release: journal\.existing, /);
  });

  it('names every unknown id at once, each with its guess', () => {
    const error = refusal(() =>
      checkGivenAnswers({ 'version.choise': 'minor', 'deploy.now': 'yes', 'tag.confrim': 'no' }),
    );
    expect(error.message).toBe('Unknown answer ids: "version.choise", "deploy.now", "tag.confrim".');
    expect(error.hint).toMatch(
      /^Did you mean `version\.choice` for "version\.choise", `tag\.confirm` for "tag\.confrim"\? The questions of this release: /,
    );
  });
});

describe('checkAnswerIds', () => {
  it('knows only what the plan declares: a step taken out takes its ids with it', () => {
    const full = answerIdsOf(planAsking(['version.choice'], ['tag.confirm']));
    expect(() => checkAnswerIds({ 'tag.confirm': true }, full, 'release')).not.toThrow();
    const without = answerIdsOf(planAsking(['version.choice']));
    const error = refusal(() => checkAnswerIds({ 'tag.confirm': true }, without, 'rollback'));
    expect(error.hint).toBe('The questions of this rollback: version.choice.');
  });

  it('takes a prefix for the ids under it only', () => {
    const known = ['checklist.*'];
    expect(() => checkAnswerIds({ 'checklist.a': true, 'checklist.b.c': true }, known, 'release')).not.toThrow();
    expect(refusal(() => checkAnswerIds({ checklist: true }, known, 'release')).hint).toBe(
      'The questions of this release: checklist.<item>.',
    );
    refusal(() => checkAnswerIds({ 'checklists.a': true }, known, 'release'));
  });
});
