import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/domain/readiness/doctor-report';
import { runCli } from '../helpers/cli';
import { copyFixture, makeGitHubCheckout, workflowFixture, writeFiles } from '../helpers/fixture-copy';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

type Entrypoint = NonNullable<DoctorReport['project']>['entrypoints'][number];

interface FixtureCase {
  shape: string;
  name: string;
  /** What the fixture's files say (for SCM shapes: the highest release tag put on the repository). */
  version: string;
  kind: string;
  /** Where the version literal is; pyproject.toml for SCM shapes, where the tag is the version. */
  file: string;
  writable: boolean;
  scm: boolean;
  entrypoints: Entrypoint[];
  /** Tags for the SCM shapes, whose version is the highest release tag. */
  tags?: string[];
}

const console_ = (name: string, target: string): Entrypoint => ({ name, kind: 'console', target });

/** Read off the fixture files by hand (test/fixtures/projects/<shape>/). */
const FIXTURES: FixtureCase[] = [
  {
    shape: 'static',
    name: 'acme-tool',
    version: '1.4.0',
    kind: 'static',
    file: 'pyproject.toml',
    writable: true,
    scm: false,
    // [project.entry-points."acme.plugins"] is a plugin group, not a command: not listed.
    entrypoints: [
      console_('acme', 'acme_tool.cli:main'),
      console_('acme-admin', 'acme_tool.admin:run'),
      { name: 'acme-gui', kind: 'gui', target: 'acme_tool.gui:run' },
    ],
  },
  {
    shape: 'static-dotted-key',
    name: 'Dotted_Pkg',
    version: '0.3.1',
    kind: 'static',
    file: 'pyproject.toml',
    writable: true,
    scm: false,
    entrypoints: [console_('dotted', 'dotted_pkg.__main__:main')],
  },
  {
    shape: 'static-crlf',
    name: 'crlf-app',
    version: '2.0.0',
    kind: 'static',
    file: 'pyproject.toml',
    writable: true,
    scm: false,
    entrypoints: [console_('crlf-app', 'crlf_app.cli:main')],
  },
  {
    shape: 'poetry1',
    name: 'acme-poetry',
    version: '0.8.2',
    kind: 'poetry',
    file: 'pyproject.toml',
    writable: true,
    scm: false,
    // The second script is a table: { callable = "acme_poetry.sync:main", extras = [...] }.
    entrypoints: [
      console_('acme-poetry', 'acme_poetry.cli:main'),
      console_('acme-poetry-sync', 'acme_poetry.sync:main'),
    ],
  },
  {
    shape: 'poetry2',
    name: 'acme-poetry2',
    version: '2.1.0',
    kind: 'poetry',
    file: 'pyproject.toml',
    writable: true,
    scm: false,
    entrypoints: [console_('acme2', 'acme_poetry2.cli:main')],
  },
  {
    shape: 'setuptools-attr',
    name: 'acme-attr',
    version: '3.2.1',
    kind: 'setuptools-attr',
    file: 'acme_attr/__init__.py',
    writable: true,
    scm: false,
    entrypoints: [console_('acme-attr', 'acme_attr.cli:main')],
  },
  {
    shape: 'setuptools-attr-src',
    name: 'acme.src',
    version: '0.5.0',
    kind: 'setuptools-attr',
    file: 'src/acme_src/about.py',
    writable: true,
    scm: false,
    entrypoints: [console_('acme-src', 'acme_src.cli:main'), console_('acme-src-report', 'acme_src.report:main')],
  },
  {
    shape: 'setuptools-file',
    name: 'acme-file',
    version: '1.0.2',
    kind: 'setuptools-file',
    file: 'VERSION',
    writable: true,
    scm: false,
    entrypoints: [console_('acme-file', 'acme_file.cli:main')],
  },
  {
    shape: 'setuptools-scm',
    name: 'acme-scm',
    version: '1.2.3',
    kind: 'setuptools-scm',
    file: 'pyproject.toml',
    writable: false,
    scm: true,
    tags: ['v1.2.3'],
    entrypoints: [console_('acme-scm', 'acme_scm.cli:main')],
  },
  {
    shape: 'hatch-regex',
    name: 'acme-hatch',
    version: '1.4.0',
    kind: 'hatch-regex',
    file: 'src/acme_hatch/__about__.py',
    writable: true,
    scm: false,
    entrypoints: [console_('acme-hatch', 'acme_hatch.cli:main')],
  },
  {
    shape: 'hatch-regex-custom-pattern',
    name: 'acme-custom',
    version: '0.9.0b2',
    kind: 'hatch-regex',
    file: 'src/acme_custom/_meta.py',
    writable: true,
    scm: false,
    entrypoints: [console_('acme-custom', 'acme_custom.cli:main')],
  },
  {
    shape: 'hatch-vcs',
    name: 'acme-vcs',
    version: '1.10.0',
    kind: 'hatch-vcs',
    file: 'pyproject.toml',
    writable: false,
    scm: true,
    // PEP 440 order, not name order; a tag that is no release (nightly) is not a version.
    tags: ['v1.9.0', 'v1.10.0', 'nightly'],
    entrypoints: [console_('acme-vcs', 'acme_vcs.cli:main')],
  },
  {
    shape: 'flit',
    name: 'acme-flit-tool',
    version: '1.0.0',
    kind: 'flit',
    file: 'acme_flit/__init__.py',
    writable: true,
    scm: false,
    entrypoints: [console_('acme-flit', 'acme_flit:main')],
  },
  {
    shape: 'pdm-file',
    name: 'acme-pdm',
    version: '0.4.0',
    kind: 'pdm-file',
    file: 'src/acme_pdm/__init__.py',
    writable: true,
    scm: false,
    entrypoints: [console_('acme-pdm', 'acme_pdm.cli:main')],
  },
  {
    shape: 'pdm-scm',
    name: 'acme-pdm-scm',
    version: '2.0.0rc1',
    kind: 'pdm-scm',
    file: 'pyproject.toml',
    writable: false,
    scm: true,
    tags: ['v2.0.0rc1'],
    entrypoints: [console_('acme-pdm-scm', 'acme_pdm_scm.cli:main')],
  },
  {
    // Metadata in setup.cfg; `version = attr: acme_legacy.__version__` with package_dir =src.
    shape: 'setup-cfg',
    name: 'acme-legacy',
    version: '0.7.3',
    kind: 'setup-cfg',
    file: 'src/acme_legacy/__init__.py',
    writable: false,
    scm: false,
    entrypoints: [
      console_('acme-legacy', 'acme_legacy.cli:main'),
      console_('acme-legacy-admin', 'acme_legacy.admin:main'),
    ],
  },
];

