/*
 * Reading a package index (PyPI, TestPyPI, or the sandbox's stand-in). Reads only: pyrelease never
 * uploads (CI publishes) and PyPI has no API to yank (TECH-FACTS §3.4).
 *
 * Two views of one index answer different questions (TECH-FACTS §3.6): the JSON API is current
 * at once and says what was *uploaded*; the simple pages pip reads come through a CDN that can lag
 * and say what is *installable*. Polling for a release means the first, then the second.
 */

/** One distribution file, as the JSON API (`/pypi/<name>/<version>/json`) describes it. */
export interface IndexFile {
  filename: string;
  /** `sdist` or `bdist_wheel` (older uploads may show other legacy types). */
  packagetype: string;
  sha256: string;
  size: number;
  url: string;
  /** PyPI yanks whole releases; every file mirrors its release's state. */
  yanked: boolean;
  /** The reason given when yanking, or null (none given, or not yanked). */
  yankedReason: string | null;
}

/** One release: its version as the index spells it, its files and its yank state. */
export interface IndexRelease {
  version: string;
  /** Empty for a release whose files were all deleted (the version is still burned). */
  files: IndexFile[];
  /** Read from its files (the JSON API has no per-release flag), so false for a release without files. */
  yanked: boolean;
  yankedReason: string | null;
}

/** What pip would see for one version on the simple page. */
export interface Installability {
  sdist: boolean;
  wheel: boolean;
  /** Filenames of that version listed on the page (yanked ones included: an exact pin installs them, PEP 592). */
  listed: string[];
}

export interface IndexReadOptions {
  /** Aborts the read (Ctrl-C); the read then fails as cancelled. */
  signal?: AbortSignal;
}

export interface PackageIndexReads {
  /**
   * Every release of a project with its files and yank state, oldest first in PEP 440 order, from
   * the JSON API (`/pypi/<name>/json`); undefined when the index has no such project. Includes
   * yanked releases and releases without files: both versions can never be uploaded again.
   */
  releases(project: string, options?: IndexReadOptions): Promise<IndexRelease[] | undefined>;

  /**
   * The files of one release from the JSON API (`/pypi/<name>/<version>/json`, matched through
   * canonicalize_version so `1.0` finds `1.0.0`); empty when the project or version is unknown.
   * Current at once after an upload: this is "uploaded".
   */
  filesOf(project: string, version: string, options?: IndexReadOptions): Promise<IndexFile[]>;

  /**
   * Whether pip can install that version now: reads the simple page (`/simple/<name>/`,
   * PEP 691 JSON negotiated, PEP 503 HTML understood) and looks for an sdist and a wheel of it.
   * Lags behind `filesOf` on a CDN-fronted index: this is "installable".
   */
  isInstallable(project: string, version: string, options?: IndexReadOptions): Promise<Installability>;

  /**
   * The highest PEP 440 version that has files and is not yanked, from the JSON API; pre-releases
   * count only with `includePrereleases`. Undefined when there is none. (To pick a version that
   * is free, compare against every entry of `releases` instead: yanked versions are taken too.)
   */
  latestVersion(
    project: string,
    options: IndexReadOptions & { includePrereleases: boolean },
  ): Promise<string | undefined>;
}
