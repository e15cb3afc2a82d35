import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, renderConfigTable, validateConfig, type ReleaseConfig } from '../../../src/domain/config';

function readBack(table: string) {
  const text = `[project]\nname = "acme"\n[project.scripts]\n"my.cli" = "acme:main"\n\n${table}`;
  return validateConfig(parse(text), text);
}

describe('renderConfigTable', () => {
  it('renders the defaults as a table that reads back unchanged', () => {
    const { config, problems } = readBack(renderConfigTable());
    expect(problems).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it('writes every default with a comment', () => {
    const text = renderConfigTable();
    expect(text.split('\n').slice(0, 5)).toEqual([
      '[tool.pyrelease]',
      '# Branch releases are cut from.',
      'branch = "main"',
      '# Tag for a version; {version} becomes the PEP 440 version (1.4.0 -> v1.4.0).',
      'tag-format = "v{version}"',
    ]);
    expect(text).toContain(
      'required-checks = ["lint", "typecheck", "tests", "package-build", "docs-validation", "build-validation", "release-label"]\n',
    );
    expect(text).toContain(
      '[tool.pyrelease.workflows]\npypi = "publish-pypi.yml"\ntestpypi = "publish-testpypi.yml"\n',
    );
    expect(text).toContain('# [tool.pyrelease.smoke.my-cli]\n# args = ["--help"]\n');
    expect(text).toContain('# [[tool.pyrelease.rollback]]\n');
  });

  it('renders a custom config that reads back unchanged', () => {
    const custom: ReleaseConfig = {
      ...DEFAULT_CONFIG,
      branch: 'trunk',
      tagFormat: 'release-{version}',
      requiredChecks: ['ci "quoted"'],
      smoke: { 'my.cli': { args: ['--version'], timeout: 5, expectExit: 1, skip: false } },
      smokeCommands: [{ argv: ['python', '-c', 'print("hi")'], timeout: 10, expectExit: 0 }],
      rollback: [
        { name: 'Cloud Run', argv: ['gcloud', 'run'], description: 'Back to the previous revision' },
        { name: 'Migrate', argv: ['./down.sh'], description: undefined },
      ],
      index: { pypi: 'http://127.0.0.1:8080', testpypi: 'http://127.0.0.1:8081/test' },
      signTags: true,
      ciTimeout: 120,
    };
    const { config, problems } = readBack(renderConfigTable(custom));
    expect(problems).toEqual([]);
    expect(config).toEqual(custom);
  });
});
