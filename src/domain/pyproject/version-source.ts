import type { TextSpan } from './text-span.js';

/** Every way pyrelease knows a project's version can be declared (TECH-FACTS §2). */
export type VersionSourceKind =
  | 'static'
  | 'poetry'
  | 'setuptools-attr'
  | 'setuptools-file'
  | 'setuptools-scm'
  | 'hatch-regex'
  | 'hatch-vcs'
  | 'flit'
  | 'pdm-file'
  | 'pdm-scm'
  | 'setup-cfg';

/** The git tag is the version: nothing in the tree holds it, nothing is written. */
export type ScmVersionSourceKind = 'setuptools-scm' | 'hatch-vcs' | 'pdm-scm';

export type WritableVersionSourceKind = Exclude<VersionSourceKind, ScmVersionSourceKind | 'setup-cfg'>;

/** How to find the literal again in (a later copy of) `file`; `writeVersion` re-locates with it. */
export type VersionLocator =
  /** A string value at a full TOML key path, e.g. `['project', 'version']`. */
  | { readonly format: 'toml'; readonly keyPath: readonly string[] }
  /** A module-level `NAME = "…"` assignment in a Python file. */
  | { readonly format: 'python'; readonly name: string }
  /** The first match of a regular expression (already translated from Python), one group. */
  | { readonly format: 'regex'; readonly pattern: string; readonly flags: string; readonly group: string | number }
  /** The whole file, surrounding whitespace excluded (a `VERSION` text file). */
  | { readonly format: 'text' };

interface VersionSourceBase {
  readonly kind: VersionSourceKind;
  /** The file that says where the version comes from: `pyproject.toml`, or `setup.cfg`. */
  readonly declaredIn: string;
  /** One line for people: `hatch regex in src/acme_tool/__about__.py`. */
  readonly description: string;
}

export interface WritableVersionSource extends VersionSourceBase {
  readonly kind: WritableVersionSourceKind;
  readonly writable: true;
  readonly scm: false;
  /** Relative path of the file holding the literal. */
  readonly file: string;
  /** The literal exactly as written (never normalized: `1.4.0`, not `v1.4.0` or `1.4`). */
  readonly currentVersion: string;
  readonly span: TextSpan;
  readonly locator: VersionLocator;
}

export interface ScmVersionSource extends VersionSourceBase {
  readonly kind: ScmVersionSourceKind;
  readonly writable: false;
  readonly scm: true;
  readonly file: 'pyproject.toml';
  /** The version of the latest tag when the caller supplied one; nothing in the tree holds it. */
  readonly currentVersion: string | undefined;
  /** A file the build generates from the tag (`version_file`, `write_to`): never edit it. */
  readonly generatedFile: string | undefined;
}

/** Legacy `setup.cfg` metadata: read to show the current version, never written. */
export interface ReadOnlyVersionSource extends VersionSourceBase {
  readonly kind: 'setup-cfg';
  readonly writable: false;
  readonly scm: false;
  readonly file: string;
  readonly currentVersion: string;
  readonly span: TextSpan;
}

export type VersionSource = WritableVersionSource | ScmVersionSource | ReadOnlyVersionSource;