async function doctorJson(cwd: string): Promise<{ exitCode: number; report: DoctorReport }> {
  const run = await runCli(['doctor', '--json'], { cwd });
  expect(run.stderr).toBe('');
  return { exitCode: run.exitCode, report: JSON.parse(run.stdout) as DoctorReport };
}

describe('pyrelease doctor --json in each fixture project', () => {
  it('covers every fixture shape', () => {
    expect(FIXTURES.map((fixture) => fixture.shape).sort()).toEqual([
      'flit',
      'hatch-regex',
      'hatch-regex-custom-pattern',
      'hatch-vcs',
      'pdm-file',
      'pdm-scm',
      'poetry1',
      'poetry2',
      'setup-cfg',
      'setuptools-attr',
      'setuptools-attr-src',
      'setuptools-file',
      'setuptools-scm',
      'static',
      'static-crlf',
      'static-dotted-key',
    ]);
  });

  it.each(FIXTURES)('$shape: $name $version from $kind in $file', async (fixture) => {
    const dir = copyFixture(fixture.shape, tempDir(), fixture.tags ? { tags: fixture.tags } : {});
    const { exitCode, report } = await doctorJson(dir);

    expect(report.project).toMatchObject({
      name: fixture.name,
      version: fixture.version,
      versionSource: { kind: fixture.kind, file: fixture.file, writable: fixture.writable, scm: fixture.scm },
    });
    expect(report.project?.entrypoints).toEqual(fixture.entrypoints);
    // The project reads fine; what keeps it from being ready is elsewhere (no workflows; no git for most).
    expect(
      report.problems.filter((problem) => /^(pyproject|version-source|version|config)\./.test(problem.code)),
    ).toEqual([]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'workflow.missing',
        message: '.github/workflows/publish-pypi.yml does not exist.',
      }),
    );
    expect(exitCode).toBe(1);
    expect(report.ok).toBe(false);
    if (fixture.tags) {
      const latest = `v${fixture.version}`;
      expect(report.git).toMatchObject({
        repository: true,
        branch: 'main',
        latestTag: latest,
        latestTagVersion: fixture.version,
        remote: { owner: 'acme', repo: fixture.shape },
      });
    } else {
      expect(report.git.repository).toBe(false);
      expect(report.problems).toContainEqual(
        expect.objectContaining({ severity: 'error', code: 'git.not-a-repository' }),
      );
    }
  });

  it('an SCM project without a release tag has no version yet, which is only a warning', async () => {
    const dir = copyFixture('setuptools-scm', tempDir(), { git: true });
    const { report } = await doctorJson(dir);
    expect(report.project).toMatchObject({
      name: 'acme-scm',
      version: null,
      versionSource: { kind: 'setuptools-scm', scm: true },
    });
    expect(report.git.latestTag).toBeNull();
    expect(report.problems).toContainEqual({
      severity: 'warning',
      code: 'version.no-tag',
      message: 'setuptools-scm takes the version from git tags, and no release tag was found.',
      hint: 'The first release creates the first tag; nothing to do now.',
    });
  });
});

