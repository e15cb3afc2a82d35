import type { ReleaseConfig, SmokeScriptConfig } from './release-config';

/** Smoke settings for a console script the configuration does not mention. */
export const DEFAULT_SMOKE_SCRIPT: SmokeScriptConfig = Object.freeze({
  args: Object.freeze(['--help']),
  timeout: 60,
  expectExit: 0,
  skip: false,
});

/**
 * Every default matches the release processes in the seeds (shared/seeds/000 and 003): `main`,
 * `vX.Y.Z` tags, `publish-pypi.yml` / `publish-testpypi.yml`, environments `pypi` / `testpypi`,
 * the seven required checks, `docs/LAUNCH_CHECKLIST.md` and `SUPPORT_MATRIX.md`.
 */
export const DEFAULT_CONFIG: ReleaseConfig = Object.freeze({
  branch: 'main',
  tagFormat: 'v{version}',
  workflows: Object.freeze({ pypi: 'publish-pypi.yml', testpypi: 'publish-testpypi.yml' }),
  environments: Object.freeze({ pypi: 'pypi', testpypi: 'testpypi' }),
  requiredChecks: Object.freeze([
    'lint',
    'typecheck',
    'tests',
    'package-build',
    'docs-validation',
    'build-validation',
    'release-label',
  ]),
  checklist: 'docs/LAUNCH_CHECKLIST.md',
  supportMatrix: 'SUPPORT_MATRIX.md',
  smoke: Object.freeze({}),
  smokeCommands: Object.freeze([]),
  smokeEnv: Object.freeze([]),
  // The seed's "trainer/XAI paths" belong to that project, so no path is special by default.
  performancePaths: Object.freeze([]),
  rollback: Object.freeze([]),
  index: Object.freeze({ pypi: 'https://pypi.org', testpypi: 'https://test.pypi.org' }),
  signTags: false,
  nextDevVersion: false,
  ciTimeout: 60,
  // TECH-FACTS §3.6: CDN lag past 10 minutes is reported; wait at least 30 before giving up.
  indexTimeout: 30,
});
