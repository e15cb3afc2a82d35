import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultResponse, type Faults } from './faults';
import { API_VERSION, commonHeaders, etagFor, etagMatches, type RateLimit } from './headers';
import { errorBody, notFound, type SimResponse } from './http';
import type { LoggedRequest, RequestLog } from './request-log';
import type { RouteMatch, Router } from './router';
import type { SimStore } from './store';

export interface ServerParts {
  store: SimStore;
  router: Router;
  faults: Faults;
  rateLimit: RateLimit;
  log: RequestLog;
  token: string | undefined;
  /** Handler crashes (a simulator bug): answered 500 and kept here for tests. */
  crashes: unknown[];
  /** Resolves pending `slow` faults early when the server stops. */
  delay(ms: number): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function authScheme(header: string | undefined): LoggedRequest['auth'] {
  if (header === undefined) return 'none';
  const scheme = /^(\S+)\s/.exec(header)?.[1]?.toLowerCase();
  return scheme === 'bearer' ? 'Bearer' : scheme === 'token' ? 'token' : 'other';
}

/** 401 unless `Authorization: Bearer|token <t>` carries the simulator's token (TECH-FACTS §5.1). */
function checkAuth(token: string | undefined, header: string | undefined): SimResponse | undefined {
  if (token === undefined) return undefined;
  if (header === undefined) return errorBody(401, 'Requires authentication');
  const given = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(header)?.[1];
  return given === token ? undefined : errorBody(401, 'Bad credentials');
}

function parseJson(text: string): { value: unknown } | undefined {
  if (text.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The request pipeline: faults, API version, auth, rate limit, route, conditional GET, log. */
export async function handle(parts: ServerParts, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://sim.invalid');
  const text = await readBody(request);
  const match: RouteMatch | undefined = parts.router.match(method, url.pathname);
  const ifNoneMatch = request.headers['if-none-match'];
  const parsed = parseJson(text);
  const entry: LoggedRequest = {
    method,
    url: `${url.pathname}${url.search}`,
    route: match?.route.template,
    status: 0,
    auth: authScheme(request.headers.authorization),
    ifNoneMatch,
    apiVersion:
      typeof request.headers['x-github-api-version'] === 'string' ? request.headers['x-github-api-version'] : undefined,
    userAgent: request.headers['user-agent'],
    requestBody: parsed ? parsed.value : text,
    responseBody: undefined,
    fault: undefined,
  };
  let answer: SimResponse | undefined;
  let headers: Record<string, string> = {};
  let spend = true;
  if (match?.route.public) {
    spend = false;
    answer = run(parts, match, method, url, request, undefined);
  } else {
    headers = commonHeaders();
    const fault = parts.faults.take(method, url.pathname);
    if (fault?.spec.kind === 'slow') await parts.delay(fault.spec.delayMs ?? 1000);
    else if (fault) {
      entry.fault = fault.spec.kind;
      answer = faultResponse(fault.spec, parts.store.now(), headers['x-github-request-id'] ?? '');
    }
    const version = entry.apiVersion;
    answer ??=
      version !== undefined && version !== API_VERSION
        ? errorBody(
            400,
            `API version ${version} is not supported.`,
            'https://docs.github.com/rest/overview/api-versions',
          )
        : undefined;
    answer ??= checkAuth(parts.token, request.headers.authorization);
    if (!answer && parts.rateLimit.exhausted()) {
      answer = errorBody(
        403,
        'API rate limit exceeded for user ID 1.',
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      );
    }
    if (!answer && !parsed) answer = errorBody(400, 'Problems parsing JSON', 'https://docs.github.com/rest');
    answer ??= match && !match.otherRepo ? run(parts, match, method, url, request, parsed?.value) : notFound();
  }
  let body: string | undefined = answer.json === undefined ? answer.text : JSON.stringify(answer.json);
  if (!match?.route.public) {
    if (method === 'GET' && answer.status === 200 && body !== undefined) {
      headers.etag = etagFor(body);
      // A 304 carries no body and costs no rate limit (TECH-FACTS §5.3).
      if (etagMatches(ifNoneMatch, headers.etag)) {
        answer = { status: 304, headers: answer.headers ?? {} };
        body = undefined;
        spend = false;
      }
    }
    if (spend) parts.rateLimit.spend();
    Object.assign(headers, parts.rateLimit.headers());
  }
  Object.assign(headers, answer.headers);
  if (body !== undefined) headers['content-type'] = answer.contentType ?? 'application/json; charset=utf-8';
  headers['content-length'] = String(Buffer.byteLength(body ?? ''));
  entry.status = answer.status;
  entry.responseBody = answer.json ?? answer.text;
  parts.log.record(entry);
  if (response.destroyed) return;
  response.writeHead(answer.status, headers);
  response.end(body);
}

function run(
  parts: ServerParts,
  match: RouteMatch,
  method: string,
  url: URL,
  request: IncomingMessage,
  body: unknown,
): SimResponse {
  try {
    return match.route.handler({
      method,
      route: match.route.template,
      params: match.params,
      query: url.searchParams,
      headers: request.headers,
      body,
      store: parts.store,
    });
  } catch (error) {
    parts.crashes.push(error);
    return { status: 500, json: { message: 'Server Error' } };
  }
}