describe('pyrelease doctor (text)', () => {
  it('shows the project, its version source and its commands, and says what is missing (exit 1)', async () => {
    const dir = copyFixture('static', tempDir());
    const run = await runCli(['doctor'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  acme-tool 1.4.0');
    expect(lines).toContain('    version source static in pyproject.toml');
    expect(lines).toContain('    requires-python >=3.9');
    expect(lines).toContain('    script acme → acme_tool.cli:main');
    expect(lines).toContain('    script acme-admin → acme_tool.admin:run');
    expect(lines).toContain('    gui script acme-gui → acme_tool.gui:run');
    expect(lines).toContain('  ✗ .github/workflows/publish-pypi.yml (pypi): missing');
    expect(lines).toContain('  ✗ Not inside a git repository.');
    expect(lines).toContain('    → `pyrelease init` writes a sound one for trusted publishing.');
    expect(lines.at(-1)).toBe('✗ Not ready: fix the errors above.');
  });

  it('says the tag is the version for an SCM project, with the version of the tag', async () => {
    const dir = copyFixture('hatch-vcs', tempDir(), { tags: ['v0.3.0'] });
    const run = await runCli(['doctor'], { cwd: dir });
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  acme-vcs 0.3.0');
    expect(lines).toContain('    version source hatch-vcs in pyproject.toml (the tag is the version)');
    expect(lines).toContain('    latest release tag v0.3.0');
    expect(lines).toContain('    GitHub repository acme/hatch-vcs');
  });

  it('exits 0 and says ready when the checkout, the project and both workflows are sound', async () => {
    const dir = copyFixture('static', tempDir());
    writeFiles(dir, {
      '.github/workflows/publish-pypi.yml': workflowFixture('sound-tag-push.yml'),
      '.github/workflows/publish-testpypi.yml': workflowFixture('sound-testpypi-rehearsal.yml'),
    });
    // Committed with the workflows, so the tree is clean.
    makeGitHubCheckout(dir, 'acme-tool');
    const run = await runCli(['doctor'], { cwd: dir, env: { GH_TOKEN: 'ghp_NotARealTokenJustForTheTest0000' } });
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  ✓ .github/workflows/publish-pypi.yml (pypi): sound for trusted publishing');
    expect(lines).toContain('  ✓ .github/workflows/publish-testpypi.yml (testpypi): sound for trusted publishing');
    expect(lines).toContain('    triggered by push');
    expect(lines).toContain('    owner acme · repository acme-tool · workflow publish-pypi.yml · environment pypi');
    expect(lines).toContain('  ✓ token available (from GH_TOKEN) · API https://api.github.com');
    expect(run.stdout).not.toContain('NotARealToken');
    expect(lines.at(-1)).toBe('✓ Ready to release.');
    expect(run.exitCode).toBe(0);
  });
});
