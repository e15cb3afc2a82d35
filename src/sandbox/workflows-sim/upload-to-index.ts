import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { blake2b256Hex } from '../index-server/blake2b';
import { parseDistFilename } from '../index-server/dist-filename';

export interface UploadResult {
  filename: string;
  status: number;
  text: string;
}

/**
 * Uploads one distribution the way pypa/gh-action-pypi-publish (twine) does: the legacy upload
 * API, multipart form data, Basic auth as `__token__` with the short-lived token trusted
 * publishing minted.
 */
export async function uploadToIndex(uploadUrl: string, path: string, token: string): Promise<UploadResult> {
  const filename = basename(path);
  const parsed = parseDistFilename(filename);
  if (!parsed.ok) throw new Error(parsed.message);
  const bytes = await readFile(path);
  const isWheel = filename.endsWith('.whl');
  const form = new FormData();
  form.set(':action', 'file_upload');
  form.set('protocol_version', '1');
  form.set('metadata_version', '2.1');
  form.set('name', parsed.value.namePart);
  form.set('version', parsed.value.version.text);
  form.set('filetype', isWheel ? 'bdist_wheel' : 'sdist');
  form.set('pyversion', isWheel ? 'py3' : 'source');
  form.set('md5_digest', createHash('md5').update(bytes).digest('hex'));
  form.set('sha256_digest', createHash('sha256').update(bytes).digest('hex'));
  form.set('blake2_256_digest', blake2b256Hex(bytes));
  form.set('content', new Blob([bytes]), filename);
  const response = await fetch(uploadUrl, {
    method: 'POST',
    body: form,
    headers: { authorization: `Basic ${Buffer.from(`__token__:${token}`).toString('base64')}` },
  });
  return { filename, status: response.status, text: await response.text() };
}
