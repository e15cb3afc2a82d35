import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { hashDist } from './dist-hashes';
import { parseDistFilename } from './dist-filename';
import type { IndexStore } from './index-store';
import { emptyMetadata } from './store-model';

export interface PublishOptions {
  /** Display name for a new project; default: the name in the filename, normalized. */
  name?: string;
  /** `Requires-Python` of the release (shown as `data-requires-python`; pip honours it). */
  requiresPython?: string;
  summary?: string;
  /** When it was "uploaded" (ms since the epoch); default: now. An old time makes an old release. */
  uploadTime?: number;
}

/**
 * Seeds a distribution straight into the store, skipping the upload API: for history the sandbox
 * needs before the demo starts. The same immutability holds (a stored filename with other bytes,
 * or a deleted filename, is refused), and seeding the same file twice is a no-op.
 * Returns the stored filename.
 */
export function publishLocalFile(store: IndexStore, path: string, options: PublishOptions & { now: number }): string {
  const filename = basename(path);
  const parsed = parseDistFilename(filename);
  if (!parsed.ok) throw new Error(`Cannot seed ${path}: ${parsed.message}`);
  const bytes = readFileSync(path);
  const hashes = hashDist(bytes);
  const existing = store.fileMatching(filename, hashes.blake2b256);
  if (existing?.filename === filename && existing.sha256 === hashes.sha256) return filename;
  if (existing)
    throw new Error(`Cannot seed ${path}: the index already holds ${existing.filename} with other content.`);
  if (store.wasDeleted(filename))
    throw new Error(`Cannot seed ${path}: that filename was deleted and can never be reused.`);
  const { name, version } = parsed.value;
  store.addFile({
    projectName: options.name ?? store.project(name)?.name ?? name,
    version: version.text,
    metadata: { ...emptyMetadata(), summary: options.summary ?? null, requires_python: options.requiresPython ?? null },
    bytes,
    file: {
      filename,
      packagetype: parsed.value.kind === 'wheel' ? 'bdist_wheel' : 'sdist',
      pythonVersion: parsed.value.kind === 'wheel' ? parsed.value.pythonTag : 'source',
      size: bytes.byteLength,
      ...hashes,
      uploadTime: options.uploadTime ?? options.now,
      seeded: true,
      commentText: '',
    },
  });
  return filename;
}
