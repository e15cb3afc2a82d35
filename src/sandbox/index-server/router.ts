import type { IncomingMessage } from 'node:http';
import { downloadFile } from './file-routes';
import { projectJson, releaseJson } from './json-api-routes';
import { notFoundText, redirectReply, textReply, type Reply } from './reply';
import type { RouteContext } from './route-context';
import { simpleDetail, simpleIndex, type SimpleRequest } from './simple-routes';
import { handleUpload } from './upload-route';

type Params = string[];

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle(context: RouteContext, params: Params, request: IncomingMessage, url: URL): Reply | Promise<Reply>;
}

const simpleRequest = (request: IncomingMessage, url: URL): SimpleRequest => ({
  accept: request.headers.accept,
  format: url.searchParams.get('format'),
  search: url.search,
});

const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/simple$/, handle: (_c, _p, _r, url) => redirectReply(`/simple/${url.search}`) },
  {
    method: 'GET',
    pattern: /^\/simple\/$/,
    handle: (context, _p, request, url) => simpleIndex(context, simpleRequest(request, url)),
  },
  {
    method: 'GET',
    pattern: /^\/simple\/([^/]+)$/,
    handle: (_c, [name = ''], _r, url) => redirectReply(`/simple/${name}/${url.search}`),
  },
  {
    method: 'GET',
    pattern: /^\/simple\/([^/]+)\/$/,
    handle: (context, [name = ''], request, url) => simpleDetail(context, name, simpleRequest(request, url)),
  },
  {
    method: 'GET',
    pattern: /^\/pypi\/([^/]+)\/json\/?$/,
    handle: (context, [name = '']) => projectJson(context, name),
  },
  {
    method: 'GET',
    pattern: /^\/pypi\/([^/]+)\/([^/]+)\/json\/?$/,
    handle: (context, [name = '', version = '']) => releaseJson(context, name, version),
  },
  {
    method: 'GET',
    pattern: /^\/files\/([^/]+)\/([^/]+)$/,
    handle: (context, [name = '', file = '']) => downloadFile(context, name, file),
  },
  { method: 'POST', pattern: /^\/legacy\/?$/, handle: (context, _p, request) => handleUpload(context, request) },
];

/** Finds the route for a request; 404 `text/plain` for unknown paths, 405 for a known path and wrong method. */
export async function route(context: RouteContext, request: IncomingMessage): Promise<Reply> {
  const url = new URL(request.url ?? '/', 'http://index.invalid');
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  let pathKnown = false;
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(url.pathname);
    if (!match) continue;
    pathKnown = true;
    if (candidate.method !== method) continue;
    const params = decodeAll(match.slice(1));
    return params ? candidate.handle(context, params, request, url) : notFoundText();
  }
  return pathKnown ? textReply(405, '405 Method Not Allowed') : notFoundText();
}

function decodeAll(raw: Array<string | undefined>): Params | undefined {
  try {
    return raw.map((part) => decodeURIComponent(part ?? ''));
  } catch {
    return undefined;
  }
}
