/** What the generated TestPyPI workflow runs to write the version: the current major of pyrelease. */
export const PYRELEASE_NPX = 'pyrelease@0';

/** The name of the step; the sandbox's simulated runner and the analysis look for it. */
export const SET_VERSION_STEP = 'Set the version to rehearse';

/**
 * Shell run before the TestPyPI build. A rehearsal builds a release candidate (`1.4.0rc1`) from
 * the release commit, whose files still say `1.4.0`, so the candidate's version has to be put in
 * place first: for versions derived from git tags through the variables their backends read, for
 * versions kept in a file by `pyrelease bump --set`. The version comes from the dispatch's
 * `version` input or the published release's tag; every value arrives through the environment
 * (`VERSION_INPUT`, `RELEASE_TAG`, `TAG_PREFIX`, `TAG_SUFFIX`), never as `${{ }}` in the text,
 * so a crafted input cannot become shell code.
 */
export function setVersionScript(): string {
  return [
    'if [ "$GITHUB_EVENT_NAME" = "release" ]; then',
    '  case "$RELEASE_TAG" in',
    '    "$TAG_PREFIX"*"$TAG_SUFFIX") ;;',
    '    *) echo "::error::Tag $RELEASE_TAG is not a release tag of the form ' +
      '${TAG_PREFIX}<version>${TAG_SUFFIX}"; exit 1 ;;',
    '  esac',
    '  VERSION="${RELEASE_TAG#"$TAG_PREFIX"}"',
    '  VERSION="${VERSION%"$TAG_SUFFIX"}"',
    'else',
    '  VERSION="$VERSION_INPUT"',
    'fi',
    '# A version holds no whitespace; a stray space or newline from the input form is dropped.',
    'VERSION="$(printf \'%s\' "$VERSION" | tr -d \'[:space:]\')"',
    'if [ -z "$VERSION" ]; then',
    '  echo "No version given: building the version the project files hold."',
    '  exit 0',
    'fi',
    '# Only characters a PEP 440 version can have: anything else could add lines to $GITHUB_ENV.',
    'case "$VERSION" in',
    '  *[!A-Za-z0-9.!+_-]*) echo "::error::\\"$VERSION\\" is not a PEP 440 version; nothing was changed"; exit 1 ;;',
    'esac',
    '# setuptools-scm and hatch-vcs read the first, pdm-backend the second: for them the tag is the version.',
    'echo "SETUPTOOLS_SCM_PRETEND_VERSION=$VERSION" >> "$GITHUB_ENV"',
    'echo "PDM_BUILD_SCM_VERSION=$VERSION" >> "$GITHUB_ENV"',
    '# A version kept in a file is written there (for a tag-derived one, pyrelease only says so).',
    `npx --yes ${PYRELEASE_NPX} bump --set "$VERSION"`,
  ].join('\n');
}
