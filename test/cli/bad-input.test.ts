import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/domain/readiness/doctor-report';
import { runCli } from '../helpers/cli';
import { makeGitHubCheckout, workflowFixture, writeFiles } from '../helpers/fixture-copy';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const PYPI = '.github/workflows/publish-pypi.yml';
const TESTPYPI = '.github/workflows/publish-testpypi.yml';

/** A TestPyPI workflow with nothing to find: dispatch and published releases, OIDC, its environment, a version check. */
const SOUND_TESTPYPI = `name: Publish to TestPyPI
on:
  workflow_dispatch:
    inputs:
      version: {type: string, required: false}
  release:
    types: [published]
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: testpypi
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v6
      - run: pipx run build
      - name: Check the tag or the version input against the built version
        run: ./scripts/check-version.sh "\${{ inputs.version }}" "$GITHUB_REF_NAME"
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          repository-url: https://test.pypi.org/legacy/
`;

/**
 * Every case starts from a GitHub checkout (acme/acme-x, on main) holding two sound publish
 * workflows, so whatever doctor finds comes from the case's own files.
 */
let template: string;
beforeAll(() => {
  template = mkdtempSync(join(tmpdir(), 'pyrelease-bad-input-'));
  writeFiles(template, {
    'README.md': '# acme-x\n',
    [PYPI]: workflowFixture('sound-tag-push.yml'),
    [TESTPYPI]: SOUND_TESTPYPI,
  });
  makeGitHubCheckout(template, 'acme-x');
});
afterAll(() => rmSync(template, { recursive: true, force: true }));

const STATIC = '[project]\nname = "acme-x"\nversion = "1.0.0"\n';
const DYNAMIC = '[project]\nname = "acme-x"\ndynamic = ["version"]\n';
const HATCHLING = '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n';
const SETUPTOOLS = '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n';
const ATTR = '\n[tool.setuptools.dynamic]\nversion = {attr = "acme_x.__version__"}\n';
const TOML_HINT =
  '    → Fix pyproject.toml at that line and column (TOML syntax: https://toml.io/en/v1.0.0), then run pyrelease again.';
const CREDENTIALS_HINT =
  '    → Remove it from pyproject.toml. pyrelease reads the GitHub token from GH_TOKEN, GITHUB_TOKEN or `gh auth token`';

interface BadInput {
  name: string;
  /** Files written over the template; no pyproject.toml means none. */
  files: Record<string, string>;
  /** Symbolic links to create: path → target. */
  symlinks?: Record<string, string>;
  /** `doctor` unless told otherwise. */
  command?: string[];
  exitCode: number;
  /** Each must appear: in doctor's report (stdout), else in the error (stderr). */
  says: string[];
  /** Must appear nowhere in the output. */
  never?: string[];
  /** Runs `doctor --json` and expects this finding on that workflow; `says` then match the report's problem messages. */
  finding?: { index: 'pypi' | 'testpypi'; id: string; severity: 'error' | 'warning' };
  /** Files that must not exist afterwards (nothing was written). */
  absent?: string[];
}

