import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';

// Validates response bodies against GitHub's own OpenAPI description (@octokit/openapi,
// api.github.com, OpenAPI 3.0.3). The file is 13 MB: it is read once per test file, on first use,
// and only the schemas an operation needs are extracted and compiled (then cached).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface OpenApi {
  paths: Record<string, Record<string, { responses?: Record<string, JsonObject> }>>;
  components: { schemas: Record<string, JsonObject>; responses: Record<string, JsonObject> };
}

let description: OpenApi | undefined;
const validators = new Map<string, ValidateFunction | 'no-body'>();

function api(): OpenApi {
  if (!description) {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    description = JSON.parse(readFileSync(file, 'utf8')) as OpenApi;
  }
  return description;
}

const SCHEMA_REF = '#/components/schemas/';

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a `null` type (and a `null` enum member), refs
 * point into `$defs`, and annotations ajv does not know (`example`, `x-*`, `discriminator`) go.
 */
function convert(node: Json, refs: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => convert(item, refs));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (
      key === 'example' ||
      key === 'examples' ||
      key === 'nullable' ||
      key === 'discriminator' ||
      key.startsWith('x-')
    )
      continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)) {
      const name = value.slice(SCHEMA_REF.length);
      refs.add(name);
      out.$ref = `#/$defs/${name}`;
    } else if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, convert(schema, refs)]));
    } else {
      out[key] = convert(value, refs);
    }
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/** The body schema with every component it reaches, as one standalone JSON Schema. */
function standalone(schema: Json): JsonObject {
  const refs = new Set<string>();
  const root = convert(schema, refs);
  const defs: JsonObject = {};
  const queue = [...refs];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (name in defs) continue;
    const found = new Set<string>();
    const component = api().components.schemas[name];
    if (!component) throw new Error(`OpenAPI has no schema ${name}`);
    defs[name] = convert(component, found);
    for (const next of found) if (!(next in defs)) queue.push(next);
  }
  return { ...(isObject(root) ? root : { const: root }), $defs: defs };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function makeAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    // An unknown format would be skipped silently: make it fail loudly instead.
    logger: {
      log: () => undefined,
      warn: (message: unknown) => {
        throw new Error(String(message));
      },
      error: (message: unknown) => {
        throw new Error(String(message));
      },
    },
  });
  ajv.addFormat('date-time', (value: string) => RFC3339.test(value) && !Number.isNaN(Date.parse(value)));
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-template', () => true);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (value: number) => Number.isInteger(value) && Math.abs(value) < 2 ** 31,
  });
  return ajv;
}

let ajv: Ajv | undefined;

function validatorFor(pathTemplate: string, method: string, status: number): ValidateFunction | 'no-body' | string {
  const key = `${method.toUpperCase()} ${pathTemplate} ${status}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const operation = api().paths[pathTemplate]?.[method.toLowerCase()];
  if (!operation) return `OpenAPI has no operation ${method.toUpperCase()} ${pathTemplate}`;
  let response: Json | undefined = operation.responses?.[String(status)];
  if (!isObject(response)) return `${method.toUpperCase()} ${pathTemplate} documents no ${status} response`;
  const ref = response.$ref;
  if (typeof ref === 'string') response = api().components.responses[ref.split('/').pop() ?? ''];
  const content = isObject(response) ? response.content : undefined;
  const json = isObject(content) ? content['application/json'] : undefined;
  const schema = isObject(json) ? json.schema : undefined;
  const validator = schema === undefined ? 'no-body' : (ajv ??= makeAjv()).compile(standalone(schema));
  validators.set(key, validator);
  return validator;
}

/** Errors (empty when valid) of a value against one component schema, e.g. `basic-error`. */
export function validateComponent(name: string, value: unknown): string[] {
  const key = `component ${name}`;
  let validator = validators.get(key);
  if (!validator) {
    validator = (ajv ??= makeAjv()).compile(standalone({ $ref: `${SCHEMA_REF}${name}` }));
    validators.set(key, validator);
  }
  if (validator === 'no-body' || validator(value)) return [];
  return (validator.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

/**
 * Errors (empty when valid) of a response body against the OpenAPI description of
 * `METHOD pathTemplate` answering `status`, e.g.
 * `validateResponse('/repos/{owner}/{repo}/actions/runs/{run_id}', 'GET', 200, body)`.
 */
export function validateResponse(pathTemplate: string, method: string, status: number, body: unknown): string[] {
  const validator = validatorFor(pathTemplate, method, status);
  if (typeof validator === 'string' && validator !== 'no-body') return [validator];
  if (validator === 'no-body')
    return body === undefined || body === ''
      ? []
      : [`${status} has no documented body, got ${JSON.stringify(body).slice(0, 80)}`];
  if (validator(body)) return [];
  return (validator.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
