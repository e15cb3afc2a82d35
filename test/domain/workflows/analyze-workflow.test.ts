import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PackageIndex } from '../../../src/domain/config';
import { analyzeWorkflow, type FindingSeverity } from '../../../src/domain/workflows';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/workflows/${name}`, import.meta.url), 'utf8');
}

function analyze(name: string, index: PackageIndex, environment = index as string, tagFormat = 'v{version}') {
  return analyzeWorkflow({ file: name, text: fixture(name), index, environment, tagFormat });
}

describe('analyzeWorkflow: fixtures', () => {
  it.each<[string, PackageIndex, [string, FindingSeverity][]]>([
    ['sound-tag-push.yml', 'pypi', []],
    ['sound-release-published.yml', 'pypi', []],
    ['combined-pypa-guide.yml', 'pypi', []],
    ['combined-pypa-guide.yml', 'testpypi', [['rc-version-not-applied', 'warning']]],
    ['sound-testpypi-rehearsal.yml', 'testpypi', []],
    [
      'seed-testpypi.yml',
      'testpypi',
      [
        ['no-tag-check', 'warning'],
        ['rc-version-not-applied', 'warning'],
      ],
    ],
    ['no-trigger.yml', 'pypi', [['no-trigger', 'error']]],
    ['no-publish-action.yml', 'pypi', [['no-publish-action', 'error']]],
    ['no-id-token.yml', 'pypi', [['no-id-token', 'error']]],
    ['no-environment.yml', 'pypi', [['no-environment', 'warning']]],
    ['wrong-environment.yml', 'pypi', [['no-environment', 'error']]],
    ['no-tag-check.yml', 'pypi', [['no-tag-check', 'warning']]],
    [
      'testpypi-no-repository-url.yml',
      'testpypi',
      [
        ['testpypi-repository-url', 'error'],
        ['rc-version-not-applied', 'warning'],
      ],
    ],
    ['testpypi-on-pypi.yml', 'pypi', [['testpypi-repository-url', 'error']]],
    [
      'release-prereleased-only.yml',
      'testpypi',
      [
        ['no-trigger', 'error'],
        ['release-prereleased-only', 'warning'],
        ['rc-version-not-applied', 'warning'],
      ],
    ],
    ['tag-pattern-mismatch.yml', 'pypi', [['tag-pattern-mismatch', 'error']]],
    ['password-token.yml', 'pypi', [['long-lived-token', 'warning']]],
    ['reusable-workflow.yml', 'pypi', [['reusable-workflow', 'error']]],
    ['broken.yml', 'pypi', [['yaml-syntax', 'error']]],
  ])('%s for %s', (name, index, expected) => {
    const { file, findings } = analyze(name, index);
    expect(file).toBe(name);
    expect(findings.map((finding) => [finding.id, finding.severity])).toEqual(expected);
  });

  it('gives every finding a message and a fix', () => {
    const names = [
      'no-trigger.yml',
      'no-publish-action.yml',
      'no-id-token.yml',
      'password-token.yml',
      'reusable-workflow.yml',
      'broken.yml',
      'tag-pattern-mismatch.yml',
    ];
    for (const finding of names.flatMap((name) => analyze(name, 'pypi').findings)) {
      expect(finding.message.length).toBeGreaterThan(20);
      expect(finding.fix.length).toBeGreaterThan(20);
    }
  });
});

describe('analyzeWorkflow: triggers', () => {
  it('reads a tag push', () => {
    expect(analyze('sound-tag-push.yml', 'pypi').triggers).toEqual({
      events: ['push'],
      push: {
        tags: ['v*'],
        tagsIgnore: undefined,
        branches: undefined,
        branchesIgnore: undefined,
        onTags: true,
        onBranches: false,
      },
      release: undefined,
      workflowDispatch: undefined,
    });
  });

  it('reads a published release', () => {
    expect(analyze('sound-release-published.yml', 'pypi').triggers).toEqual({
      events: ['release'],
      push: undefined,
      release: { types: ['published'], published: true },
      workflowDispatch: undefined,
    });
  });

  it('reads a dispatch without a body next to a release', () => {
    expect(analyze('seed-testpypi.yml', 'testpypi').triggers).toEqual({
      events: ['workflow_dispatch', 'release'],
      push: undefined,
      release: { types: ['published'], published: true },
      workflowDispatch: { inputs: [] },
    });
  });

  it('reads dispatch inputs', () => {
    expect(analyze('combined-pypa-guide.yml', 'pypi').triggers.workflowDispatch).toEqual({
      inputs: [
        {
          name: 'target',
          type: 'choice',
          description: undefined,
          default: 'testpypi',
          options: ['testpypi', 'pypi'],
          required: false,
        },
      ],
    });
  });

  it('reads a release without published', () => {
    expect(analyze('release-prereleased-only.yml', 'testpypi').triggers.release).toEqual({
      types: ['prereleased', 'created'],
      published: false,
    });
  });

  it('reads branch filters, which keep tag pushes out', () => {
    expect(analyze('no-trigger.yml', 'pypi').triggers).toEqual({
      events: ['push', 'pull_request'],
      push: {
        tags: undefined,
        tagsIgnore: undefined,
        branches: ['main'],
        branchesIgnore: undefined,
        onTags: false,
        onBranches: true,
      },
      release: undefined,
      workflowDispatch: undefined,
    });
  });

  it('has no triggers for broken YAML', () => {
    expect(analyze('broken.yml', 'pypi').triggers).toEqual({
      events: [],
      push: undefined,
      release: undefined,
      workflowDispatch: undefined,
    });
  });
});

describe('analyzeWorkflow: finding details', () => {
  it('places a YAML error at its line and column', () => {
    const [finding] = analyze('broken.yml', 'pypi').findings;
    expect([finding?.line, finding?.column]).toEqual([5, 1]);
    expect(finding?.message).toBe(
      'The workflow is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].',
    );
    expect(finding?.fix).toBe(
      'Correct the YAML at line 5, column 1; GitHub shows the same error on the Actions tab and runs nothing.',
    );
  });

  it('explains that job permissions replace the workflow grant', () => {
    const [finding] = analyze('no-id-token.yml', 'pypi').findings;
    expect(finding).toEqual({
      id: 'no-id-token',
      severity: 'error',
      message:
        'Trusted publishing needs an OIDC token, but job "publish" sets its own `permissions`, which replace the workflow\'s `id-token: write`.',
      fix: 'Add `permissions: {id-token: write}` to job "publish" (job level, as the PyPA guide advises).',
      line: 9,
    });
  });

  it('names both environments when they differ', () => {
    const [finding] = analyze('wrong-environment.yml', 'pypi').findings;
    expect(finding?.message).toBe(
      'Job "publish" runs in environment "release", but the trusted publisher is expected to name "pypi"; the OIDC claims must match exactly (TECH-FACTS §4.1).',
    );
    expect(finding?.fix).toBe(
      'Rename the job\'s environment to "pypi", or set [tool.pyrelease.environments] pypi = "release" and register the trusted publisher with that environment.',
    );
    expect(finding?.line).toBe(8);
  });

  it('checks the environment the configuration names', () => {
    expect(analyze('wrong-environment.yml', 'pypi', 'release').findings).toEqual([]);
    expect(analyze('sound-tag-push.yml', 'pypi', 'PyPI').findings.map((f) => [f.id, f.severity])).toEqual([
      ['no-environment', 'warning'],
    ]);
  });

  it('points at the step passing a password', () => {
    const [finding] = analyze('password-token.yml', 'pypi').findings;
    expect(finding?.line).toBe(16);
    expect(finding?.fix).toBe(
      'Delete the `password:` (and `user:`) inputs, register the trusted publisher (`pyrelease init` prints the values), then revoke the API token on the index.',
    );
  });

  it('points at the reusable workflow call', () => {
    const [finding] = analyze('reusable-workflow.yml', 'pypi').findings;
    expect(finding?.message).toBe(
      'Job "release" calls the reusable workflow acme/shared-workflows/.github/workflows/pypi-publish.yml@v2, and no job of this file publishes: ' +
        "PyPI's trusted publishing does not accept a reusable workflow as the publisher (warehouse#11096).",
    );
    expect(finding?.line).toBe(9);
  });

  it('says which tag the filters miss and which pattern to add', () => {
    const [finding] = analyze('tag-pattern-mismatch.yml', 'pypi').findings;
    expect(finding?.message).toBe(
      'The workflow runs on tag pushes, but its tag filters ("release-*") do not let the tag v1.2.3 through, which tag-format "v{version}" gives; pushing it would start no run.',
    );
    expect(finding?.fix).toBe(
      'Add "v*" to `on.push.tags`, or change [tool.pyrelease] tag-format to the tags this workflow expects.',
    );
    expect(analyze('tag-pattern-mismatch.yml', 'pypi', 'pypi', 'release-{version}').findings).toEqual([]);
  });

  it('tells the TestPyPI workflow exactly which URL to set', () => {
    const [finding] = analyze('testpypi-no-repository-url.yml', 'testpypi').findings;
    expect(finding?.message).toBe(
      'This is the TestPyPI workflow, but the publish step of job "publish" has no `repository-url`, so it uploads to PyPI: a dry run would spend the version on the real index.',
    );
    expect(finding?.fix).toBe('Set `repository-url: https://test.pypi.org/legacy/` under `with:` of that step.');
  });
});

