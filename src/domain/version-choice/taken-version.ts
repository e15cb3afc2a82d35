/** Where a version is already used. PyPI and TestPyPI never accept a version twice (TECH-FACTS §3.5). */
export type VersionSource = 'tag' | 'PyPI' | 'TestPyPI';

export interface TakenVersion {
  /** Any PEP 440 spelling; unparseable entries (a `docs-2024` tag) are ignored. */
  readonly version: string;
  readonly source: VersionSource;
  /** Yanked on the index: still taken, but worth saying. */
  readonly yanked?: boolean;
}

/** Builds the taken list from its three origins: tag versions (see versionOfTag), PyPI, TestPyPI. */
export function takenVersions(from: {
  readonly tags?: readonly string[];
  readonly pypi?: readonly string[];
  readonly testPypi?: readonly string[];
}): TakenVersion[] {
  return [
    ...(from.tags ?? []).map((version) => ({ version, source: 'tag' as const })),
    ...(from.pypi ?? []).map((version) => ({ version, source: 'PyPI' as const })),
    ...(from.testPypi ?? []).map((version) => ({ version, source: 'TestPyPI' as const })),
  ];
}

/** "already tagged", "already on PyPI (yanked)". */
export function whereTaken(taken: TakenVersion): string {
  const place = taken.source === 'tag' ? 'tagged' : `on ${taken.source}`;
  return `already ${place}${taken.yanked === true ? ' (yanked)' : ''}`;
}
