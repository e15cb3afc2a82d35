import { readFileSync } from 'node:fs';
import { normalizeName } from './project-name';
import { notFoundText, type Reply } from './reply';
import type { RouteContext } from './route-context';

/**
 * `GET /files/<name>/<filename>`: the stored bytes (files.pythonhosted.org's role). Yanked files
 * stay downloadable (PEP 592); deleted ones are gone.
 */
export function downloadFile(context: RouteContext, name: string, filename: string): Reply {
  const project = context.store.project(name);
  const known = project?.releases.some((release) => release.files.some((file) => file.filename === filename));
  if (!known) return notFoundText();
  const bytes = readFileSync(context.store.filePath(normalizeName(name), filename));
  return {
    status: 200,
    headers: { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'max-age=365000000, immutable, public' },
    body: bytes,
    etag: true,
  };
}
