import { describe, expect, it } from 'vitest';
import { trustedPublisherValues } from '../../../src/domain/workflows';

describe('trustedPublisherValues', () => {
  it('gives the PyPI form values of the seed project', () => {
    expect(
      trustedPublisherValues({
        owner: 'CharmAIOS',
        repo: 'Charm',
        workflowFile: 'publish-pypi.yml',
        environment: 'pypi',
        projectName: 'charmos',
        index: 'pypi',
      }),
    ).toEqual({
      index: 'pypi',
      projectPageUrl: 'https://pypi.org/manage/project/charmos/settings/publishing/',
      pendingPageUrl: 'https://pypi.org/manage/account/publishing/',
      fields: [
        { label: 'PyPI Project Name', value: 'charmos', pendingOnly: true },
        { label: 'Owner', value: 'CharmAIOS', pendingOnly: false },
        { label: 'Repository name', value: 'Charm', pendingOnly: false },
        { label: 'Workflow name', value: 'publish-pypi.yml', pendingOnly: false },
        { label: 'Environment name', value: 'pypi', pendingOnly: false },
      ],
    });
  });

  it('uses the TestPyPI host, the normalized name in URLs and the bare workflow file name', () => {
    const values = trustedPublisherValues({
      owner: 'acme',
      repo: 'tool',
      workflowFile: '.github/workflows/publish-testpypi.yml',
      environment: 'testpypi',
      projectName: 'Acme_Tool',
      index: 'testpypi',
    });
    expect([values.projectPageUrl, values.pendingPageUrl]).toEqual([
      'https://test.pypi.org/manage/project/acme-tool/settings/publishing/',
      'https://test.pypi.org/manage/account/publishing/',
    ]);
    expect(values.fields.map((field) => field.value)).toEqual([
      'Acme_Tool',
      'acme',
      'tool',
      'publish-testpypi.yml',
      'testpypi',
    ]);
  });

  it('takes the index base from the configuration', () => {
    const values = trustedPublisherValues({
      owner: 'a',
      repo: 'b',
      workflowFile: 'c.yml',
      environment: 'pypi',
      projectName: 'd',
      index: 'pypi',
      indexUrl: 'http://127.0.0.1:8080/',
    });
    expect(values.pendingPageUrl).toBe('http://127.0.0.1:8080/manage/account/publishing/');
  });
});
