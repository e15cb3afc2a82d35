/*
 * The upload form's field checks, in warehouse's order (`_error_message_order`: metadata version,
 * name, version, then the rest) and with its wording (forklift/forms.py, forklift/legacy.py).
 */
import { parseVersion, type Pep440Version } from '../../domain/version';
import { isValidProjectName } from './project-name';
import { pyRepr } from './py-repr';
import type { PackageType } from './store-model';
import type { UploadFields } from './upload-form';

export const CORE_METADATA_HELP = 'See https://packaging.python.org/specifications/core-metadata for more information.';

export type DigestName = 'md5' | 'sha256' | 'blake2_256';

export interface CheckedForm {
  /** The metadata name as sent (`Acme-Tool`). */
  name: string;
  version: Pep440Version;
  filetype: PackageType;
  pyversion: string;
  digests: Partial<Record<DigestName, string>>;
}

const DIGESTS: ReadonlyArray<{ name: DigestName; length: number; label: string }> = [
  { name: 'blake2_256', length: 64, label: 'BLAKE2' },
  { name: 'md5', length: 32, label: 'MD5' },
  { name: 'sha256', length: 64, label: 'SHA256' },
];

/** The checked form, or the message PyPI would answer with (status 400). */
export function checkUploadForm(fields: UploadFields): CheckedForm | { error: string } {
  const invalid = (value: string, field: string, error: string) => ({
    error: `${pyRepr(value)} is an invalid value for ${field}. Error: ${error} ${CORE_METADATA_HELP}`,
  });
  const metadataVersion = fields.text('metadata_version') ?? '';
  if (!metadataVersion) return invalid('', 'Metadata-Version', 'This field is required.');
  if (!/^(1\.[0-2]|2\.[0-5])$/.test(metadataVersion))
    return invalid(metadataVersion, 'Metadata-Version', 'Use a known metadata version.');
  const name = fields.text('name') ?? '';
  if (!name) return invalid('', 'Name', 'This field is required.');
  if (!isValidProjectName(name)) {
    return invalid(
      name,
      'Name',
      "Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'.",
    );
  }
  const versionText = fields.text('version') ?? '';
  if (!versionText) return invalid('', 'Version', 'This field is required.');
  const version = parseVersion(versionText);
  if (!version) return invalid(versionText, 'Version', 'Use a version that conforms to PEP 440.');

  const digests: CheckedForm['digests'] = {};
  for (const digest of DIGESTS) {
    const value = fields.text(`${digest.name}_digest`);
    if (value === undefined) continue;
    if (!new RegExp(`^[0-9a-f]{${digest.length}}$`, 'i').test(value)) {
      return {
        error:
          `Invalid value for ${digest.name}_digest. Error: Use a valid, hex-encoded, ${digest.label} ` +
          `message digest.`,
      };
    }
    digests[digest.name] = value.toLowerCase();
  }
  const filetype = fields.text('filetype');
  if (filetype !== 'sdist' && filetype !== 'bdist_wheel')
    return { error: 'Invalid value for filetype. Error: Use a known file type.' };
  const pyversion = fields.text('pyversion') ?? '';
  if (Object.keys(digests).length === 0) return { error: 'Error: Include at least one message digest.' };
  if (filetype === 'bdist_wheel' && !pyversion)
    return { error: 'Error: Python version is required for binary distribution uploads.' };
  if (filetype === 'sdist' && pyversion && pyversion !== 'source')
    return { error: "Error: Use 'source' as Python version for an sdist." };
  return { name, version, filetype, pyversion: filetype === 'sdist' ? 'source' : pyversion, digests };
}
