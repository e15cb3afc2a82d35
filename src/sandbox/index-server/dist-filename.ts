/*
 * Distribution filenames, parsed the way pypa/packaging's `parse_wheel_filename` and
 * `parse_sdist_filename` do (warehouse checks uploads with them; messages copied from packaging
 * 24.2 so the sandbox answers with PyPI's words). Wheel names follow the binary distribution format
 * spec: `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`; sdists are `{name}-{version}.tar.gz`.
 */
import { parseVersion, type Pep440Version } from '../../domain/version';
import { pyRepr } from './py-repr';
import { normalizeName } from './project-name';

export interface WheelFilename {
  kind: 'wheel';
  /** The name as written in the filename (`acme_tool`). */
  namePart: string;
  /** PEP 503 normalized (`acme-tool`). */
  name: string;
  version: Pep440Version;
  /** The tag triple's python part (`py3`, `cp312`, `py2.py3`): what PyPI shows as `python_version`. */
  pythonTag: string;
  platformTags: string[];
}

export interface SdistFilename {
  kind: 'sdist';
  namePart: string;
  name: string;
  version: Pep440Version;
}

export type DistFilename = WheelFilename | SdistFilename;

/** A parsed filename, or packaging's error message for it. */
export type ParsedFilename<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseWheelFilename(filename: string): ParsedFilename<WheelFilename> {
  if (!filename.endsWith('.whl')) return fail(`Invalid wheel filename (extension must be '.whl'): ${pyRepr(filename)}`);
  // packaging reports the stem (it has already dropped `.whl`) from here on.
  const stem = filename.slice(0, -'.whl'.length);
  const parts = stem.split('-');
  if (parts.length !== 5 && parts.length !== 6)
    return fail(`Invalid wheel filename (wrong number of parts): ${pyRepr(stem)}`);
  const [namePart = '', versionPart = ''] = parts;
  if (namePart.includes('__') || !/^[\w.]*$/u.test(namePart)) return fail(`Invalid project name: ${pyRepr(stem)}`);
  const version = parseVersion(versionPart);
  if (!version) return fail(`Invalid wheel filename (invalid version): ${pyRepr(stem)}`);
  if (parts.length === 6 && !/^\d/.test(parts[2] ?? ''))
    return fail(`Invalid build number: ${parts[2]} in ${pyRepr(stem)}`);
  const [pythonTag = '', , platformTag = ''] = parts.slice(-3);
  return {
    ok: true,
    value: {
      kind: 'wheel',
      namePart,
      name: normalizeName(namePart),
      version,
      pythonTag,
      platformTags: platformTag.split('.'),
    },
  };
}

export function parseSdistFilename(filename: string): ParsedFilename<SdistFilename> {
  const extension = ['.tar.gz', '.zip'].find((ext) => filename.endsWith(ext));
  if (!extension) return fail(`Invalid sdist filename (extension must be '.tar.gz' or '.zip'): ${pyRepr(filename)}`);
  const stem = filename.slice(0, -extension.length);
  // rpartition('-'): names may hold dashes (legacy `acme-tool-1.0.tar.gz`), versions seldom do.
  const dash = stem.lastIndexOf('-');
  if (dash < 0) return fail(`Invalid sdist filename: ${pyRepr(filename)}`);
  const namePart = stem.slice(0, dash);
  const version = parseVersion(stem.slice(dash + 1));
  if (!version) return fail(`Invalid sdist filename (invalid version): ${pyRepr(filename)}`);
  return { ok: true, value: { kind: 'sdist', namePart, name: normalizeName(namePart), version } };
}

/** Either kind, chosen by extension. */
export function parseDistFilename(filename: string): ParsedFilename<DistFilename> {
  return filename.endsWith('.whl') ? parseWheelFilename(filename) : parseSdistFilename(filename);
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