const CASES: BadInput[] = [
  // ---- pyproject.toml is not TOML: the message names line and column.
  {
    name: 'broken TOML: an unquoted version',
    files: { 'pyproject.toml': '[project]\nname = "acme-x"\nversion = 1.0.0\n' },
    exitCode: 1,
    says: ['  ✗ pyproject.toml:3:14: invalid TOML: illegal character in numeric literal\n' + TOML_HINT],
  },
  {
    name: 'broken TOML: an unterminated string',
    files: { 'pyproject.toml': '[project]\nname = "acme-x\nversion = "1.0.0"\n' },
    exitCode: 1,
    says: ['  ✗ pyproject.toml:2:15: invalid TOML: control characters are not allowed in strings\n' + TOML_HINT],
  },
  {
    name: 'broken TOML: an unclosed table header',
    files: { 'pyproject.toml': '# acme\n[project\nname = "acme-x"\n' },
    exitCode: 1,
    says: ['  ✗ pyproject.toml:2:9: invalid TOML: illegal character in key\n' + TOML_HINT],
  },
  {
    name: 'broken TOML: a table defined twice',
    files: { 'pyproject.toml': '[project]\nname = "acme-x"\n\n[project]\nversion = "1.0.0"\n' },
    exitCode: 1,
    says: ['  ✗ pyproject.toml:4:2: invalid TOML: trying to redefine an already defined table or value'],
  },
  {
    name: 'broken TOML: a duplicate key (bump)',
    files: { 'pyproject.toml': '[project]\nname = "acme-x"\nversion = "1.0.0"\nversion = "1.0.1"\n' },
    command: ['bump', 'patch'],
    exitCode: 1,
    says: [
      'pyrelease: pyproject.toml:4:1: invalid TOML: trying to redefine an already defined table or value\n  → Fix pyproject.toml at that line and column',
    ],
  },

  // ---- Metadata.
  {
    name: 'no pyproject.toml at all',
    files: {},
    exitCode: 1,
    says: [
      'pyrelease: No pyproject.toml in ',
      '  → Run pyrelease in the root of your Python project (the folder with pyproject.toml), or pass --cwd DIR.',
    ],
  },
  {
    name: 'no [project] and no [tool.poetry] table',
    files: { 'pyproject.toml': '[build-system]\nrequires = ["hatchling"]\n' },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: pyproject.toml has no [project] table (and no [tool.poetry] table)\n    → Add a [project] table with at least name and version to pyproject.toml',
    ],
  },
  {
    name: 'the pre-2021 flit metadata table',
    files: { 'pyproject.toml': '[tool.flit.metadata]\nmodule = "acme_x"\n' },
    exitCode: 1,
    says: [
      'has no [project] table',
      '    → This is the pre-2021 flit format ([tool.flit.metadata]): move the metadata to a PEP 621 [project] table',
    ],
  },
  {
    name: '[project] is not a table',
    files: { 'pyproject.toml': 'project = "acme-x"\n' },
    exitCode: 1,
    says: ['  ✗ pyproject.toml: [project] must be a table'],
  },
  {
    name: '[project] without a name',
    files: { 'pyproject.toml': '[project]\nversion = "1.0.0"\n' },
    exitCode: 1,
    says: ['  ✗ pyproject.toml: [project] has no name\n    → Set name = "your-project" in [project] of pyproject.toml'],
  },
  {
    name: 'the name listed in dynamic',
    files: { 'pyproject.toml': '[project]\ndynamic = ["name", "version"]\n' },
    exitCode: 1,
    says: ['  ✗ pyproject.toml: [project] lists "name" in dynamic, but the name must be static'],
  },
  {
    name: 'a console script that is not a string (wrong type)',
    files: { 'pyproject.toml': `${STATIC}\n[project.scripts]\nacme = 3\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: [project.scripts] "acme" must be a string like "package.module:function", found a number',
    ],
  },
  {
    name: 'console_scripts declared as a plain entry-point group',
    files: { 'pyproject.toml': `${STATIC}\n[project.entry-points.console_scripts]\nacme = "acme_x.cli:main"\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: [project.entry-points.console_scripts] is not allowed; declare these commands in [project.scripts]',
    ],
  },

  // ---- Where the version lives.
  {
    name: 'version both static and dynamic',
    files: { 'pyproject.toml': '[project]\nname = "acme-x"\nversion = "1.0.0"\ndynamic = ["version"]\n' },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: [project] sets version and also lists "version" in dynamic\n    → Keep one: delete version from [project]',
    ],
  },
  {
    name: 'version neither static nor dynamic',
    files: { 'pyproject.toml': '[project]\nname = "acme-x"\n' },
    exitCode: 1,
    says: ['  ✗ pyproject.toml: [project] has no version and does not list "version" in dynamic'],
  },
  {
    name: 'dynamic version, no build backend and no provider',
    files: { 'pyproject.toml': DYNAMIC },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: [project] lists "version" in dynamic, but no version provider was found (no build backend declared; tool tables: none)',
    ],
  },
  {
    name: 'dynamic version with hatchling but no [tool.hatch.version]',
    files: { 'pyproject.toml': `${HATCHLING}${DYNAMIC}\n[tool.ruff]\nline-length = 100\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: [project] lists "version" in dynamic, but no version provider was found (build backend "hatchling.build"; tool tables: [tool.ruff])',
      '    → Add [tool.hatch.version] with path = "src/your_package/__about__.py" (or source = "vcs" with hatch-vcs), then run pyrelease again.',
    ],
  },
  {
    name: 'a static version that is not a string (wrong type)',
    files: { 'pyproject.toml': '[project]\nname = "acme-x"\nversion = 1\n' },
    exitCode: 1,
    says: ['  ✗ pyproject.toml: project.version must be a string, found a number'],
  },
  {
    // Doctor is the readiness report: a version PyPI refuses is not ready (bump already says so).
    name: 'a static version that is not PEP 440',
    files: { 'pyproject.toml': '[project]\nname = "acme-x"\nversion = "1.0-SNAPSHOT"\n' },
    exitCode: 1,
    says: ['"1.0-SNAPSHOT" is not a PEP 440 version'],
    never: ['✓ Ready to release.'],
  },
  {
    name: 'a current version that is not PEP 440 (bump)',
    files: { 'pyproject.toml': '[project]\nname = "acme-x"\nversion = "1.0-SNAPSHOT"\n' },
    command: ['bump', 'minor'],
    exitCode: 1,
    says: ['pyrelease: Current version "1.0-SNAPSHOT" is not a PEP 440 version'],
  },
  {
    name: 'a local version asked of bump',
    files: { 'pyproject.toml': STATIC },
    command: ['bump', '1.1.0+acme.2'],
    exitCode: 1,
    says: [
      `pyrelease: 1.1.0+acme.2 is a local version, and PyPI refuses them: "The use of local versions in '1.1.0+acme.2' is not allowed."\n  → Release the public part, 1.1.0, instead`,
    ],
  },
  {
    name: 'setuptools attr pointing at a missing module',
    files: { 'pyproject.toml': SETUPTOOLS + DYNAMIC + ATTR },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: [tool.setuptools.dynamic] version attr "acme_x.__version__" points at module acme_x, but none of acme_x.py, acme_x/__init__.py, src/acme_x.py, src/acme_x/__init__.py can be read',
    ],
  },
  {
    // The module is there but cannot be read (a symlink loop; as EACCES would be for a non-root user).
    name: 'setuptools attr pointing at an unreadable module',
    files: { 'pyproject.toml': SETUPTOOLS + DYNAMIC + ATTR },
    symlinks: { 'acme_x/__init__.py': '__init__.py' },
    exitCode: 1,
    says: ['acme_x/__init__.py', 'cannot be read'],
    never: ['unexpected error', 'This is a bug in pyrelease'],
  },
  {
    name: 'setuptools attr module without a module-level assignment',
    files: {
      'pyproject.toml': SETUPTOOLS + DYNAMIC + ATTR,
      'acme_x/__init__.py': 'if True:\n    __version__ = "1.0.0"\n',
    },
    exitCode: 1,
    says: ['  ✗ acme_x/__init__.py: acme_x/__init__.py has no module-level __version__ = "1.2.3" assignment'],
  },
  {
    name: 'setuptools attr module computing the version',
    files: {
      'pyproject.toml': SETUPTOOLS + DYNAMIC + ATTR,
      'acme_x/__init__.py': 'from ._meta import get_version\n__version__ = get_version()\n',
    },
    exitCode: 1,
    says: [
      '  ✗ acme_x/__init__.py:2: acme_x/__init__.py sets the version with __version__ = get_version(), not one plain string literal',
    ],
  },
  {
    name: 'setuptools file that does not exist',
    files: { 'pyproject.toml': `${SETUPTOOLS}${DYNAMIC}\n[tool.setuptools.dynamic]\nversion = {file = "VERSION"}\n` },
    exitCode: 1,
    says: ['  ✗ pyproject.toml: [tool.setuptools.dynamic] version file "VERSION" cannot be read'],
  },
  {
    name: 'setuptools file that is empty',
    files: {
      'pyproject.toml': `${SETUPTOOLS}${DYNAMIC}\n[tool.setuptools.dynamic]\nversion = {file = "VERSION"}\n`,
      VERSION: '\n',
    },
    exitCode: 1,
    says: ['  ✗ VERSION:1: the version in VERSION is empty'],
  },
  {
    name: 'hatch path that does not exist',
    files: { 'pyproject.toml': `${HATCHLING}${DYNAMIC}\n[tool.hatch.version]\npath = "src/acme_x/__about__.py"\n` },
    exitCode: 1,
    says: ['  ✗ pyproject.toml: [tool.hatch.version] path "src/acme_x/__about__.py" cannot be read'],
  },
  {
    name: 'hatch without a path',
    files: { 'pyproject.toml': `${HATCHLING}${DYNAMIC}\n[tool.hatch.version]\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: [tool.hatch.version] has no path: hatch does not know which file holds the version\n    → Add path = "src/acme_x/__about__.py"',
    ],
  },
  {
    name: 'hatch pattern without a version group',
    files: {
      'pyproject.toml': `${HATCHLING}${DYNAMIC}\n[tool.hatch.version]\npath = "acme_x/__init__.py"\npattern = 'VERSION = "(.+)"'\n`,
      'acme_x/__init__.py': 'VERSION = "1.0.0"\n',
    },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: [tool.hatch.version] pattern has no named group "version"\n    → Hatch requires one: wrap the version part of the pattern in (?P<version>…)',
    ],
  },
  {
    name: 'hatch pattern that matches nothing',
    files: {
      'pyproject.toml': `${HATCHLING}${DYNAMIC}\n[tool.hatch.version]\npath = "acme_x/__init__.py"\npattern = 'RELEASE = "(?P<version>[^"]+)"'\n`,
      'acme_x/__init__.py': 'VERSION = "1.0.0"\n',
    },
    exitCode: 1,
    says: ['  ✗ acme_x/__init__.py: the version pattern matched nothing in acme_x/__init__.py'],
  },
  {
    name: 'hatch source = "code" (unsupported)',
    files: {
      'pyproject.toml': `${HATCHLING}${DYNAMIC}\n[tool.hatch.version]\nsource = "code"\npath = "acme_x/__init__.py"\n`,
    },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: [tool.hatch.version] source = "code" computes the version by running Python code; pyrelease can neither read nor rewrite it',
    ],
  },
  {
    name: 'pdm source = "call" (unsupported)',
    files: {
      'pyproject.toml': `[build-system]\nbuild-backend = "pdm.backend"\n\n${DYNAMIC}\n[tool.pdm.version]\nsource = "call"\ngetter = "acme_x.meta:get_version"\n`,
    },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: [tool.pdm.version] source = "call" computes the version by calling acme_x.meta:get_version; pyrelease can neither read nor rewrite it',
    ],
  },
  {
    name: 'poetry-dynamic-versioning enabled (unsupported)',
    files: {
      'pyproject.toml':
        '[tool.poetry]\nname = "acme-x"\nversion = "0.0.0"\n\n[tool.poetry-dynamic-versioning]\nenable = true\n',
    },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml: pyproject.toml enables poetry-dynamic-versioning ([tool.poetry-dynamic-versioning] enable = true)',
    ],
  },
  {
    name: 'flit module without __version__',
    files: {
      'pyproject.toml': `[build-system]\nbuild-backend = "flit_core.buildapi"\n\n${DYNAMIC}`,
      'acme_x/__init__.py': '"""ACME."""\n',
    },
    exitCode: 1,
    says: [
      '  ✗ acme_x/__init__.py: flit takes the version from module acme_x, but acme_x/__init__.py has no module-level __version__ = "…" string',
    ],
  },

  // ---- [tool.pyrelease]: the line of the key, what is wrong, what to write.
  {
    name: 'an unknown [tool.pyrelease] key, with a suggestion',
    files: { 'pyproject.toml': `${STATIC}\n[tool.pyrelease]\ntag-fromat = "v{version}"\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml:6: tool.pyrelease.tag-fromat is not a pyrelease setting; the keys here are: branch, tag-format, ',
      '    → Did you mean `tag-format`? Rename the key, or remove it.',
    ],
  },
  {
    name: 'an unknown key in a nested table, with a suggestion',
    files: { 'pyproject.toml': `${STATIC}\n[tool.pyrelease.workflows]\npypy = "publish.yml"\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml:6: tool.pyrelease.workflows.pypy is not a pyrelease setting; the keys here are: pypi, testpypi.',
      '    → Did you mean `pypi`?',
    ],
  },
  {
    name: 'a wrong type: branch = 3',
    files: { 'pyproject.toml': `${STATIC}\n[tool.pyrelease]\nbranch = 3\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml:6: tool.pyrelease.branch must be a string, but it is the integer 3.\n    → Write it like `branch = "main"`, or remove the key to use the default ("main").',
    ],
  },
  {
    name: 'a wrong type: a string where a list belongs',
    files: { 'pyproject.toml': `${STATIC}\n[tool.pyrelease]\nrequired-checks = "lint"\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml:6: tool.pyrelease.required-checks must be an array of strings, but it is the string "lint".',
    ],
  },
  {
    name: 'a bad value: tag-format without {version}',
    files: { 'pyproject.toml': `${STATIC}\n[tool.pyrelease]\ntag-format = "release"\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml:6: tool.pyrelease.tag-format must be a tag name containing `{version}` exactly once, and no other `{…}`, but it is the string "release".',
    ],
  },
  {
    name: 'a token-looking key in the configuration',
    files: { 'pyproject.toml': `${STATIC}\n[tool.pyrelease]\npypi-token = "abc123"\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml:6: tool.pyrelease.pypi-token looks like a credential, and credentials never live in configuration.\n' +
        CREDENTIALS_HINT,
    ],
  },
  {
    name: 'a token pasted as a value, never echoed',
    files: { 'pyproject.toml': `${STATIC}\n[tool.pyrelease]\nbranch = "ghp_0123456789abcdefghijABCDEFGHIJ0123"\n` },
    exitCode: 1,
    says: [
      '  ✗ pyproject.toml:6: tool.pyrelease.branch holds what looks like a token, and credentials never live in configuration.',
    ],
    never: ['ghp_0123456789abcdefghijABCDEFGHIJ0123'],
  },
  {
    name: 'a wrong type stops init before it writes anything',
    files: { 'pyproject.toml': `${STATIC}\n[tool.pyrelease]\nbranch = 3\n` },
    command: ['init'],
    exitCode: 1,
    says: ['pyrelease: pyproject.toml:6: tool.pyrelease.branch must be a string, but it is the integer 3.'],
    absent: ['docs/LAUNCH_CHECKLIST.md'],
  },

  // ---- Publish workflows: one requirement missing each (doctor --json names the finding).
  {
    name: 'broken workflow YAML',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('broken.yml') },
    exitCode: 1,
    finding: { index: 'pypi', id: 'yaml-syntax', severity: 'error' },
    says: [`${PYPI}:5: The workflow is not valid YAML: `],
  },
  {
    name: 'workflow YAML with a duplicate key',
    files: { 'pyproject.toml': STATIC, [TESTPYPI]: `${SOUND_TESTPYPI}jobs:\n  other:\n    runs-on: ubuntu-latest\n` },
    exitCode: 1,
    finding: { index: 'testpypi', id: 'yaml-syntax', severity: 'error' },
    says: [`${TESTPYPI}:22: The workflow is not valid YAML: Map keys must be unique`],
  },
  {
    name: 'a workflow without jobs',
    files: { 'pyproject.toml': STATIC, [PYPI]: 'name: Publish\non:\n  push:\n    tags: ["v*"]\n' },
    exitCode: 1,
    finding: { index: 'pypi', id: 'not-a-workflow', severity: 'error' },
    says: ['The file is not a GitHub Actions workflow: it has no `jobs:` mapping.'],
  },
  {
    name: 'a workflow that runs only on branch pushes and pull requests',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('no-trigger.yml') },
    exitCode: 1,
    finding: { index: 'pypi', id: 'no-trigger', severity: 'error' },
    says: [
      `${PYPI}:2: Nothing the wizard does starts this workflow: it runs only on push, pull_request, not on a tag push, a published release or a manual dispatch.`,
    ],
  },
  {
    name: 'a workflow without any on:',
    files: {
      'pyproject.toml': STATIC,
      [PYPI]: workflowFixture('no-tag-check.yml').replace('on:\n  push:\n    tags: ["v*"]\n', ''),
    },
    exitCode: 1,
    finding: { index: 'pypi', id: 'no-trigger', severity: 'error' },
    says: ['Nothing the wizard does starts this workflow: it has no `on:` events'],
  },
  {
    name: 'no pypa/gh-action-pypi-publish (twine with a token)',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('no-publish-action.yml') },
    exitCode: 1,
    finding: { index: 'pypi', id: 'no-publish-action', severity: 'error' },
    says: [
      `${PYPI}:5: No step uses \`pypa/gh-action-pypi-publish\`, so this workflow does not publish through trusted publishing.`,
    ],
  },
  {
    name: 'no id-token: write (job permissions replace the workflow ones)',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('no-id-token.yml') },
    exitCode: 1,
    finding: { index: 'pypi', id: 'no-id-token', severity: 'error' },
    says: [
      `${PYPI}:9: Trusted publishing needs an OIDC token, but job "publish" sets its own \`permissions\`, which replace the workflow's \`id-token: write\`.`,
    ],
  },
  {
    name: 'a TestPyPI workflow without repository-url',
    files: { 'pyproject.toml': STATIC, [TESTPYPI]: workflowFixture('testpypi-no-repository-url.yml') },
    exitCode: 1,
    finding: { index: 'testpypi', id: 'testpypi-repository-url', severity: 'error' },
    says: [
      `${TESTPYPI}:14: This is the TestPyPI workflow, but the publish step of job "publish" has no \`repository-url\`, so it uploads to PyPI`,
    ],
  },
  {
    name: 'a PyPI workflow that uploads to TestPyPI',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('testpypi-on-pypi.yml') },
    exitCode: 1,
    finding: { index: 'pypi', id: 'testpypi-repository-url', severity: 'error' },
    says: [
      `${PYPI}:17: This is the PyPI workflow, but the publish step of job "publish" uploads to TestPyPI (repository-url https://test.pypi.org/legacy/)`,
    ],
  },
  {
    name: 'publishing from a reusable workflow',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('reusable-workflow.yml') },
    exitCode: 1,
    finding: { index: 'pypi', id: 'reusable-workflow', severity: 'error' },
    says: [
      `${PYPI}:9: Job "release" calls the reusable workflow acme/shared-workflows/.github/workflows/pypi-publish.yml@v2, and no job of this file publishes`,
    ],
  },
  {
    name: 'the wrong environment',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('wrong-environment.yml') },
    exitCode: 1,
    finding: { index: 'pypi', id: 'no-environment', severity: 'error' },
    says: [
      `${PYPI}:8: Job "publish" runs in environment "release", but the trusted publisher is expected to name "pypi"`,
    ],
  },
  {
    name: 'tag filters that miss the tag format',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('tag-pattern-mismatch.yml') },
    exitCode: 1,
    finding: { index: 'pypi', id: 'tag-pattern-mismatch', severity: 'error' },
    says: [
      `${PYPI}:3: The workflow runs on tag pushes, but its tag filters ("release-*") do not let the tag v1.2.3 through`,
    ],
  },
  {
    name: 'a TestPyPI workflow on prereleased/created releases only',
    files: { 'pyproject.toml': STATIC, [TESTPYPI]: workflowFixture('release-prereleased-only.yml') },
    exitCode: 1,
    finding: { index: 'testpypi', id: 'release-prereleased-only', severity: 'warning' },
    says: [
      `${TESTPYPI}:2: Nothing the wizard does starts this workflow: it runs only on release`,
      `${TESTPYPI}:3: \`on.release.types\` is [prereleased, created] without \`published\``,
    ],
  },
  // Warnings: doctor still exits 0, and lists them.
  {
    name: 'a long-lived token passed as password: (warning)',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('password-token.yml') },
    exitCode: 0,
    finding: { index: 'pypi', id: 'long-lived-token', severity: 'warning' },
    says: [
      `${PYPI}:16: The publish step of job "publish" passes \`password:\`: an API token turns trusted publishing off`,
    ],
  },
  {
    name: 'no environment (warning)',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('no-environment.yml') },
    exitCode: 0,
    finding: { index: 'pypi', id: 'no-environment', severity: 'warning' },
    says: [
      `${PYPI}:6: Job "publish" runs in no environment: the trusted publisher is expected to name environment "pypi"`,
    ],
  },
  {
    name: 'no step compares the tag with the version (warning)',
    files: { 'pyproject.toml': STATIC, [PYPI]: workflowFixture('no-tag-check.yml') },
    exitCode: 0,
    finding: { index: 'pypi', id: 'no-tag-check', severity: 'warning' },
    says: [`${PYPI}: No step compares the tag with the version being built`],
  },
];

