/*
 * What an index holds, as written to `<dataDir>/index.json`. Plain JSON data: the store reads it
 * back on restart, and a curious newcomer can read it after `pyrelease demo --keep`.
 */

export type PackageType = 'sdist' | 'bdist_wheel';

export interface StoredFile {
  filename: string;
  packagetype: PackageType;
  /** `source` for sdists, the wheel's python tag (`py3`) otherwise (PyPI's `python_version`). */
  pythonVersion: string;
  size: number;
  md5: string;
  sha256: string;
  blake2b256: string;
  /** Milliseconds since the epoch, from the server's clock. */
  uploadTime: number;
  /** Seeded through `publishFile`: listed on the simple pages at once, whatever the lag. */
  seeded: boolean;
  commentText: string;
}

/**
 * Release metadata as the first upload of the release sent it (warehouse stores it on the release,
 * not the file). Names follow PyPI's JSON `info` keys.
 */
export interface ReleaseMetadata {
  summary: string | null;
  description: string;
  description_content_type: string | null;
  author: string | null;
  author_email: string | null;
  maintainer: string | null;
  maintainer_email: string | null;
  license: string | null;
  license_expression: string | null;
  license_files: string[] | null;
  keywords: string | null;
  classifiers: string[];
  home_page: string | null;
  download_url: string | null;
  platform: string | null;
  project_urls: Record<string, string> | null;
  requires_dist: string[] | null;
  requires_python: string | null;
  provides_extra: string[] | null;
  dynamic: string[] | null;
}

export interface StoredRelease {
  /** The normalized version as first uploaded (`1.0.0`); lookups go through canonicalize_version. */
  version: string;
  created: number;
  yanked: boolean;
  /** Empty when yanked without a reason (PyPI shows `null` in JSON, `data-yanked=""` in HTML). */
  yankedReason: string;
  metadata: ReleaseMetadata;
  files: StoredFile[];
}

export interface StoredProject {
  /** The display name from the latest upload's metadata (`Acme-Tool`). */
  name: string;
  lastSerial: number;
  releases: StoredRelease[];
}

export interface IndexState {
  format: 1;
  /** PyPI's journal serial: bumped by every change, reported as `last_serial` / `X-PyPI-Last-Serial`. */
  serial: number;
  /** Keyed by PEP 503 normalized name. */
  projects: Record<string, StoredProject>;
  /** Filenames of deleted files: never uploadable again (TECH-FACTS §3.5). */
  deletedFilenames: string[];
}

export function emptyMetadata(): ReleaseMetadata {
  return {
    summary: null,
    description: '',
    description_content_type: null,
    author: null,
    author_email: null,
    maintainer: null,
    maintainer_email: null,
    license: null,
    license_expression: null,
    license_files: null,
    keywords: null,
    classifiers: [],
    home_page: null,
    download_url: null,
    platform: null,
    project_urls: null,
    requires_dist: null,
    requires_python: null,
    provides_extra: null,
    dynamic: null,
  };
}
