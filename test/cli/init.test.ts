import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/domain/readiness/doctor-report';
import { runCli } from '../helpers/cli';
import { copyFixture, workflowFixture, writeFiles } from '../helpers/fixture-copy';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const PYPI_WORKFLOW = '.github/workflows/publish-pypi.yml';
const TESTPYPI_WORKFLOW = '.github/workflows/publish-testpypi.yml';
const CHECKLIST = 'docs/LAUNCH_CHECKLIST.md';
const WRITTEN = [PYPI_WORKFLOW, TESTPYPI_WORKFLOW, CHECKLIST];

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** The bytes of every file init may write, to compare before and after. */
function snapshotOf(dir: string, files: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(files.map((file) => [file, existsSync(join(dir, file)) ? read(dir, file) : undefined]));
}

async function doctorJson(cwd: string): Promise<{ exitCode: number; report: DoctorReport }> {
  const run = await runCli(['doctor', '--json'], { cwd, env: { GH_TOKEN: 'ghp_NotARealTokenJustForTheTest0000' } });
  return { exitCode: run.exitCode, report: JSON.parse(run.stdout) as DoctorReport };
}

/** The trusted-publisher form, as init prints it for acme/acme-tool with the default names. */
const PUBLISHER_LINES = [
  'Now add the trusted publishers (the values must match exactly):',
  '  PyPI: https://pypi.org/manage/project/acme-tool/settings/publishing/',
  '    (a project not on the index yet: https://pypi.org/manage/account/publishing/)',
  '    PyPI Project Name: acme-tool (new projects only)',
  '    Owner: acme',
  '    Repository name: acme-tool',
  '    Workflow name: publish-pypi.yml',
  '    Environment name: pypi',
  '  TestPyPI: https://test.pypi.org/manage/project/acme-tool/settings/publishing/',
  '    (a project not on the index yet: https://test.pypi.org/manage/account/publishing/)',
  '    PyPI Project Name: acme-tool (new projects only)',
  '    Owner: acme',
  '    Repository name: acme-tool',
  '    Workflow name: publish-testpypi.yml',
  '    Environment name: testpypi',
];

