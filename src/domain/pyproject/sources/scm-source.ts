import { compilePythonRegex } from '../python-regex.js';
import type { ScmVersionSource, ScmVersionSourceKind } from '../version-source.js';
import type { DetectContext } from './detect-context.js';

/**
 * setuptools-scm's default tag regex (TECH-FACTS §2): an optional `name-` prefix, an optional
 * `v`, then the version; a `+local` suffix is dropped. `v1.2.3` and `acme-tool-1.2.3` → `1.2.3`.
 */
const DEFAULT_TAG_REGEX = '^(?:[\\w-]+-)?(?P<version>[vV]?\\d+(?:\\.\\d+){0,2}[^\\+]*)(?:\\+.*)?$';

export interface ScmSpec {
  readonly kind: ScmVersionSourceKind;
  readonly description: string;
  /** A file the build writes from the tag (setuptools-scm `version_file`, pdm `write_to`). */
  readonly generatedFile: string | undefined;
  /** The project's own tag regex (`tag_regex`, `tag-pattern`), Python syntax, if configured. */
  readonly tagPattern: string | undefined;
}

/** An SCM source: the latest tag is the current version; nothing in the tree is written. */
export function scmSource(context: DetectContext, spec: ScmSpec): ScmVersionSource {
  return {
    kind: spec.kind,
    writable: false,
    scm: true,
    file: 'pyproject.toml',
    declaredIn: context.project.file,
    description: spec.description,
    currentVersion: context.latestTag === undefined ? undefined : versionFromTag(context.latestTag, spec.tagPattern),
    generatedFile: spec.generatedFile,
  };
}

/**
 * The version a tag stands for: the `version` group (else group 1) of the tag regex, without a
 * leading `v` (PEP 440 allows and normalizes it away). A tag the regex does not match is
 * returned unchanged, so the caller can still show it.
 */
export function versionFromTag(tag: string, tagPattern: string | undefined = undefined): string {
  const compiled = compilePythonRegex(tagPattern ?? DEFAULT_TAG_REGEX);
  const fallback = compilePythonRegex(DEFAULT_TAG_REGEX);
  const regex = compiled.ok ? compiled.regex : fallback.ok ? fallback.regex : undefined;
  const match = regex?.exec(tag);
  const version = match?.groups?.version ?? match?.[1];
  return (version ?? tag).replace(/^[vV](?=\d)/, '');
}
