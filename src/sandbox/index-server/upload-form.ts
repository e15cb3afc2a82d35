/*
 * The legacy upload form as twine and pypa/gh-action-pypi-publish send it: multipart/form-data
 * with metadata fields named after core metadata (`requires_python`, repeated `classifiers`, …)
 * and the distribution in `content`. Parsed with the WHATWG `Request.formData()` Node ships.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { emptyMetadata, type ReleaseMetadata } from './store-model';

export interface UploadFields {
  /** The first value of a text field; absent, empty and distutils' "UNKNOWN" all read as undefined. */
  text(name: string): string | undefined;
  /** Every value of a repeated text field. */
  texts(name: string): string[];
}

export interface UploadContent {
  filename: string;
  type: string;
  bytes: Uint8Array;
}

export interface UploadForm {
  fields: UploadFields;
  content: UploadContent | undefined;
}

/** Reads the request body; undefined when it is not a well-formed multipart (or urlencoded) form. */
export async function readUploadForm(request: IncomingMessage): Promise<UploadForm | undefined> {
  const headers = new Headers();
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2)
    headers.append(request.rawHeaders[i] ?? '', request.rawHeaders[i + 1] ?? '');
  let form: FormData;
  try {
    const body = Readable.toWeb(request) as ReadableStream<Uint8Array>;
    form = await new Request('http://index.invalid/legacy/', {
      method: 'POST',
      headers,
      body,
      duplex: 'half',
    } as RequestInit).formData();
  } catch {
    return undefined;
  }
  const content = form.get('content');
  return {
    fields: fieldsOf(form),
    content:
      content instanceof File
        ? { filename: content.name, type: content.type, bytes: new Uint8Array(await content.arrayBuffer()) }
        : undefined,
  };
}

function fieldsOf(form: FormData): UploadFields {
  // Warehouse drops "UNKNOWN" values: distutils filled required-but-missing fields with it.
  const texts = (name: string): string[] =>
    form
      .getAll(name)
      .filter((value): value is string => typeof value === 'string' && value !== '' && value.trim() !== 'UNKNOWN');
  return { texts, text: (name) => texts(name)[0] };
}

/** Release metadata from the form, keyed like PyPI's JSON `info`. */
export function metadataFrom(fields: UploadFields): ReleaseMetadata {
  const list = (name: string): string[] | null => (fields.texts(name).length > 0 ? fields.texts(name) : null);
  const text = (name: string): string | null => fields.text(name) ?? null;
  return {
    ...emptyMetadata(),
    summary: text('summary'),
    description: fields.text('description') ?? '',
    description_content_type: text('description_content_type'),
    author: text('author'),
    author_email: text('author_email'),
    maintainer: text('maintainer'),
    maintainer_email: text('maintainer_email'),
    license: text('license'),
    license_expression: text('license_expression'),
    license_files: list('license_file'),
    keywords: text('keywords'),
    classifiers: fields.texts('classifiers'),
    home_page: text('home_page'),
    download_url: text('download_url'),
    platform: text('platform'),
    project_urls: projectUrls(fields.texts('project_urls')),
    requires_dist: list('requires_dist'),
    requires_python: text('requires_python'),
    provides_extra: list('provides_extra'),
    dynamic: list('dynamic'),
  };
}

/** Core metadata `Project-URL: Label, https://…` entries as PyPI's `project_urls` object. */
function projectUrls(entries: string[]): Record<string, string> | null {
  if (entries.length === 0) return null;
  const urls: Record<string, string> = {};
  for (const entry of entries) {
    const comma = entry.indexOf(',');
    if (comma > 0) urls[entry.slice(0, comma).trim()] = entry.slice(comma + 1).trim();
  }
  return urls;
}
