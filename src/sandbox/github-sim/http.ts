import type { IncomingHttpHeaders } from 'node:http';
import type { SimStore } from './store';

/** One request as a route handler sees it. */
export interface SimRequest {
  method: string;
  /** The route's OpenAPI path template, e.g. `/repos/{owner}/{repo}/actions/runs/{run_id}`. */
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  store: SimStore;
}

export interface SimResponse {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Handler = (request: SimRequest) => SimResponse;

const DOCS = 'https://docs.github.com/rest';

export function ok(json: unknown, status = 200, headers?: Record<string, string>): SimResponse {
  return { status, json, ...(headers ? { headers } : {}) };
}

export function noContent(status = 204): SimResponse {
  return { status };
}

/** GitHub's error body; `status` is a string in real responses (`"404"`). */
export function errorBody(
  status: number,
  message: string,
  docs = DOCS,
  extra: Record<string, unknown> = {},
): SimResponse {
  return { status, json: { message, ...extra, documentation_url: docs, status: String(status) } };
}

export function notFound(docs = DOCS): SimResponse {
  return errorBody(404, 'Not Found', docs);
}

/** A resource-level validation failure: `{"message":"Validation Failed","errors":[…]}`. */
export function validationFailed(resource: string, code: string, field: string, docs = DOCS): SimResponse {
  return validationErrors([{ resource, code, field }], docs);
}

/**
 * The same with GitHub's free-form entries, e.g. `{resource: 'PullRequest', code: 'custom', message: 'No commits
 * between …'}`.
 */
export function validationErrors(errors: Array<Record<string, string>>, docs = DOCS): SimResponse {
  return errorBody(422, 'Validation Failed', docs, { errors });
}

/** A request-schema failure, worded as GitHub words them (`Invalid request.\n\n"ref" wasn't supplied.`). */
export function invalidRequest(detail: string, docs = DOCS): SimResponse {
  return errorBody(422, `Invalid request.\n\n${detail}`, docs);
}

export function bodyObject(request: SimRequest): Record<string, unknown> {
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Reads an optional string field; a wrong type is a 422, as GitHub's schema validation does. */
export function stringField(body: Record<string, unknown>, key: string): string | undefined | SimResponse {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    return invalidRequest(`For 'properties/${key}', ${JSON.stringify(value)} is not a string.`);
  return value;
}

export function booleanField(body: Record<string, unknown>, key: string): boolean | undefined | SimResponse {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean')
    return invalidRequest(`For 'properties/${key}', ${JSON.stringify(value)} is not a boolean.`);
  return value;
}

export function isResponse(value: unknown): value is SimResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    typeof (value as SimResponse).status === 'number'
  );
}

export function intParam(request: SimRequest, name: string): number | undefined {
  const value = request.params[name];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}
