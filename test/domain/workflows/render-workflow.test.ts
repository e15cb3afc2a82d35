import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PackageIndex } from '../../../src/domain/config';
import { analyzeWorkflow, renderPublishWorkflow } from '../../../src/domain/workflows';

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
    const text = renderPublishWorkflow({ index: 'pypi', projectName: 'acme', environment: 'pypi', tagFormat: 'v{version}' });
    const { triggers } = analyzeWorkflow({ file: 'publish-pypi.yml', text, index: 'pypi', environment: 'pypi', tagFormat: 'v{version}' });
    expect(triggers).toEqual({
      events: ['push'],
      push: { tags: ['v*'], tagsIgnore: undefined, branches: undefined, branchesIgnore: undefined, onTags: true, onBranches: false },
      release: undefined,
      workflowDispatch: undefined,
    });
  });

  it('triggers TestPyPI by dispatch with a version input, or a published release', () => {
    const text = renderPublishWorkflow({ index: 'testpypi', projectName: 'acme', environment: 'testpypi', tagFormat: 'v{version}' });
    const { triggers } = analyzeWorkflow({ file: 'publish-testpypi.yml', text, index: 'testpypi', environment: 'testpypi', tagFormat: 'v{version}' });
    expect(triggers).toEqual({
      events: ['workflow_dispatch', 'release'],
      push: undefined,
      release: { types: ['published'], published: true },
      workflowDispatch: {
        inputs: [{ name: 'version', type: 'string', description: 'Version the build must have, e.g. 1.4.0rc1 (empty: no check)', default: undefined, options: [], required: false }],
      },
    });
  });

  it('builds in one job and publishes from another with the environment and id-token', () => {
    const text = renderPublishWorkflow({ index: 'testpypi', projectName: 'Acme_Tool', environment: 'testpypi', tagFormat: 'v{version}' });
    const workflow = parse(text) as { permissions: unknown; jobs: Record<string, { steps: { uses?: string; run?: string; with?: unknown; env?: unknown }[] } & Record<string, unknown>> };
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const { build, publish } = workflow.jobs;
    expect(build?.['if']).toBe("github.event_name != 'release' || github.event.release.prerelease");
    expect(build?.steps.map((step) => step.uses ?? step.run?.split('\n')[0])).toEqual([
      'actions/checkout@v6',
      'actions/setup-python@v6',
      'python -m pip install --upgrade build packaging',
      'import os, pathlib, sys',
      'actions/upload-artifact@v5',
    ]);
    expect(build?.steps[3]?.env).toEqual({ VERSION_INPUT: '${{ inputs.version }}' });
    expect(publish?.['needs']).toBe('build');
    expect(publish?.['environment']).toEqual({ name: 'testpypi', url: 'https://test.pypi.org/p/acme-tool' });
    expect(publish?.['permissions']).toEqual({ 'id-token': 'write' });
    expect(publish?.steps).toEqual([
      { uses: 'actions/download-artifact@v6', with: { name: 'python-package-distributions', path: 'dist/' } },
      { uses: 'pypa/gh-action-pypi-publish@release/v1', with: { 'repository-url': 'https://test.pypi.org/legacy/', 'skip-existing': true } },
    ]);
  });

  it('publishes to PyPI with the defaults of the action', () => {
    const text = renderPublishWorkflow({ index: 'pypi', projectName: 'acme', environment: 'pypi', tagFormat: 'v{version}', indexUrl: 'http://127.0.0.1:8080/' });
    const workflow = parse(text) as { jobs: Record<string, Record<string, unknown>> };
    expect(workflow.jobs['build']?.['if']).toBeUndefined();
    expect(workflow.jobs['publish']?.['environment']).toEqual({ name: 'pypi', url: 'http://127.0.0.1:8080/p/acme' });
    expect(workflow.jobs['publish']?.['steps']).toEqual([
      { uses: 'actions/download-artifact@v6', with: { name: 'python-package-distributions', path: 'dist/' } },
      { uses: 'pypa/gh-action-pypi-publish@release/v1' },
    ]);
  });
});
