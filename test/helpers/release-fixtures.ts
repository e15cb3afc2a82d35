/*
 * The fixtures the release steps' unit tests share: the chosen version as Prepare gives it, a
 * project whose pyproject.toml declares a version, a clock that never waits, and the failure a
 * step throws. Each test file keeps its own world; these are the pieces every world is built from.
 */
import { PyreleaseError } from '../../src/domain/errors';
import { loadProject, projectFilesFromRecord, type VersionSource } from '../../src/domain/pyproject';
import { parseVersion } from '../../src/domain/version';
import type { FactValue } from '../../src/engine/fact';
import type { ChosenVersion } from '../../src/engine/stages/facts';
import type { Clock } from '../../src/ports/clock';
import { strict } from './step-context';

/**
 * The chosen version as Prepare gives it: tagged `v<version>`, a pre-release when the version is
 * one (unless `overrides` says otherwise), a patch (or pre-release) bump needing no migration notes.
 */
export function chosenVersion(
  version: string,
  overrides: Partial<FactValue<typeof ChosenVersion>> = {},
): FactValue<typeof ChosenVersion> {
  const prerelease = overrides.prerelease ?? parseVersion(version)?.isPrerelease ?? false;
  return {
    version,
    tag: `v${version}`,
    bumpClass: prerelease ? 'prerelease' : 'patch',
    migrationRequired: false,
    prerelease,
    supportChanges: [],
    ...overrides,
  };
}

/** The smallest pyproject.toml that declares `version` statically. */
export const pyprojectDeclaring = (version: string) => `[project]\nname = "quillnote"\nversion = "${version}"\n`;

/** The version source of a project made of these files. */
export function versionSourceOf(files: Record<string, string>): VersionSource {
  return loadProject(projectFilesFromRecord(files)).versionSource;
}

/** The version source of a project whose pyproject.toml declares `version` (see `pyprojectDeclaring`). */
export const staticVersionSource = (version: string): VersionSource =>
  versionSourceOf({ 'pyproject.toml': pyprojectDeclaring(version) });

/** The version source of a project whose version comes from the tag (setuptools_scm). */
export const scmVersionSource = (): VersionSource =>
  versionSourceOf({
    'pyproject.toml':
      '[build-system]\nrequires = ["setuptools>=64", "setuptools_scm>=8"]\nbuild-backend = "setuptools.build_meta"\n' +
      '[project]\nname = "quillnote"\ndynamic = ["version"]\n',
  });

/**
 * A clock whose sleep returns at once and moves time on by what was asked, telling `onSleep` of
 * each sleep; `state.now` is the time it tells.
 */
export function fastClock(start: number, onSleep: (ms: number) => void = () => {}) {
  const state = { now: start };
  const clock = strict<Clock>('clock', {
    now: () => state.now,
    sleep: async (ms) => {
      onSleep(ms);
      state.now += ms;
    },
  });
  return { clock, state };
}

/** The PyreleaseError `promise` rejects with; anything else fails the test. */
export async function failure(promise: Promise<unknown>): Promise<PyreleaseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PyreleaseError) return error;
    throw error;
  }
  throw new Error('the step did not fail');
}
