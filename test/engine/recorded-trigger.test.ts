import { describe, expect, it } from 'vitest';
import type { StepOutputs } from '../../src/engine/journal';
import { recordedTrigger } from '../../src/engine/stages/shared/started-run';
import type { Json } from '../../src/ports/journal-store';

const wellFormed = {
  workflow: 'publish-testpypi.yml',
  event: 'workflow_dispatch',
  triggeredAt: '2026-05-01T10:00:00.000Z',
  knownRunIds: [11, 12],
} satisfies Json;

/** The well-formed record with one field replaced (or, with `undefined`, removed). */
function withField(key: keyof typeof wellFormed, value: Json | undefined): StepOutputs {
  const trigger: { [key: string]: Json } = { ...wellFormed };
  if (value === undefined) delete trigger[key];
  else trigger[key] = value;
  return { trigger };
}

describe('recordedTrigger', () => {
  it('gives back a well-formed record as it was saved', () => {
    expect(recordedTrigger({ trigger: wellFormed, runId: 5 })).toEqual(wellFormed);
  });

  it('keeps the optional head sha and an empty list of known runs', () => {
    const trigger = { ...wellFormed, event: 'push', knownRunIds: [], headSha: 'a'.repeat(40) };
    expect(recordedTrigger({ trigger })).toEqual(trigger);
  });

  it.each<[string, StepOutputs | undefined]>([
    ['no outputs at all', undefined],
    ['outputs without a trigger', { runId: 5 }],
    ['a null trigger', { trigger: null }],
    ['a string trigger', { trigger: 'publish-testpypi.yml' }],
    ['a number trigger', { trigger: 3 }],
    ['a list trigger', { trigger: [wellFormed] }],
    ['an empty object', { trigger: {} }],
  ])('returns undefined for %s', (_name, outputs) => {
    expect(recordedTrigger(outputs)).toBeUndefined();
  });

  it('returns undefined for a head sha that is not a string', () => {
    expect(recordedTrigger({ trigger: { ...wellFormed, headSha: 42 } })).toBeUndefined();
  });

  it.each(['workflow', 'event', 'triggeredAt', 'knownRunIds'] as const)(
    'returns undefined when %s is missing',
    (key) => {
      expect(recordedTrigger(withField(key, undefined))).toBeUndefined();
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
  ])('returns undefined when %s is %j', (key, value) => {
    expect(recordedTrigger(withField(key, value))).toBeUndefined();
  });
});
