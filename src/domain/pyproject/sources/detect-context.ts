import type { ParsedPyproject } from '../parsed-pyproject.js';
import type { ProjectFiles } from '../project-files.js';
import { readLiteral } from '../read-literal.js';
import type { VersionLocator, WritableVersionSource, WritableVersionSourceKind } from '../version-source.js';

/** What every source detector gets: the parsed pyproject, file access, and the latest tag. */
export interface DetectContext {
  readonly project: ParsedPyproject;
  readonly files: ProjectFiles;
  /** Latest release tag (e.g. `v1.4.0`), only used by SCM sources. */
  readonly latestTag: string | undefined;
}

export interface LiteralSourceSpec {
  readonly kind: WritableVersionSourceKind;
  readonly file: string;
  readonly text: string;
  readonly locator: VersionLocator;
  /** What the line should look like, for messages: `__version__ = "1.2.3"`. */
  readonly expected: string;
  readonly description: string;
}

/** A writable source whose literal is located in `spec.text` now (throws when it is not there). */
export function literalSource(context: DetectContext, spec: LiteralSourceSpec): WritableVersionSource {
  const { literal, span } = readLiteral(spec.text, spec.file, spec.locator, spec.expected);
  return {
    kind: spec.kind,
    writable: true,
    scm: false,
    declaredIn: context.project.file,
    description: spec.description,
    file: spec.file,
    currentVersion: literal,
    span,
    locator: spec.locator,
  };
}
