import { compareVersions, normalizeVersion } from './version';

/** The tag name for a version under a tag format such as `v{version}`. */
export function formatTag(format: string, version: string): string {
  return format.replace('{version}', version);
}

/** The normalized version a tag stands for under the format, or undefined if it is not a release tag. */
export function versionOfTag(format: string, tag: string): string | undefined {
  const [prefix = '', suffix = ''] = format.split('{version}');
  if (!tag.startsWith(prefix) || !tag.endsWith(suffix) || tag.length <= prefix.length + suffix.length) return undefined;
  return normalizeVersion(tag.slice(prefix.length, tag.length - suffix.length));
}

/** The highest released version among the tags (PEP 440 order, not tag-name order). */
export function latestTag(format: string, tags: readonly string[]): { tag: string; version: string } | undefined {
  let best: { tag: string; version: string } | undefined;
  for (const tag of tags) {
    const version = versionOfTag(format, tag);
    if (version !== undefined && (!best || compareVersions(version, best.version) > 0)) best = { tag, version };
  }
  return best;
}
