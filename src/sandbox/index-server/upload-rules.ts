/*
 * What PyPI does with an authenticated upload, in warehouse's order (forklift/legacy.py
 * `file_upload`) and with its messages (TECH-FACTS §3.5): files are immutable, a filename is never
 * reusable, local versions are refused. Errors come back as 400 with the message as the status
 * text *and* the body, the way PyPI's legacy API reports them.
 */
import { compareVersions } from '../../domain/version';
import { hashDist } from './dist-hashes';
import { parseSdistFilename, parseWheelFilename } from './dist-filename';
import { filenameStem, normalizeName } from './project-name';
import { pyRepr } from './py-repr';
import { textReply, type Reply } from './reply';
import type { RouteContext } from './route-context';
import type { StoredRelease } from './store-model';
import { checkUploadForm, CORE_METADATA_HELP, type CheckedForm, type DigestName } from './upload-form-checks';
import { metadataFrom, type UploadContent, type UploadForm } from './upload-form';

const FOURTEEN_DAYS_MS = 14 * 24 * 60 * 60 * 1000;

/** A PyPI-style error: the message is the reason phrase and the body. */
export function uploadError(message: string, status = 400): Reply {
  return { ...textReply(status, message), statusText: message };
}

export function acceptUpload(context: RouteContext, { fields, content }: UploadForm): Reply {
  if ((fields.text('protocol_version') ?? '1') !== '1') return uploadError('Unknown protocol version.');
  const form = checkUploadForm(fields);
  if ('error' in form) return uploadError(form.error);
  if (form.version.hasLocal) {
    return uploadError(
      `The use of local versions in ${pyRepr(form.version.text)} is not allowed. ${CORE_METADATA_HELP}`,
    );
  }
  if (!content) return uploadError('Upload payload does not have a file.');
  const release = context.store.release(form.name, form.version.text);
  const refusal = checkFilename(content.filename, form.filetype) ?? checkContentType(content);
  if (refusal) return uploadError(refusal);

  const hashes = hashDist(content.bytes);
  const computed: Record<DigestName, string> = {
    md5: hashes.md5,
    sha256: hashes.sha256,
    blake2_256: hashes.blake2b256,
  };
  const supplied = Object.entries(form.digests) as Array<[DigestName, string]>;
  if (supplied.some(([name, value]) => computed[name] !== value)) {
    return uploadError('The digest supplied does not match a digest calculated from the uploaded file.');
  }

  const reuse = `See ${context.baseUrl}/help/#file-name-reuse for more information.`;
  const existing = context.store.fileMatching(content.filename, hashes.blake2b256);
  if (existing) {
    // Same name, same bytes: the idempotent no-op twine's --skip-existing and re-runs rely on.
    if (
      existing.filename === content.filename &&
      existing.sha256 === hashes.sha256 &&
      existing.blake2b256 === hashes.blake2b256
    ) {
      return textReply(200, 'OK');
    }
    return uploadError(
      `File already exists (${pyRepr(content.filename)}, with blake2_256 hash ${pyRepr(hashes.blake2b256)}). ${reuse}`,
    );
  }
  if (context.store.wasDeleted(content.filename)) {
    return uploadError(
      `This filename was previously used by a file that has since been deleted. Use a different version. ${reuse}`,
    );
  }
  const releaseRefusal =
    checkRelease(context, release, form) ?? checkArchive(content) ?? checkDistName(content.filename, form);
  if (releaseRefusal) return uploadError(releaseRefusal);

  context.store.addFile({
    projectName: form.name,
    version: form.version.text,
    metadata: metadataFrom(fields),
    bytes: content.bytes,
    file: {
      filename: content.filename,
      packagetype: form.filetype,
      pythonVersion: form.pyversion,
      size: content.bytes.byteLength,
      md5: hashes.md5,
      sha256: hashes.sha256,
      blake2b256: hashes.blake2b256,
      uploadTime: context.now(),
      seeded: false,
      commentText: fields.text('comment') ?? '',
    },
  });
  return textReply(200, 'OK');
}