/** A minimal publishing job, so that only the part under test varies. */
function workflow(on: string, job = '') {
  return `on:
${on}
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
${job}    steps:
      - name: Tag equals version
        run: ./check.sh
      - uses: pypa/gh-action-pypi-publish@release/v1
`;
}

describe('analyzeWorkflow: inline variations', () => {
  const ids = (text: string, index: PackageIndex = 'pypi', environment = 'pypi') =>
    analyzeWorkflow({ file: 'x.yml', text, index, environment, tagFormat: 'v{version}' }).findings.map(
      (f) => `${f.id} ${f.severity}`,
    );

  it.each<[string, string, string[]]>([
    ['a bare push (all branches and tags)', '  push:', []],
    ['tags-ignore only', '  push:\n    tags-ignore: ["*rc*"]', []],
    ['a tag filter excluding the final', '  push:\n    tags: ["v*", "!v1.*"]', ['tag-pattern-mismatch error']],
    [
      'a mismatched tag filter next to a dispatch',
      '  push:\n    tags: ["release-*"]\n  workflow_dispatch:',
      ['tag-pattern-mismatch warning'],
    ],
    ['`released`, which fires for finals', '  release:\n    types: [released]', []],
    ['a release with every type', '  release:', []],
    ['only `created`', '  release:\n    types: created', ['no-trigger error', 'release-prereleased-only warning']],
    ['a schedule', '  schedule:\n    - cron: "0 0 * * *"', ['no-trigger error']],
    ['no `on:` at all', '  {}', ['no-trigger error']],
  ])('triggers: %s', (_name, on, expected) => {
    expect(ids(workflow(on))).toEqual(expected);
  });

  it('does not take `released` for a TestPyPI pre-release', () => {
    const text = workflow('  release:\n    types: [released]')
      .replace('environment: pypi', 'environment: testpypi')
      .replace('@release/v1', '@release/v1\n        with:\n          repository-url: https://test.pypi.org/legacy/');
    expect(ids(text, 'testpypi', 'testpypi')).toEqual(['no-trigger error', 'release-prereleased-only warning']);
  });

  it.each<[string, string, string[]]>([
    ['`on` as a string', 'on: workflow_dispatch', []],
    ['`on` as a list', 'on: [push, workflow_dispatch]', []],
    ['`on` as YAML 1.1 `true`', 'true:\n  push:\n    tags: [v*]', []],
  ])('on forms: %s', (_name, on, expected) => {
    expect(ids(workflow('').replace('on:\n\n', `${on}\n`))).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['`write-all` at workflow level', 'permissions: write-all\n', []],
    ['`read-all` at workflow level', 'permissions: read-all\n', ['no-id-token error']],
  ])('permissions: %s', (_name, permissions, expected) => {
    const text = `${permissions}${workflow('  workflow_dispatch:')}`.replace(
      '    permissions:\n      id-token: write\n',
      '',
    );
    expect(ids(text)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['a computed environment', '${{ inputs.environment }}', ['no-environment warning']],
    ['a name differing in case', 'PyPI', ['no-environment warning']],
  ])('environment: %s', (_name, environment, expected) => {
    expect(ids(workflow('  workflow_dispatch:').replace('environment: pypi', `environment: "${environment}"`))).toEqual(
      expected,
    );
  });

  it('warns about skip-existing on PyPI', () => {
    const text = workflow('  workflow_dispatch:').replace(
      '@release/v1',
      '@release/v1\n        with:\n          skip-existing: true',
    );
    expect(ids(text)).toEqual(['skip-existing-on-pypi warning']);
  });

  it('accepts a computed repository-url for TestPyPI', () => {
    const text = workflow('  workflow_dispatch:')
      .replace('environment: pypi', 'environment: testpypi')
      .replace(
        '@release/v1',
        "@release/v1\n        with:\n          repository-url: ${{ inputs.target == 'testpypi' && 'https://test.pypi.org/legacy/' || '' }}",
      );
    expect(ids(text, 'testpypi', 'testpypi')).toEqual([]);
  });

  it.each<[string, string]>([
    ['duplicate keys', 'on:\n  push:\non:\n  workflow_dispatch:\njobs: {}\n'],
    ['a tab indentation', 'on:\n\tpush:\njobs: {}\n'],
  ])('reports %s as a YAML error', (_name, text) => {
    expect(ids(text)).toEqual(['yaml-syntax error']);
  });

  it.each<[string, string]>([
    ['an empty file', ''],
    ['a list', '- a\n- b\n'],
    ['no jobs', 'on: push\n'],
  ])('reports %s as not a workflow', (_name, text) => {
    expect(ids(text)).toEqual(['not-a-workflow error']);
  });

  it('finds a tag check comparing the dispatch input on TestPyPI', () => {
    const text = workflow('  workflow_dispatch:')
      .replace('environment: pypi', 'environment: testpypi')
      .replace(
        '- name: Tag equals version\n        run: ./check.sh',
        '- run: test "${{ inputs.version }}" = "$(cat VERSION)"',
      )
      .replace('@release/v1', '@release/v1\n        with:\n          repository-url: https://test.pypi.org/legacy/');
    expect(ids(text, 'testpypi', 'testpypi')).toEqual([]);
    expect(
      ids(text.replace('environment: testpypi', 'environment: pypi').replace(/\n {8}with:\n.*legacy\//, '')),
    ).toEqual(['no-tag-check warning']);
  });
});

/** A sound TestPyPI workflow but for the version step: `before` goes in front of the build. */
function rehearsal(before: string, buildEnv = '') {
  return `on:
  workflow_dispatch:
    inputs:
      version: {type: string}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
${before}      - name: Build
        run: python3 -m build
${buildEnv}      - name: Check the tag matches the built version
        run: test "\${{ inputs.version }}" = "$(ls dist)"
  publish:
    needs: build
    runs-on: ubuntu-latest
    environment: testpypi
    permissions:
      id-token: write
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          repository-url: https://test.pypi.org/legacy/
`;
}

describe('analyzeWorkflow: the TestPyPI rehearsal sets its version', () => {
  const ids = (text: string, index: PackageIndex = 'testpypi') =>
    analyzeWorkflow({ file: 'x.yml', text, index, environment: index, tagFormat: 'v{version}' }).findings.map(
      (f) => `${f.id} ${f.severity}`,
    );

  it('warns when nothing before the build sets it, at the build step, and says what to add', () => {
    const findings = analyzeWorkflow({
      file: 'x.yml',
      text: rehearsal(''),
      index: 'testpypi',
      environment: 'testpypi',
      tagFormat: 'v{version}',
    }).findings;
    expect(findings).toEqual([
      {
        id: 'rc-version-not-applied',
        severity: 'warning',
        message:
          'Job "build" builds the version the project files hold: no step before its build sets the version being rehearsed, so a dispatch with version 1.2.4rc1 ' +
          '(or a pre-release v1.2.4rc1) on a commit that says 1.2.4 builds 1.2.4, and the version check fails or the final lands on TestPyPI.',
        fix:
          'Add a step before the build that takes the `version` input (or the release tag without its prefix), appends `SETUPTOOLS_SCM_PRETEND_VERSION` and ' +
          '`PDM_BUILD_SCM_VERSION` to `$GITHUB_ENV` for tag-derived versions, and runs `npx --yes pyrelease@0 bump --set "$VERSION"` for a version kept in a file ' +
          '(`pyrelease init` writes one).',
        line: 10,
      },
    ]);
  });

  it.each<[string, string, string?]>([
    ['pyrelease writing it', '      - run: npx --yes pyrelease@0 bump --set "$VERSION"\n'],
    ['pyrelease without a version pin', '      - run: pyrelease bump --set "$V"\n'],
    [
      "setuptools-scm's variable in $GITHUB_ENV",
      '      - run: echo "SETUPTOOLS_SCM_PRETEND_VERSION=$V" >> "$GITHUB_ENV"\n',
    ],
    [
      "pdm's variable in a step env",
      '      - run: pdm build --no-sdist\n        env:\n          PDM_BUILD_SCM_VERSION: "${{ inputs.version }}"\n',
    ],
    ['hatch writing it', '      - run: hatch version "$VERSION"\n'],
    ['poetry writing it', '      - run: poetry version "$VERSION"\n'],
    [
      "the build step's own env",
      '',
      '        env:\n          SETUPTOOLS_SCM_PRETEND_VERSION: "${{ inputs.version }}"\n',
    ],
  ])('is satisfied by %s', (_name, before, buildEnv) => {
    expect(ids(rehearsal(before, buildEnv))).toEqual([]);
  });

  it('is satisfied by the job or workflow environment', () => {
    const text = rehearsal('');
    expect(
      ids(
        text.replace(
          '    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout',
          '    runs-on: ubuntu-latest\n    env:\n      SETUPTOOLS_SCM_PRETEND_VERSION: "${{ inputs.version }}"\n    steps:\n      - uses: actions/checkout',
        ),
      ),
    ).toEqual([]);
    expect(ids(`env:\n  PDM_BUILD_SCM_VERSION: "\${{ inputs.version }}"\n${text}`)).toEqual([]);
  });

  it.each<[string, string]>([
    ['hatch printing the version', '      - run: echo "$(hatch version)"\n'],
    ['poetry printing the version', '      - run: poetry version -s\n'],
  ])('is not satisfied by %s', (_name, before) => {
    expect(ids(rehearsal(before))).toEqual(['rc-version-not-applied warning']);
  });

  it('is not satisfied by a step after the build', () => {
    const text = rehearsal('').replace(
      '      - name: Check the tag',
      '      - run: pyrelease bump --set "$V"\n      - name: Check the tag',
    );
    expect(ids(text)).toEqual(['rc-version-not-applied warning']);
  });

  it('is not asked of the PyPI workflow, which builds the tagged commit as it is', () => {
    const text = rehearsal('')
      .replace('environment: testpypi', 'environment: pypi')
      .replace(/\n {8}with:\n.*legacy\//, '');
    expect(ids(text, 'pypi')).toEqual([]);
  });

  it('does not take the step that sets the version for the tag check', () => {
    const text = rehearsal(
      '      - env:\n          VERSION_INPUT: "${{ inputs.version }}"\n        run: npx --yes pyrelease@0 bump --set "$VERSION_INPUT"\n',
    ).replace(/ {6}- name: Check the tag[^\n]*\n[^\n]*\n/, '');
    expect(ids(text)).toEqual(['no-tag-check warning']);
  });
});
