/*
 * The journal's shape on disk, as valibot schemas: a journal is checked whole when it is read, so a
 * file edited by hand or damaged is refused with the path of its first problem, never half-used.
 * `src/ports/journal-store.ts` holds the TypeScript types and checks at compile time that they and
 * these schemas describe the same thing. Facts stay plain JSON here: each fact's own schema
 * checks it when a step reads it.
 */
import * as v from 'valibot';
import { PyreleaseError } from './errors';

/** Same as `Json` in ports/ (domain/ imports only domain/). */
type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** valibot's `object` and `record` take arrays too: a journal's objects never are. */
const NotArray = v.custom<unknown>(
  (input) => !Array.isArray(input),
  (issue) => `Invalid type: Expected Object but received ${issue.received}`,
);
const objectOf = <S extends v.GenericSchema>(schema: S) => v.pipe(NotArray, schema);
const recordOf = <S extends v.GenericSchema>(value: S) => objectOf(v.record(v.string(), value));

const JsonSchema: v.GenericSchema<unknown, JsonValue> = v.lazy(() =>
  v.union([v.null(), v.boolean(), v.number(), v.string(), v.array(JsonSchema), recordOf(JsonSchema)]),
);
const JsonObjectSchema = recordOf(JsonSchema);

export const RELEASE_ID_MAX_LENGTH = 100;
const RELEASE_ID_RULE =
  `letters, digits, '.', '_' and '-' only, without '..', at most ${RELEASE_ID_MAX_LENGTH} characters ` +
  `(like 2026-12-03T14-59-39-766Z-b0b3)`;

/** Whether `id` can name a file (`history/<id>.json`, `logs/<id>.log`) without leaving its folder. */
export function isSafeReleaseId(id: string): boolean {
  return id.length <= RELEASE_ID_MAX_LENGTH && /^[A-Za-z0-9._-]+$/.test(id) && !id.includes('..');
}

/** Refuses a release id that could not safely name a file. */
export function assertSafeReleaseId(id: string): void {
  if (!isSafeReleaseId(id)) {
    throw new PyreleaseError(
      'journal.unsafe-release-id',
      `The release id ${printable(JSON.stringify(id))} cannot name a file: a release id is ${RELEASE_ID_RULE}. ` +
        'Nothing was written.',
      { hint: 'Release ids come from pyrelease itself; a journal edited by hand must keep the one it had.' },
    );
  }
}

const ReleaseIdSchema = v.pipe(v.string(), v.check(isSafeReleaseId, `Expected a release id: ${RELEASE_ID_RULE}`));

const StepStateSchema = v.picklist(['pending', 'running', 'done', 'failed', 'cancelled', 'skipped']);
const ReleaseStateSchema = v.picklist([
  'in-progress',
  'done',
  'failed',
  'cancelled',
  'paused',
  'abandoned',
  'handed-off',
]);

const stepRecordEntries = {
  state: StepStateSchema,
  title: v.string(),
  startedAt: v.exactOptional(v.string()),
  finishedAt: v.exactOptional(v.string()),
  attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
  detail: v.exactOptional(v.string()),
  error: v.exactOptional(
    objectOf(v.object({ code: v.string(), message: v.string(), hint: v.exactOptional(v.string()) })),
  ),
};

const AnswerRecordSchema = objectOf(
  v.object({
    value: v.union([v.boolean(), v.string(), v.array(v.string())]),
    source: v.picklist(['flag', 'journal', 'default', 'user']),
    at: v.string(),
    step: v.string(),
  }),
);

const ReleaseSchema = objectOf(
  v.object({
    project: v.exactOptional(v.string()),
    from: v.exactOptional(v.string()),
    to: v.exactOptional(v.string()),
  }),
);

const HandoffSchema = objectOf(v.object({ flow: v.string(), params: JsonObjectSchema, reason: v.string() }));

/*
 * Keys outside a schema are dropped (valibot's `object`): only a hand edit puts them there, and a
 * change to the journal's shape that older versions must not read bumps the schema number.
 */

/** Schema 2, today's journal (`JournalData`). */
export const JournalDataSchema = v.object({
  schema: v.literal(2),
  releaseId: ReleaseIdSchema,
  flow: v.string(),
  params: JsonObjectSchema,
  state: ReleaseStateSchema,
  createdAt: v.string(),
  updatedAt: v.string(),
  writtenBy: v.string(),
  release: ReleaseSchema,
  facts: JsonObjectSchema,
  steps: recordOf(objectOf(v.object(stepRecordEntries))),
  answers: recordOf(AnswerRecordSchema),
  parent: v.exactOptional(objectOf(v.object({ flow: v.string(), releaseId: ReleaseIdSchema }))),
  handoff: v.exactOptional(HandoffSchema),
});

/** Schema 1, as pyrelease 0.1 wrote it (`JournalDataV1`). */
export const JournalDataV1Schema = v.object({
  schema: v.literal(1),
  releaseId: ReleaseIdSchema,
  mode: v.picklist(['release', 'hotfix']),
  state: ReleaseStateSchema,
  createdAt: v.string(),
  updatedAt: v.string(),
  writtenBy: v.string(),
  release: ReleaseSchema,
  steps: recordOf(objectOf(v.object({ ...stepRecordEntries, outputs: v.exactOptional(JsonObjectSchema) }))),
  answers: recordOf(AnswerRecordSchema),
});

/** The schema this pyrelease writes (ports/ checks that `JOURNAL_SCHEMA` is the same number). */
const CURRENT_SCHEMA = JournalDataSchema.entries.schema.literal;

/** Any journal this pyrelease can read (`StoredJournal`). */
export const StoredJournalSchema = v.variant('schema', [JournalDataV1Schema, JournalDataSchema]);

export type CheckedJournal = v.InferOutput<typeof StoredJournalSchema>;

export type JournalCheck =
  | { ok: true; journal: CheckedJournal }
  /** Written by a newer pyrelease: its shape is unknown here, so nothing else is checked. */
  | { ok: false; newerSchema: number }
  /** Does not fit: `path` is the JSON path of the first problem (`answers`, `steps.prepare.push.state`; '' for the whole). */
  | { ok: false; path: string; problem: string; more: number };

/** Checks parsed JSON as a journal, whole. */
export function checkJournal(input: unknown): JournalCheck {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, path: '', problem: `Expected an object but received ${kindOf(input)}`, more: 0 };
  }
  const schema = (input as { schema?: unknown }).schema;
  if (typeof schema === 'number' && Number.isSafeInteger(schema) && schema > CURRENT_SCHEMA) {
    return { ok: false, newerSchema: schema };
  }
  const result = v.safeParse(StoredJournalSchema, input);
  if (result.success) return { ok: true, journal: result.output };
  const [first, ...rest] = result.issues;
  return {
    ok: false,
    path: printable(v.getDotPath(first) ?? ''),
    problem: printable(first.message),
    more: rest.length,
  };
}

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  return Array.isArray(input) ? 'an array' : typeof input;
}

/** A value from the file, safe to print: no control characters (no terminal escapes), not too long. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}
