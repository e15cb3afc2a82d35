import { locateVersion } from './locate-version.js';
import { spliceSpan } from './text-span.js';
import { versionSourceError } from './version-source-error.js';
import type { VersionSource } from './version-source.js';

/**
 * Characters a version may need (PEP 440 public + local: letters, digits, `.`, `!`, `+`, `-`,
 * `_`). Anything else (a quote, a backslash, a newline) would change the file's syntax, not just
 * the version; PEP 440 validity itself is the version domain's job.
 */
const SAFE_VERSION = /^[A-Za-z0-9][A-Za-z0-9.!+_-]*$/;

/**
 * `fileText` (the current contents of `source.file`) with the version literal replaced by
 * `newVersion` and every other character untouched: a leading byte order mark, comments, quoting
 * style, key order, CRLF line ends, trailing whitespace, other `version` keys. The literal is
 * located again in `fileText` rather than trusting the detected span, and the file must still
 * hold the version detected, so a file edited in between is refused instead of corrupted.
 */
export function writeVersion(source: VersionSource, fileText: string, newVersion: string): string {
  if (!source.writable) throw notWritable(source);
  if (!SAFE_VERSION.test(newVersion)) {
    throw versionSourceError(
      'version-source.invalid-new-version',
      `"${newVersion}" cannot be written as a version`,
      'Choose a PEP 440 version such as 1.2.3, 1.2.3rc1 or 1.2.3.post1, then try again.',
      { file: source.file },
    );
  }
  const located = locateVersion(source.locator, fileText);
  if (!located.ok || located.literal !== source.currentVersion) {
    const now = located.ok
      ? `now holds ${located.literal}`
      : 'no longer holds a version literal where pyrelease found one';
    throw versionSourceError(
      'version-source.stale',
      `${source.file} changed since it was read: it ${now}, pyrelease read ${source.currentVersion}`,
      `Check ${source.file} (did someone else bump it?), then run pyrelease again so it reads the file afresh.`,
      { file: source.file },
    );
  }
  const written = spliceSpan(fileText, located.span, newVersion);
  // Belt and braces: the rewritten file must yield exactly the new version at the same place.
  const check = locateVersion(source.locator, written);
  if (!check.ok || check.literal !== newVersion || check.span.start !== located.span.start) {
    throw versionSourceError(
      'version-source.stale',
      `writing ${newVersion} into ${source.file} would not read back as that version`,
      `Edit the version in ${source.file} by hand, and report this as a pyrelease bug with the file attached.`,
      { file: source.file },
    );
  }
  return written;
}

function notWritable(source: Exclude<VersionSource, { writable: true }>) {
  if (source.scm) {
    return versionSourceError(
      'version-source.not-writable',
      `this project's version is its latest git tag (${source.kind}): the tag is the ` +
        `version, so there is no version to write in any file`,
      `Nothing to edit: creating the release tag (e.g. v1.2.3) sets the ` +
        `version.${source.generatedFile === undefined ? '' : ` ${source.generatedFile} is generated at build time; do not edit it.`}`,
      { file: source.file },
    );
  }
  return versionSourceError(
    'version-source.not-writable',
    `the version comes from ${source.description}, which pyrelease reads but does not rewrite`,
    `Edit the version in ${source.file} by hand, or move it to pyproject.toml ` +
      `([project] version = "…") so pyrelease can bump it.`,
    { file: source.file },
  );
}
