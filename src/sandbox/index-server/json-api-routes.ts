/*
 * PyPI's JSON API, `/pypi/<name>/json` and `/pypi/<name>/<version>/json` (TECH-FACTS §3.2).
 * Current at once (no lag): PyPI purges it on change, and pyrelease polls it for "uploaded".
 */
import { normalizeName } from './project-name';
import { latestRelease } from './release-order';
import { jsonReply, redirectReply, type Reply } from './reply';
import { fileUrl, type RouteContext } from './route-context';
import type { StoredFile, StoredProject, StoredRelease } from './store-model';
import { isoMicros, isoSeconds } from './upload-time';

const NOT_FOUND = { message: 'Not Found' };

/** `/pypi/<name>/json`: the latest release's info and files plus every release's files. */
export function projectJson(context: RouteContext, name: string): Reply {
  const found = lookUp(context, name);
  if ('reply' in found) return found.reply;
  const { project, normalized } = found;
  // A project without releases has no "latest": warehouse answers 404.
  const latest = latestRelease(project.releases);
  if (!latest) return jsonReply(404, NOT_FOUND);
  if (name !== normalized) return redirectReply(`/pypi/${normalized}/json`);
  const releases = Object.fromEntries(
    project.releases.map((release) => [release.version, filesJson(context, normalized, release)]),
  );
  return releaseReply(context, project, normalized, latest, { releases });
}

/** `/pypi/<name>/<version>/json`: one release, found through canonicalize_version; no `releases` key. */
export function releaseJson(context: RouteContext, name: string, version: string): Reply {
  const found = lookUp(context, name);
  if ('reply' in found) return found.reply;
  const { project, normalized } = found;
  const release = context.store.release(normalized, version);
  if (!release) return jsonReply(404, NOT_FOUND);
  if (name !== normalized) return redirectReply(`/pypi/${normalized}/${encodeURIComponent(version)}/json`);
  return releaseReply(context, project, normalized, release, {});
}

function lookUp(
  context: RouteContext,
  name: string,
): { project: StoredProject; normalized: string } | { reply: Reply } {
  const normalized = normalizeName(name);
  const project = context.store.project(normalized);
  return project ? { project, normalized } : { reply: jsonReply(404, NOT_FOUND) };
}

function releaseReply(
  context: RouteContext,
  project: StoredProject,
  normalized: string,
  release: StoredRelease,
  extra: { releases?: Record<string, unknown[]> },
): Reply {
  const body = {
    info: infoJson(context, project, release),
    last_serial: project.lastSerial,
    ...extra,
    urls: filesJson(context, normalized, release),
    vulnerabilities: [],
    ownership: { organization: null, roles: [] },
  };
  return jsonReply(200, body, {
    'X-PyPI-Last-Serial': String(project.lastSerial),
    'Cache-Control': 'max-age=900, public',
    'Access-Control-Allow-Origin': '*',
  });
}

/** PyPI's `info` object: metadata from the release's first upload, plus the links and yank state. */
function infoJson(context: RouteContext, project: StoredProject, release: StoredRelease): Record<string, unknown> {
  const meta = release.metadata;
  const projectUrl = `${context.baseUrl}/project/${project.name}/`;
  return {
    author: meta.author,
    author_email: meta.author_email,
    bugtrack_url: null,
    classifiers: meta.classifiers,
    description: meta.description,
    description_content_type: meta.description_content_type,
    docs_url: null,
    download_url: meta.download_url,
    downloads: { last_day: -1, last_month: -1, last_week: -1 },
    dynamic: meta.dynamic,
    home_page: meta.home_page,
    keywords: meta.keywords,
    license: meta.license,
    license_expression: meta.license_expression,
    license_files: meta.license_files,
    maintainer: meta.maintainer,
    maintainer_email: meta.maintainer_email,
    name: project.name,
    package_url: projectUrl,
    platform: meta.platform,
    project_url: projectUrl,
    project_urls: meta.project_urls,
    provides_extra: meta.provides_extra,
    release_url: `${projectUrl}${release.version}/`,
    requires_dist: meta.requires_dist,
    requires_python: meta.requires_python,
    summary: meta.summary,
    version: release.version,
    yanked: release.yanked,
    yanked_reason: release.yanked ? release.yankedReason || null : null,
  };
}

/** Per-file objects; `yanked`/`yanked_reason` mirror the release (PyPI yanks whole releases). */
function filesJson(context: RouteContext, normalized: string, release: StoredRelease): Array<Record<string, unknown>> {
  return release.files.map((file: StoredFile) => ({
    comment_text: file.commentText,
    'core-metadata': false,
    digests: { blake2b_256: file.blake2b256, md5: file.md5, sha256: file.sha256 },
    downloads: -1,
    filename: file.filename,
    has_sig: false,
    md5_digest: file.md5,
    packagetype: file.packagetype,
    python_version: file.pythonVersion,
    requires_python: release.metadata.requires_python,
    size: file.size,
    upload_time: isoSeconds(file.uploadTime),
    upload_time_iso_8601: isoMicros(file.uploadTime),
    url: fileUrl(context, normalized, file.filename),
    yanked: release.yanked,
    yanked_reason: release.yanked ? release.yankedReason || null : null,
  }));
}
