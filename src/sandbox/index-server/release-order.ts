import { compareVersions, parseVersion } from '../../domain/version';
import type { StoredRelease } from './store-model';

/**
 * The release PyPI reports as `info.version` (TECH-FACTS §3.2; warehouse orders by
 * `Release.yanked`, `Release.is_prerelease`, `_pypi_ordering desc`): not-yanked first, then
 * non-pre-release, then the highest PEP 440 version. A project with only pre-releases reports its
 * newest pre-release; with only yanked releases, its newest yanked one.
 */
export function latestRelease(releases: readonly StoredRelease[]): StoredRelease | undefined {
  const rank = (release: StoredRelease): number =>
    (release.yanked ? 2 : 0) + (parseVersion(release.version)?.isPrerelease ? 1 : 0);
  return [...releases].sort((a, b) => rank(a) - rank(b) || compareVersions(b.version, a.version))[0];
}
