import { DEFAULT_CONFIG } from '../config/default-config';
import type { PackageIndex } from '../config/release-config';
import { normalizeProjectName } from '../pyproject/normalize-project-name';
import { TESTPYPI_UPLOAD_URL } from './check-publishing';
import { tagPatternFor } from './filter-pattern';
import { SET_VERSION_STEP, setVersionScript } from './set-version-script';
import { tagCheckScript } from './tag-check-script';

export interface PublishWorkflowOptions {
  readonly index: PackageIndex;
  /** `[project].name`. */
  readonly projectName: string;
  /** The environment the trusted publisher will name. */
  readonly environment: string;
  /** `[tool.pyrelease] tag-format`. */
  readonly tagFormat: string;
  /** Index base URL for the environment's link; the configured default for `index` otherwise. */
  readonly indexUrl?: string;
}

const LABEL: Record<PackageIndex, string> = { pypi: 'PyPI', testpypi: 'TestPyPI' };

/**
 * A sound publish workflow for one index, in the shape of the PyPA guide (TECH-FACTS §4.2): build
 * once in an unprivileged job, check the tag against the built version, hand the dists over as an
 * artifact, publish from a job that alone holds `id-token: write` in the trusted environment.
 * PyPI runs on tag pushes; TestPyPI on a manual dispatch or a published GitHub pre-release, and
 * sets the version it rehearses before building. Both have the action log the hashes of what it
 * uploads (`print-hash`), so pyrelease can check the index serves those very files.
 */
export function renderPublishWorkflow(options: PublishWorkflowOptions): string {
  const { index, environment } = options;
  const label = LABEL[index];
  const base = (options.indexUrl ?? DEFAULT_CONFIG.index[index]).replace(/\/+$/, '');
  const q = (text: string): string => JSON.stringify(text);
  const triggers =
    index === 'pypi'
      ? ['on:', '  push:', '    tags:', `      - ${q(tagPatternFor(options.tagFormat))}`]
      : [
          'on:',
          '  workflow_dispatch:',
          '    inputs:',
          '      version:',
          '        description: "Version the build must have, e.g. 1.4.0rc1 (empty: no check)"',
          '        type: string',
          '        required: false',
          '  # `published` fires when a release is published from a draft; `prereleased` does not.',
          '  release:',
          '    types: [published]',
        ];
  const indent = (text: string): string[] => text.split('\n').map((line) => (line === '' ? '' : `          ${line}`));
  const script = indent(tagCheckScript(options.tagFormat));
  const [prefix = '', suffix = ''] = options.tagFormat.split('{version}');
  const setVersion = [
    '      # A rehearsal builds a release candidate (1.4.0rc1) from the release commit, whose files',
    '      # still say 1.4.0: the version is put in place before the build, or the check after it fails.',
    '      - uses: actions/setup-node@v6',
    '        with:',
    '          # `pyrelease bump` needs Node.js 22 or newer.',
    '          node-version: "22"',
    `      - name: ${SET_VERSION_STEP}`,
    '        env:',
    '          # Expressions reach the script through the environment only, never inside its text.',
    '          VERSION_INPUT: ${{ inputs.version }}',
    '          RELEASE_TAG: ${{ github.event.release.tag_name }}',
    `          TAG_PREFIX: ${q(prefix)}`,
    `          TAG_SUFFIX: ${q(suffix)}`,
    '        run: |',
    ...indent(setVersionScript()),
  ];
  const lines = [
    `# Written by pyrelease. Publishes to ${label} through trusted publishing, without an API token:`,
    `# the trusted publisher on ${base} names this file and the environment ${q(environment)}.`,
    `name: Publish to ${label}`,
    '',
    ...triggers,
    '',
    'permissions:',
    '  contents: read',
    '',
    'jobs:',
    '  build:',
    '    name: Build distributions',
    ...(index === 'testpypi'
      ? [
          '    # Only pre-releases take the release route to TestPyPI; finals go to PyPI by tag.',
          "    if: github.event_name != 'release' || github.event.release.prerelease",
        ]
      : []),
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v6',
    '        with:',
    '          persist-credentials: false',
    '          # setuptools-scm and hatch-vcs derive the version from tags and history.',
    '          fetch-depth: 0',
    '      - uses: actions/setup-python@v6',
    '        with:',
    '          python-version: "3.x"',
    ...(index === 'testpypi' ? setVersion : []),
    '      - name: Build the sdist and the wheel',
    '        run: |',
    '          python -m pip install --upgrade build packaging',
    '          python -m build',
    '      - name: Check the tag matches the built version',
    '        shell: python',
    ...(index === 'testpypi' ? ['        env:', '          VERSION_INPUT: ${{ inputs.version }}'] : []),
    '        run: |',
    ...script,
    '      - uses: actions/upload-artifact@v5',
    '        with:',
    '          name: python-package-distributions',
    '          path: dist/',
    '          if-no-files-found: error',
    '',
    '  publish:',
    `    name: Publish to ${label}`,
    '    needs: build',
    '    runs-on: ubuntu-latest',
    '    environment:',
    `      name: ${q(environment)}`,
    `      url: ${q(`${base}/p/${normalizeProjectName(options.projectName)}`)}`,
    '    permissions:',
    '      # Mints the OIDC token trusted publishing exchanges for a short-lived upload token.',
    '      id-token: write',
    '    steps:',
    '      - uses: actions/download-artifact@v6',
    '        with:',
    '          name: python-package-distributions',
    '          path: dist/',
    '      - uses: pypa/gh-action-pypi-publish@release/v1',
    '        with:',
    ...(index === 'testpypi'
      ? [
          `          repository-url: ${TESTPYPI_UPLOAD_URL}`,
          '          # TestPyPI files are never replaced; a re-run must not fail on them.',
          '          skip-existing: true',
        ]
      : []),
    '          # Logs the sha256 of each file before the upload: pyrelease compares them with what the index serves.',
    '          print-hash: true',
  ];
  return `${lines.join('\n')}\n`;
}