describe('pyrelease init', () => {
  it('in a dry run says what it would write, prints the trusted-publisher values, and writes nothing', async () => {
    const dir = copyFixture('static', tempDir(), { git: true, repo: 'acme-tool' });
    const pyproject = read(dir, 'pyproject.toml');
    const run = await runCli(['init', '--dry-run'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '○ would write .github/workflows/publish-pypi.yml (publish workflow for PyPI)',
      '○ would write .github/workflows/publish-testpypi.yml (publish workflow for TestPyPI)',
      '○ would write pyproject.toml ([tool.pyrelease] table with the defaults)',
      '○ would write docs/LAUNCH_CHECKLIST.md (launch checklist)',
    ]);
    expect(lines.slice(5, 5 + PUBLISHER_LINES.length)).toEqual(PUBLISHER_LINES);
    expect(read(dir, 'pyproject.toml')).toBe(pyproject);
    expect(existsSync(join(dir, '.github'))).toBe(false);
    expect(existsSync(join(dir, 'docs'))).toBe(false);
  });

  it('writes both workflows, the [tool.pyrelease] table and the checklist; doctor then finds the workflows sound', async () => {
    const dir = copyFixture('static', tempDir(), { git: true, repo: 'acme-tool' });
    const pyproject = read(dir, 'pyproject.toml');
    const run = await runCli(['init'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '+ wrote .github/workflows/publish-pypi.yml (publish workflow for PyPI)',
      '+ wrote .github/workflows/publish-testpypi.yml (publish workflow for TestPyPI)',
      '+ wrote pyproject.toml ([tool.pyrelease] table with the defaults)',
      '+ wrote docs/LAUNCH_CHECKLIST.md (launch checklist)',
    ]);
    expect(lines.slice(5, 5 + PUBLISHER_LINES.length)).toEqual(PUBLISHER_LINES);
    expect(lines.at(-1)).toBe(
      'In the GitHub repository settings, create the environments testpypi and pypi; give pypi required reviewers.',
    );

    // pyproject.toml: every byte before the new table is the old file.
    const after = read(dir, 'pyproject.toml');
    expect(after.startsWith(pyproject)).toBe(true);
    const appended = after.slice(pyproject.length);
    expect(appended).toMatch(/^\n\[tool\.pyrelease\]\n/);
    expect(appended).toContain('\nbranch = "main"\n');
    expect(appended).toContain('\ntag-format = "v{version}"\n');
    expect(appended.endsWith('\n')).toBe(true);

    expect(read(dir, PYPI_WORKFLOW)).toContain('uses: pypa/gh-action-pypi-publish@');
    expect(read(dir, TESTPYPI_WORKFLOW)).toContain('repository-url: https://test.pypi.org/legacy/');
    expect(read(dir, CHECKLIST)).toMatch(/^# Launch checklist for acme-tool\n/);
    expect(read(dir, CHECKLIST)).toContain('\n- [ ] ');

    const { exitCode, report } = await doctorJson(dir);
    expect(report.workflows).toEqual([
      expect.objectContaining({ index: 'pypi', file: PYPI_WORKFLOW, exists: true, findings: [] }),
      expect.objectContaining({ index: 'testpypi', file: TESTPYPI_WORKFLOW, exists: true, findings: [] }),
    ]);
    expect(report.config).toMatchObject({
      branch: 'main',
      tagFormat: 'v{version}',
      checklist: CHECKLIST,
      workflows: { pypi: 'publish-pypi.yml', testpypi: 'publish-testpypi.yml' },
    });
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(exitCode).toBe(0);
  });

  it('run again, overwrites nothing and says each file exists', async () => {
    const dir = copyFixture('static', tempDir(), { git: true, repo: 'acme-tool' });
    expect((await runCli(['init'], { cwd: dir })).exitCode).toBe(0);
    const before = snapshotOf(dir, [...WRITTEN, 'pyproject.toml']);

    const again = await runCli(['init'], { cwd: dir });
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
    expect(again.stdout.split('\n').slice(0, 5)).toEqual([
      '= .github/workflows/publish-pypi.yml exists, left as is',
      '= .github/workflows/publish-testpypi.yml exists, left as is',
      '= [tool.pyrelease] exists in pyproject.toml, left as is',
      '= docs/LAUNCH_CHECKLIST.md exists, left as is',
      'Nothing to write: everything pyrelease needs is already there.',
    ]);
    expect(again.stdout).toContain('    Workflow name: publish-testpypi.yml');
    expect(snapshotOf(dir, [...WRITTEN, 'pyproject.toml'])).toEqual(before);
  });

  it('keeps an existing (even unsound) workflow and checklist, writes only what is missing, from the project configuration', async () => {
    const dir = copyFixture('static', tempDir(), { git: true, repo: 'acme-tool' });
    const config = [
      '',
      '[tool.pyrelease]',
      'tag-format = "release-{version}"',
      '',
      '[tool.pyrelease.workflows]',
      'pypi = "release.yml"',
      '',
      '[tool.pyrelease.environments]',
      'testpypi = "staging"',
      '',
    ].join('\n');
    writeFiles(dir, {
      'pyproject.toml': read(dir, 'pyproject.toml') + config,
      '.github/workflows/release.yml': workflowFixture('no-id-token.yml'),
      [CHECKLIST]: '# Ours\n\n- [ ] Ask Wile E.\n',
    });
    const before = snapshotOf(dir, ['.github/workflows/release.yml', CHECKLIST, 'pyproject.toml']);

    const run = await runCli(['init'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    // no-id-token.yml has two findings here: no id-token (error) and a tag filter that misses release-1.2.3.
    expect(lines.slice(0, 4)).toEqual([
      '= .github/workflows/release.yml exists, left as is (2 finding(s): see `pyrelease doctor`)',
      '= [tool.pyrelease] exists in pyproject.toml, left as is',
      '= docs/LAUNCH_CHECKLIST.md exists, left as is',
      '+ wrote .github/workflows/publish-testpypi.yml (publish workflow for TestPyPI)',
    ]);
    expect(lines).toContain('    Workflow name: release.yml');
    expect(lines).toContain('    Environment name: staging');
    expect(snapshotOf(dir, ['.github/workflows/release.yml', CHECKLIST, 'pyproject.toml'])).toEqual(before);
    expect(existsSync(join(dir, PYPI_WORKFLOW))).toBe(false);

    // What it wrote follows the configuration and passes its own analysis.
    expect(read(dir, TESTPYPI_WORKFLOW)).toContain('staging');
    const { report } = await doctorJson(dir);
    expect(report.workflows.find((workflow) => workflow.index === 'testpypi')).toMatchObject({
      file: TESTPYPI_WORKFLOW,
      exists: true,
      findings: [],
    });
    expect(
      report.workflows
        .find((workflow) => workflow.index === 'pypi')
        ?.findings.map((finding) => finding.id)
        .sort(),
    ).toEqual(['no-id-token', 'tag-pattern-mismatch']);
  });

  it.each([
    // CRLF: the appended table keeps the file's line ends.
    ['static-crlf', 'crlf-app'],
    // No [project]: the name comes from [tool.poetry].
    ['poetry1', 'acme-poetry'],
    // No [project] either: the metadata is in setup.cfg.
    ['setup-cfg', 'acme-legacy'],
    // The tag is the version: nothing in the tree holds it.
    ['hatch-vcs', 'acme-vcs'],
  ])(
    '%s: what init writes passes doctor with no finding, and the old pyproject.toml is kept byte for byte',
    async (shape, name) => {
      const dir = copyFixture(shape, tempDir(), { git: true });
      const pyproject = read(dir, 'pyproject.toml');
      const run = await runCli(['init'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(`    PyPI Project Name: ${name} (new projects only)`);
      expect(run.stdout).toContain(`    Repository name: ${shape}`);

      const after = read(dir, 'pyproject.toml');
      expect(after.startsWith(pyproject)).toBe(true);
      if (pyproject.includes('\r\n')) {
        expect(after.slice(pyproject.length).replaceAll('\r\n', '')).not.toContain('\n');
        expect(after.slice(pyproject.length)).toMatch(/^\r\n\[tool\.pyrelease\]\r\n/);
      }

      const { report } = await doctorJson(dir);
      expect(report.project?.name).toBe(name);
      expect(report.workflows.map((workflow) => [workflow.file, workflow.exists, workflow.findings])).toEqual([
        [PYPI_WORKFLOW, true, []],
        [TESTPYPI_WORKFLOW, true, []],
      ]);
      expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    },
  );

  it('outside a GitHub checkout, prints placeholders for owner and repository and says so', async () => {
    const dir = copyFixture('static', tempDir());
    const run = await runCli(['init'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('    Owner: <owner>');
    expect(lines).toContain('    Repository name: <repository>');
    expect(lines).toContain(
      '  The origin remote is not a GitHub URL: put your GitHub owner and repository where <owner> and <repository> stand.',
    );
  });
});
