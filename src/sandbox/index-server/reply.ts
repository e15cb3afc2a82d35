/*
 * Routes answer with a `Reply` value; one writer puts it on the wire. Keeping replies as data makes
 * every route a function of (request, store) and keeps ETag/304 handling in one place.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  /** The HTTP reason phrase. PyPI's upload API puts its error message here (warehouse `_exc_with_message`). */
  statusText?: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Add a strong ETag from the body and answer 304 to a matching `If-None-Match`. */
  etag?: boolean;
}

export function textReply(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body };
}

/** PyPI's JSON is `json.dumps` output: `{"message": "Not Found"}`, with a space after each separator. */
export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: pythonJson(value) };
}

export function notFoundText(): Reply {
  return textReply(404, '404 Not Found');
}

export function redirectReply(location: string): Reply {
  return {
    status: 301,
    headers: { Location: location, 'Content-Type': 'text/plain; charset=utf-8' },
    body: `301 Moved Permanently: ${location}`,
  };
}

/** JSON laid out like Python's `json.dumps(value)` defaults (`", "` and `": "` separators). */
export function pythonJson(value: unknown): string {
  // Indented output has a newline only between tokens (strings escape theirs), so this is safe.
  return JSON.stringify(value, null, 1).replace(/\n */g, (match: string, offset: number, text: string) => {
    const previous = text[offset - 1];
    const next = text[offset + match.length];
    return previous === '[' || previous === '{' || next === ']' || next === '}' ? '' : ' ';
  });
}

export function writeReply(request: IncomingMessage, response: ServerResponse, reply: Reply): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  const headers: Record<string, string> = { ...reply.headers, 'Content-Length': String(body.byteLength) };
  if (reply.etag) {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    headers.ETag = etag;
    if (reply.status === 200 && request.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      delete headers['Content-Length'];
      response.writeHead(304, headers).end();
      return;
    }
  }
  response.writeHead(reply.status, safeStatusText(reply.statusText), headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Status lines are Latin-1 without CR/LF (warehouse encodes its messages the same way). */
function safeStatusText(text: string | undefined): string | undefined {
  return text?.replace(/[\r\n]+/g, ' ').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}
