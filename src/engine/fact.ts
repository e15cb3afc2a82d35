import * as v from 'valibot';
import type { Json } from '../ports/journal-store';

/**
 * What one step hands to later steps: a named, typed value kept in the journal under `key`.
 * The schema checks what comes back from disk, so a journal edited by hand or written by an
 * older pyrelease reads as "not known" instead of as a wrong value.
 */
export interface Fact<T> {
  /** The journal key (`chosen-version`); stable: journals on disk hang on it. */
  readonly key: string;
  /** How messages name it: "the chosen version". */
  readonly title: string;
  readonly schema: v.GenericSchema<unknown, T>;
}

export type FactValue<F> = F extends Fact<infer T> ? T : never;

/** Any fact, for lists of what a step needs or gives. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFact = Fact<any>;

export function defineFact<S extends v.GenericSchema<unknown, unknown>>(
  key: string,
  title: string,
  schema: S,
): Fact<v.InferOutput<S>> {
  return { key, title, schema: schema as v.GenericSchema<unknown, v.InferOutput<S>> };
}

/** The stored value of a fact, or undefined when it is absent or does not fit its schema. */
export function decodeFact<T>(fact: Fact<T>, stored: Json | undefined): T | undefined {
  if (stored === undefined) return undefined;
  const result = v.safeParse(fact.schema, stored);
  return result.success ? result.output : undefined;
}

/** A fact's value as it goes into the journal: plain JSON, nothing undefined. */
export function encodeFact<T>(fact: Fact<T>, value: T): Json {
  const checked = v.parse(fact.schema, value);
  return JSON.parse(JSON.stringify(checked)) as Json;
}
