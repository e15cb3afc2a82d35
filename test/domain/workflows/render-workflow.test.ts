import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PackageIndex } from '../../../src/domain/config';
import { analyzeWorkflow, renderPublishWorkflow, SET_VERSION_STEP } from '../../../src/domain/workflows';

describe('renderPublishWorkflow', () => {
  it.each<[PackageIndex, string, string]>([
    ['pypi', 'v{version}', 'pypi'],
    ['testpypi', 'v{version}', 'testpypi'],
    ['pypi', '{version}', 'production'],
    ['testpypi', 'acme-{version}-final', 'staging'],
    ['pypi', 'release/{version}', 'pypi'],
  ])('writes a %s workflow for tags "%s" that passes its own analysis', (index, tagFormat, environment) => {
    const text = renderPublishWorkflow({ index, projectName: 'Acme_Tool', environment, tagFormat });
    const analysis = analyzeWorkflow({ file: `publish-${index}.yml`, text, index, environment, tagFormat });
    expect(analysis.findings).toEqual([]);
  });

  it('triggers PyPI on the tag pattern of the tag format', () => {
    const text = renderPublishWorkflow({
      index: 'pypi',
      projectName: 'acme',
      environment: 'pypi',
      tagFormat: 'v{version}',
    });
    const { triggers } = analyzeWorkflow({
      file: 'publish-pypi.yml',
      text,
      index: 'pypi',
      environment: 'pypi',
      tagFormat: 'v{version}',
    });
    expect(triggers).toEqual({
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

  it('triggers TestPyPI by dispatch with a version input, or a published release', () => {
    const text = renderPublishWorkflow({
      index: 'testpypi',
      projectName: 'acme',
      environment: 'testpypi',
      tagFormat: 'v{version}',
    });
    const { triggers } = analyzeWorkflow({
      file: 'publish-testpypi.yml',
      text,
      index: 'testpypi',
      environment: 'testpypi',
      tagFormat: 'v{version}',
    });
    expect(triggers).toEqual({
      events: ['workflow_dispatch', 'release'],
      push: undefined,
      release: { types: ['published'], published: true },
      workflowDispatch: {
        inputs: [
          {
            name: 'version',
            type: 'string',
            description: 'Version the build must have, e.g. 1.4.0rc1 (empty: no check)',
            default: undefined,
            options: [],
            required: false,
          },
        ],
      },
    });
  });

  it('builds in one job and publishes from another with the environment and id-token', () => {
    const text = renderPublishWorkflow({
      index: 'testpypi',
      projectName: 'Acme_Tool',
      environment: 'testpypi',
      tagFormat: 'v{version}',
    });
    const workflow = parse(text) as {
      permissions: unknown;
      jobs: Record<
        string,
        { steps: { uses?: string; run?: string; with?: unknown; env?: unknown }[] } & Record<string, unknown>
      >;
    };
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const { build, publish } = workflow.jobs;
    expect(build?.['if']).toBe("github.event_name != 'release' || github.event.release.prerelease");
    expect(build?.steps.map((step) => step.uses ?? step.run?.split('\n')[0])).toEqual([
      'actions/checkout@v6',
      'actions/setup-python@v6',
      'actions/setup-node@v6',
      'if [ "$GITHUB_EVENT_NAME" = "release" ]; then',
      'python -m pip install --upgrade build packaging',
      'import os, pathlib, sys',
      'actions/upload-artifact@v5',
    ]);
    expect(build?.steps[5]?.env).toEqual({ VERSION_INPUT: '${{ inputs.version }}' });
    expect(publish?.['needs']).toBe('build');
    expect(publish?.['environment']).toEqual({ name: 'testpypi', url: 'https://test.pypi.org/p/acme-tool' });
    expect(publish?.['permissions']).toEqual({ 'id-token': 'write' });
    expect(publish?.steps).toEqual([
      { uses: 'actions/download-artifact@v6', with: { name: 'python-package-distributions', path: 'dist/' } },
      {
        uses: 'pypa/gh-action-pypi-publish@release/v1',
        with: { 'repository-url': 'https://test.pypi.org/legacy/', 'skip-existing': true, 'print-hash': true },
      },
    ]);
  });

  it('leaves the PyPI build to the version the files hold', () => {
    const text = renderPublishWorkflow({
      index: 'pypi',
      projectName: 'acme',
      environment: 'pypi',
      tagFormat: 'v{version}',
    });
    const workflow = parse(text) as { jobs: Record<string, { steps: { name?: string; uses?: string }[] }> };
    expect(workflow.jobs['build']?.steps.map((step) => step.name ?? step.uses)).toEqual([
      'actions/checkout@v6',
      'actions/setup-python@v6',
      'Build the sdist and the wheel',
      'Check the tag matches the built version',
      'actions/upload-artifact@v5',
    ]);
    expect(text).not.toContain('bump --set');
  });

  it('publishes to PyPI with the defaults of the action, but for the hashes it logs', () => {
    const text = renderPublishWorkflow({
      index: 'pypi',
      projectName: 'acme',
      environment: 'pypi',
      tagFormat: 'v{version}',
      indexUrl: 'http://127.0.0.1:8080/',
    });
    const workflow = parse(text) as { jobs: Record<string, Record<string, unknown>> };
    expect(workflow.jobs['build']?.['if']).toBeUndefined();
    expect(workflow.jobs['publish']?.['environment']).toEqual({ name: 'pypi', url: 'http://127.0.0.1:8080/p/acme' });
    expect(workflow.jobs['publish']?.['steps']).toEqual([
      { uses: 'actions/download-artifact@v6', with: { name: 'python-package-distributions', path: 'dist/' } },
      { uses: 'pypa/gh-action-pypi-publish@release/v1', with: { 'print-hash': true } },
    ]);
  });

  it.each<PackageIndex>(['pypi', 'testpypi'])(
    'has the %s publish step log the hashes it uploads, and says why',
    (index) => {
      const text = renderPublishWorkflow({ index, projectName: 'acme', environment: index, tagFormat: 'v{version}' });
      const lines = text.split('\n');
      const at = lines.indexOf('          print-hash: true');
      expect(at).toBeGreaterThan(lines.indexOf('      - uses: pypa/gh-action-pypi-publish@release/v1'));
      expect(lines[at - 1]).toMatch(/^ {10}# .*sha256.*pyrelease compares them with what the index serves/);
    },
  );

  describe('the TestPyPI step that sets the version to rehearse', () => {
    type Step = {
      name?: string;
      uses?: string;
      run?: string;
      env?: Record<string, string>;
      with?: Record<string, unknown>;
    };
    function buildSteps(tagFormat: string): Step[] {
      const text = renderPublishWorkflow({
        index: 'testpypi',
        projectName: 'acme',
        environment: 'testpypi',
        tagFormat,
      });
      return (parse(text) as { jobs: { build: { steps: Step[] } } }).jobs.build.steps;
    }

    it('comes right before the build, after a Node.js that runs pyrelease', () => {
      const steps = buildSteps('v{version}');
      const at = steps.findIndex((step) => step.name === SET_VERSION_STEP);
      expect(SET_VERSION_STEP).toBe('Set the version to rehearse');
      expect(steps[at + 1]?.name).toBe('Build the sdist and the wheel');
      expect(steps[at - 1]).toEqual({ uses: 'actions/setup-node@v6', with: { 'node-version': '22' } });
    });

    it.each([
      ['v{version}', 'v', ''],
      ['{version}', '', ''],
      ['acme-{version}-final', 'acme-', '-final'],
    ])('takes the input or the release tag of "%s" through the environment only', (tagFormat, prefix, suffix) => {
      const step = buildSteps(tagFormat).find((entry) => entry.name === SET_VERSION_STEP)!;
      expect(step.env).toEqual({
        VERSION_INPUT: '${{ inputs.version }}',
        RELEASE_TAG: '${{ github.event.release.tag_name }}',
        TAG_PREFIX: prefix,
        TAG_SUFFIX: suffix,
      });
      // Script injection: no expression is pasted into the shell text.
      expect(step.run).not.toContain('${{');
    });

    it('exports the SCM variables and writes the version with pyrelease, every variable quoted', () => {
      const run = buildSteps('v{version}').find((entry) => entry.name === SET_VERSION_STEP)!.run!;
      const lines = run
        .trimEnd()
        .split('\n')
        .filter((line) => !line.trim().startsWith('#'));
      expect(lines).toContain('echo "SETUPTOOLS_SCM_PRETEND_VERSION=$VERSION" >> "$GITHUB_ENV"');
      expect(lines).toContain('echo "PDM_BUILD_SCM_VERSION=$VERSION" >> "$GITHUB_ENV"');
      expect(lines.at(-1)).toBe('npx --yes pyrelease@0 bump --set "$VERSION"');
      expect(run).toContain('echo "No version given: building the version the project files hold."');
      // Every expansion of a variable sits inside double quotes, inside a quoted command substitution
      // too, and a prefix or suffix removal quotes its pattern.
      for (const line of lines) {
        const unquoted = line
          .replace(/"\$\((.*)\)"/g, '$1')
          .replace(/\$\{[A-Z_]+[#%]"\$[A-Z_]+"\}/g, 'x')
          .replace(/"(?:[^"\\]|\\.)*"/g, '""');
        expect(unquoted, line).not.toMatch(/\$[A-Z{]/);
      }
    });
  });
});