describe('bad input: each case says what is wrong, with the right exit code', () => {
  it('has at least 25 cases, each with something to say', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    for (const c of CASES) expect(c.says.length).toBeGreaterThan(0);
  });

  it.each(CASES)('$name', async (c) => {
    const dir = join(tempDir(), 'acme-x');
    cpSync(template, dir, { recursive: true });
    writeFiles(dir, c.files);
    for (const [path, target] of Object.entries(c.symlinks ?? {})) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      symlinkSync(target, join(dir, path));
    }
    const command = c.command ?? ['doctor'];
    const json = c.finding !== undefined;
    const run = await runCli(json ? [...command, '--json'] : command, {
      cwd: dir,
      env: { GH_TOKEN: 'ghp_NotARealTokenJustForTheTest0000' },
    });
    const everything = `${run.stdout}\n${run.stderr}`;

    if (json) {
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as DoctorReport;
      const workflow = report.workflows.find((entry) => entry.index === c.finding?.index);
      expect(workflow?.findings).toContainEqual(
        expect.objectContaining({ id: c.finding?.id, severity: c.finding?.severity }),
      );
      const messages = report.problems.map((problem) => problem.message).join('\n');
      for (const text of c.says) expect(messages).toContain(text);
      expect(report.ok).toBe(c.exitCode === 0);
    } else {
      const said = command[0] === 'doctor' && run.stdout !== '' ? run.stdout : run.stderr;
      for (const text of c.says) expect(said).toContain(text);
      if (command[0] !== 'doctor') expect(run.stderr).toMatch(/^pyrelease: .*\n {2}→ /);
    }
    for (const text of c.never ?? []) expect(everything).not.toContain(text);
    for (const file of c.absent ?? []) expect(existsSync(join(dir, file))).toBe(false);
    expect(run.exitCode).toBe(c.exitCode);
  });
});
