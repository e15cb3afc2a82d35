import { formatKeyPath } from './config-error';
import { DEFAULT_CONFIG, DEFAULT_SMOKE_SCRIPT } from './default-config';
import type { ReleaseConfig, SmokeCommand } from './release-config';
import { tomlLiteral } from './toml-literal';

/**
 * A commented `[tool.pyrelease]` table holding `config` (the defaults unless told otherwise), for
 * `pyrelease init` to append to pyproject.toml. Reading it back yields `config` with no problem.
 */
export function renderConfigTable(config: ReleaseConfig = DEFAULT_CONFIG): string {
  const lines: string[] = [
    '[tool.pyrelease]',
    '# Branch releases are cut from.',
    `branch = ${tomlLiteral(config.branch)}`,
    '# Tag for a version; {version} becomes the PEP 440 version (1.4.0 -> v1.4.0).',
    `tag-format = ${tomlLiteral(config.tagFormat)}`,
    '# Check runs or commit statuses that must be green on the release commit.',
    `required-checks = ${tomlLiteral(config.requiredChecks)}`,
    '# Launch checklist: every "- [ ]" item is confirmed before the tag is pushed.',
    `checklist = ${tomlLiteral(config.checklist)}`,
    '# Checked when requires-python, dependency bounds or classifiers change.',
    `support-matrix = ${tomlLiteral(config.supportMatrix)}`,
    '# Globs whose change requires a "Performance impact" section in the release notes.',
    `performance-paths = ${tomlLiteral(config.performancePaths)}`,
    '# Sign release tags with your git signing key (git tag -s).',
    `sign-tags = ${tomlLiteral(config.signTags)}`,
    '# After the release, offer to bump to the next development version.',
    `next-dev-version = ${tomlLiteral(config.nextDevVersion)}`,
    '# Minutes to wait for the required checks, and for PyPI / TestPyPI to serve new files.',
    `ci-timeout = ${tomlLiteral(config.ciTimeout)}`,
    `index-timeout = ${tomlLiteral(config.indexTimeout)}`,
    '# Extra commands run in the fresh venv after the console scripts: argv arrays, never shell',
    '# strings; e.g. [["python", "-c", "import acme"], { argv = ["acme", "check"], timeout = 30 }]',
    `smoke-commands = [${config.smokeCommands.map(renderCommand).join(', ')}]`,
    '# Environment variables the smoke tests may see besides PATH, HOME, TMPDIR, TERM and the',
    '# locale (code from an index runs there: never a token), e.g. ["HTTPS_PROXY", "SSL_CERT_FILE"]',
    `smoke-env = ${tomlLiteral(config.smokeEnv)}`,
    '',
    '# Publish workflows under .github/workflows/; the trusted publishers on PyPI and TestPyPI',
    '# name these exact files.',
    '[tool.pyrelease.workflows]',
    `pypi = ${tomlLiteral(config.workflows.pypi)}`,
    `testpypi = ${tomlLiteral(config.workflows.testpypi)}`,
    '',
    '# GitHub environments of the publishing jobs; they too must match the trusted publishers.',
    '[tool.pyrelease.environments]',
    `pypi = ${tomlLiteral(config.environments.pypi)}`,
    `testpypi = ${tomlLiteral(config.environments.testpypi)}`,
    '',
    '# Index base URLs (/simple/ and /pypi/<name>/json are derived from them).',
    '[tool.pyrelease.index]',
    `pypi = ${tomlLiteral(config.index.pypi)}`,
    `testpypi = ${tomlLiteral(config.index.testpypi)}`,
    '',
    '# Every console script of [project.scripts] is run after install. Override one like this:',
  ];
  const scripts = Object.entries(config.smoke);
  if (scripts.length === 0) {
    const d = DEFAULT_SMOKE_SCRIPT;
    lines.push(
      '# [tool.pyrelease.smoke.my-cli]',
      `# args = ${tomlLiteral(d.args)}`,
      `# timeout = ${d.timeout}          # seconds`,
      `# expect-exit = ${d.expectExit}`,
      '# skip = false          # e.g. for a server that never exits',
    );
  }
  for (const [script, smoke] of scripts) {
    lines.push(
      `[${formatKeyPath(['tool', 'pyrelease', 'smoke', script])}]`,
      `args = ${tomlLiteral(smoke.args)}`,
      `timeout = ${tomlLiteral(smoke.timeout)}`,
      `expect-exit = ${tomlLiteral(smoke.expectExit)}`,
      `skip = ${tomlLiteral(smoke.skip)}`,
    );
  }
  lines.push('', '# Project-specific rollback actions, offered next to patch, revert and yank:');
  if (config.rollback.length === 0) {
    lines.push(
      '# [[tool.pyrelease.rollback]]',
      '# name = "Roll back the Cloud Run revision"',
      '# argv = ["./scripts/rollback-cloud-run.sh"]',
      '# description = "Shift traffic back to the previous revision"',
    );
  }
  for (const action of config.rollback) {
    lines.push(
      '[[tool.pyrelease.rollback]]',
      `name = ${tomlLiteral(action.name)}`,
      `argv = ${tomlLiteral(action.argv)}`,
    );
    if (action.description !== undefined) lines.push(`description = ${tomlLiteral(action.description)}`);
  }
  return `${lines.join('\n')}\n`;
}

function renderCommand(command: SmokeCommand): string {
  return `{ argv = ${tomlLiteral(command.argv)}, timeout = ${tomlLiteral(command.timeout)}, expect-exit = ${tomlLiteral(command.expectExit)} }`;
}
