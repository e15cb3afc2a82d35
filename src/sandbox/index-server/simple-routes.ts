/*
 * The simple repository API pip reads: PEP 503 HTML and PEP 691 JSON, API version 1.4
 * (TECH-FACTS §3.3). Yanked files carry PEP 592's `data-yanked` / `yanked`; files uploaded inside
 * the lag are not listed yet (see route-context.ts).
 */
import { negotiateSimpleType, SIMPLE_HTML, SIMPLE_V1_JSON, type SimpleContentType } from './accept-negotiation';
import { normalizeName } from './project-name';
import { byCodeUnit } from './code-unit-order';
import { notFoundText, pythonJson, redirectReply, type Reply } from './reply';
import { fileUrl, listedReleases, type RouteContext } from './route-context';
import { isoMicros } from './upload-time';

const API_VERSION = '1.4';

export interface SimpleRequest {
  accept: string | undefined;
  /** PEP 691's `?format=` override, if given. */
  format: string | null;
  search: string;
}

/** `GET /simple/`: every project that has (listed) files. */
export function simpleIndex(context: RouteContext, request: SimpleRequest): Reply {
  const type = negotiateSimpleType(request.accept, request.format);
  const projects = context.store
    .projects()
    .filter(([, project]) => listedReleases(context, project) !== undefined)
    .map(([normalized, project]) => ({ normalized, project }));
  const serial = context.store.serial;
  if (type === SIMPLE_V1_JSON) {
    const body = {
      meta: { 'api-version': API_VERSION, '_last-serial': serial },
      projects: projects.map(({ project }) => ({ name: project.name, '_last-serial': project.lastSerial })),
    };
    return simpleReply(type, pythonJson(body), serial);
  }
  const links = projects.map(
    ({ normalized, project }) => `    <a href="/simple/${normalized}/">${escapeHtml(project.name)}</a>\n`,
  );
  return simpleReply(type, htmlPage('Simple index', '', links.join('')) + `<!--SERIAL ${serial}-->`, serial);
}

/** `GET /simple/<name>/`: 404 when unknown, 301 to the normalized name, then the negotiated page. */
export function simpleDetail(context: RouteContext, name: string, request: SimpleRequest): Reply {
  const normalized = normalizeName(name);
  const project = context.store.project(normalized);
  const releases = project && listedReleases(context, project);
  if (!project || !releases) return notFoundText();
  if (name !== normalized) return redirectReply(`/simple/${normalized}/${request.search}`);

  const type = negotiateSimpleType(request.accept, request.format);
  // PyPI lists files by filename, whatever their version.
  const files = releases
    .flatMap(({ release, files: listed }) => listed.map((file) => ({ release, file })))
    .sort((a, b) => byCodeUnit(a.file.filename, b.file.filename));
  const serial = project.lastSerial;

  if (type === SIMPLE_V1_JSON) {
    const body = {
      meta: { 'api-version': API_VERSION, '_last-serial': serial },
      name: normalized,
      versions: releases.map(({ release }) => release.version),
      files: files.map(({ release, file }) => ({
        filename: file.filename,
        url: fileUrl(context, normalized, file.filename),
        hashes: { sha256: file.sha256 },
        'requires-python': release.metadata.requires_python,
        size: file.size,
        'upload-time': isoMicros(file.uploadTime),
        // PEP 592 / PEP 691: the reason when there is one, else a boolean.
        yanked: release.yanked ? release.yankedReason || true : false,
        'core-metadata': false,
        'data-dist-info-metadata': false,
        provenance: null,
      })),
      'project-status': { status: 'active' },
    };
    return simpleReply(type, pythonJson(body), serial);
  }

  const links = files.map(({ release, file }) => {
    const attributes = [`href="${escapeHtml(`${fileUrl(context, normalized, file.filename)}#sha256=${file.sha256}`)}"`];
    if (release.metadata.requires_python)
      attributes.push(`data-requires-python="${escapeHtml(release.metadata.requires_python)}"`);
    if (release.yanked) attributes.push(`data-yanked="${escapeHtml(release.yankedReason)}"`);
    return `    <a ${attributes.join(' ')}>${escapeHtml(file.filename)}</a><br />\n`;
  });
  const head = '    <meta name="pypi:project-status" content="active">\n';
  const title = `Links for ${escapeHtml(project.name)}`;
  return simpleReply(
    type,
    htmlPage(title, head, `    <h1>${title}</h1>\n${links.join('')}`) + `<!--SERIAL ${serial}-->`,
    serial,
  );
}

function htmlPage(title: string, extraHead: string, body: string): string {
  return [
    '<!DOCTYPE html>\n<html>\n  <head>\n',
    `    <meta name="pypi:repository-version" content="${API_VERSION}">\n`,
    extraHead,
    `    <title>${title}</title>\n  </head>\n  <body>\n`,
    body,
    '  </body>\n</html>\n',
  ].join('');
}

function simpleReply(type: SimpleContentType, body: string, serial: number): Reply {
  return {
    status: 200,
    headers: {
      'Content-Type': type === SIMPLE_HTML ? 'text/html; charset=utf-8' : type,
      Vary: 'Accept',
      'Cache-Control': 'max-age=600, public',
      'X-PyPI-Last-Serial': String(serial),
    },
    body,
    etag: true,
  };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
