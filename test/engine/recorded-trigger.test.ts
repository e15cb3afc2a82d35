import { describe, expect, it } from 'vitest';
import { decodeFact, encodeFact } from '../../src/engine/fact';
import { CandidateRun, PublishTrigger, type TriggerRecord } from '../../src/engine/stages/facts';
import { triggerRecord } from '../../src/engine/stages/shared/started-run';
import type { GitHubReads, WorkflowRun } from '../../src/ports/github';
import type { Json } from '../../src/ports/journal-store';
import { FixedClock } from '../helpers/fixed-clock';
import { fakeStepContext, strict } from '../helpers/step-context';

const wellFormed = {
  workflow: 'publish-testpypi.yml',
  event: 'workflow_dispatch',
  triggeredAt: '2026-05-01T10:00:00.000Z',
  knownRunIds: [11, 12],
} satisfies Json;

/** The well-formed record with one field replaced (or, with `undefined`, removed). */
function withField(key: keyof typeof wellFormed, value: Json | undefined): Json {
  const trigger: { [key: string]: Json } = { ...wellFormed };
  if (value === undefined) delete trigger[key];
  else trigger[key] = value;
  return trigger;
}

/*
 * Both facts that keep a trigger record take it through the same schema: the publish trigger (the
 * tag step) and the candidate's run (the TestPyPI dispatch). Each is read back as the journal
 * hands it over, with other fields beside the trigger.
 */
const stores = [
  {
    fact: 'PublishTrigger',
    stored: (trigger: Json): Json => ({ trigger, tag: 'v0.1.1' }),
    decoded: (json: Json | undefined) => decodeFact(PublishTrigger, json),
  },
  {
    fact: 'CandidateRun',
    stored: (trigger: Json): Json => ({ version: '0.1.1rc1', trigger, runId: 5 }),
    decoded: (json: Json | undefined) => decodeFact(CandidateRun, json),
  },
] as const;

describe.each(stores)('a trigger record stored in $fact', ({ stored, decoded }) => {
  it('reads back as it was saved', () => {
    expect(decoded(stored(wellFormed))?.trigger).toEqual(wellFormed);
  });

  it('keeps the optional head sha and an empty list of known runs', () => {
    const trigger = { ...wellFormed, event: 'push', knownRunIds: [], headSha: 'a'.repeat(40) };
    expect(decoded(stored(trigger))?.trigger).toEqual(trigger);
  });

  it('is not known when nothing was stored', () => {
    expect(decoded(undefined)).toBeUndefined();
  });

  it.each<[string, Json]>([
    ['a null trigger', null],
    ['a string trigger', 'publish-testpypi.yml'],
    ['a number trigger', 3],
    ['a list trigger', [wellFormed]],
    ['an empty object', {}],
  ])('makes the fact unknown for %s', (_name, trigger) => {
    expect(decoded(stored(trigger))).toBeUndefined();
  });

  it('makes the fact unknown for a head sha that is not a string', () => {
    expect(decoded(stored({ ...wellFormed, headSha: 42 }))).toBeUndefined();
  });

  it.each(['workflow', 'event', 'triggeredAt', 'knownRunIds'] as const)(
    'makes the fact unknown when %s is missing',
    (key) => {
      expect(decoded(stored(withField(key, undefined)))).toBeUndefined();
    },
  );

  it.each<[keyof typeof wellFormed, Json]>([
    ['workflow', 42],
    ['workflow', null],
    ['event', true],
    ['event', ['push']],
    ['triggeredAt', 1_777_629_600_000],
    ['triggeredAt', null],
    ['knownRunIds', '11,12'],
    ['knownRunIds', { 0: 11 }],
    ['knownRunIds', null],
    // Well-typed but unusable: each would make the search for the started run crash or match wrongly.
    ['event', 'schedule'],
    ['triggeredAt', 'yesterday'],
    ['knownRunIds', ['11', '12']],
    ['knownRunIds', [11, null]],
    ['knownRunIds', [11, 12.5]],
  ])('makes the fact unknown when %s is %j', (key, value) => {
    expect(decoded(stored(withField(key, value)))).toBeUndefined();
  });
});

describe('PublishTrigger without a trigger', () => {
  it('reads as known, with no trigger recorded yet (the tag step had not got that far)', () => {
    expect(decodeFact(PublishTrigger, { tag: 'v0.1.1' })).toEqual({ tag: 'v0.1.1' });
  });
});

describe('triggerRecord', () => {
  it('takes the known runs and the time, and what it returns goes through the facts intact', async () => {
    const clock = new FixedClock(Date.parse('2026-05-01T10:00:00.000Z'));
    const asked: unknown[][] = [];
    const fake = fakeStepContext({
      reads: {
        clock,
        github: strict<GitHubReads>('reads.github', {
          runsForWorkflow: async (...args: Parameters<GitHubReads['runsForWorkflow']>) => {
            asked.push(args);
            return [{ id: 12 }, { id: 11 }] as WorkflowRun[];
          },
        }),
      },
    });
    const record: TriggerRecord = await triggerRecord(fake.ctx, {
      workflow: 'publish-pypi.yml',
      event: 'push',
      headSha: 'b'.repeat(40),
    });
    expect(record).toEqual({
      workflow: 'publish-pypi.yml',
      event: 'push',
      headSha: 'b'.repeat(40),
      triggeredAt: '2026-05-01T10:00:00.000Z',
      knownRunIds: [12, 11],
    });
    expect(asked).toEqual([['publish-pypi.yml', { event: 'push', perPage: 50 }]]);
    // Stored and read back, as a resumed session reads it.
    const json = encodeFact(PublishTrigger, { trigger: record, tag: 'v0.1.1' });
    expect(decodeFact(PublishTrigger, json)?.trigger).toEqual(record);
    expect(
      decodeFact(CandidateRun, encodeFact(CandidateRun, { version: '0.1.1rc1', trigger: record }))?.trigger,
    ).toEqual(record);
  });
});