/** warehouse `_validate_filename`. */
function checkFilename(filename: string, filetype: CheckedForm['filetype']): string | undefined {
  if ([...filename].some((char) => char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127)) {
    return (
      'Cannot upload a file with non-printable characters (ordinals 0-31) or ' +
      'the DEL character (ordinal 127) in the name.'
    );
  }
  if (/[/\\]/.test(filename)) return "Cannot upload a file with '/' or '\\' in the name.";
  const extension = /.+?(\.(tar\.gz|zip|whl))$/i.exec(filename)?.[1];
  if (!extension) {
    return (
      'Invalid file extension: Use .tar.gz, .whl or .zip extension. See ' +
      'https://www.python.org/dev/peps/pep-0527 and ' +
      'https://peps.python.org/pep-0715/ for more information'
    );
  }
  const allowed = filetype === 'sdist' ? ['.tar.gz', '.zip'] : ['.whl'];
  if (!allowed.includes(extension)) {
    return (
      `Invalid file extension: Extension ${extension} is invalid for filetype ${filetype}. See ` +
      `https://www.python.org/dev/peps/pep-0527 for more information.`
    );
  }
  return undefined;
}

function checkContentType(content: UploadContent): string | undefined {
  return content.type.startsWith('image/') ? 'Invalid distribution file.' : undefined;
}

function checkRelease(
  context: RouteContext,
  release: StoredRelease | undefined,
  form: CheckedForm,
): string | undefined {
  if (!release) return undefined;
  if (form.filetype === 'sdist' && release.files.some((file) => file.packagetype === 'sdist')) {
    return 'Only one sdist may be uploaded per release.';
  }
  // PyPI since 2026-07-08 (TECH-FACTS §3.5): old releases are closed to new files.
  if (context.now() - release.created > FOURTEEN_DAYS_MS)
    return 'Uploading new files to releases older than 14 days is not allowed.';
  return undefined;
}

/**
 * A cheap stand-in for warehouse `_is_valid_dist_file`: wheels and zip sdists must be zip
 * archives, tar.gz sdists gzip streams. (PyPI also opens them; the sandbox trusts its builders.)
 */
function checkArchive(content: UploadContent): string | undefined {
  const [a, b, c, d] = content.bytes;
  if (content.filename.endsWith('.tar.gz'))
    return a === 0x1f && b === 0x8b ? undefined : 'Invalid distribution file. File is not a tarfile';
  return a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04
    ? undefined
    : 'Invalid distribution file. File is not a zipfile';
}

/** The filename must start with the normalized name and carry the metadata's version (PEP 625, PEP 427). */
function checkDistName(filename: string, form: CheckedForm): string | undefined {
  const normalized = normalizeName(form.name);
  const stem = filenameStem(normalized);
  if (form.filetype === 'sdist') {
    const parsed = parseSdistFilename(filename);
    if (!parsed.ok) return `Invalid source distribution filename: ${filename}`;
    if (parsed.value.name !== normalized && !postReleaseHyphenMatches(filename, normalized, form)) {
      return `Start filename for ${pyRepr(form.name)} with ${pyRepr(stem)}.`;
    }
    const expected = `${stem}-${form.version.text}.tar.gz`;
    return filename === expected
      ? undefined
      : `Filename ${pyRepr(filename)} is invalid, should be ${pyRepr(expected)}.`;
  }
  const parsed = parseWheelFilename(filename);
  if (!parsed.ok) return parsed.message;
  if (parsed.value.name !== normalized) return `Start filename for ${pyRepr(form.name)} with ${pyRepr(stem)}.`;
  if (parsed.value.namePart !== stem) {
    return (
      `Filename ${pyRepr(filename)} should contain the ` +
      `normalized project name ${pyRepr(stem)}, not ${pyRepr(parsed.value.namePart)}.`
    );
  }
  if (compareVersions(parsed.value.version, form.version) !== 0) {
    return `Version in filename should be ${pyRepr(form.version.text)} not ${pyRepr(parsed.value.version.text)}.`;
  }
  return undefined;
}

/** warehouse's edge case: `name-1.0-1.tar.gz` (implicit post release) splits on the second-to-last hyphen. */
function postReleaseHyphenMatches(filename: string, normalized: string, form: CheckedForm): boolean {
  if (!form.version.isPostrelease || (filename.match(/-/g) ?? []).length < 2) return false;
  const stem = filename.replace(/\.(tar\.gz|zip)$/, '');
  const namePart = stem.slice(0, stem.lastIndexOf('-', stem.lastIndexOf('-') - 1));
  return normalizeName(namePart) === normalized;
}
