import { describe, expect, it } from 'vitest';
import { renderPublishWorkflow } from '../../src/domain/workflows';
import { planWorkflow } from '../../src/sandbox/workflows-sim/workflow-catalog';

const workflow = (withBlock: string) =>
  [
    'on: push',
    'jobs:',
    '  publish:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: pypa/gh-action-pypi-publish@release/v1',
    ...(withBlock ? ['        with:', ...withBlock.split('\n').map((line) => `          ${line}`)] : []),
  ].join('\n');

describe('planWorkflow: the publish step asks for the hashes', () => {
  it.each([
    ['print-hash: true', true],
    ['print-hash: "True"', true],
    ['print_hash: true', true],
    ['verbose: true', true],
    ['print-hash: false', false],
    ['skip-existing: true', false],
    ['', false],
  ])('%s → printHash %s', (withBlock, printHash) => {
    expect(planWorkflow('publish.yml', workflow(withBlock))?.jobs[0]?.printHash).toBe(printHash);
  });

  it.each(['pypi', 'testpypi'] as const)('in the %s workflow pyrelease init writes', (index) => {
    const plan = planWorkflow(
      `publish-${index}.yml`,
      renderPublishWorkflow({ index, projectName: 'acme', environment: index, tagFormat: 'v{version}' }),
    );
    expect(plan?.jobs.find((job) => job.publishes)?.printHash).toBe(true);
  });
});
