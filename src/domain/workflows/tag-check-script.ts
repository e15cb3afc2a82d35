/**
 * Python run by the generated workflows after the build. It compares the version the run is for
 * (the tag without the tag format's prefix and suffix, or the dispatch's `version` input) with the
 * version of the built wheel and sdist, both normalized by `packaging.version.Version` so that
 * `v1.0.0-rc.1` matches `1.0.0rc1` (TECH-FACTS §4.2). Reading the built files instead of
 * pyproject.toml makes it work for every version source, SCM-derived ones included.
 */
export function tagCheckScript(tagFormat: string): string {
  const [prefix = '', suffix = ''] = tagFormat.split('{version}');
  return [
    'import os, pathlib, sys',
    'from packaging.utils import parse_sdist_filename, parse_wheel_filename',
    'from packaging.version import InvalidVersion, Version',
    '',
    `PREFIX, SUFFIX = ${JSON.stringify(prefix)}, ${JSON.stringify(suffix)}`,
    'if os.environ["GITHUB_EVENT_NAME"] == "workflow_dispatch":',
    '    wanted, source = os.environ.get("VERSION_INPUT", "").strip(), "the version input"',
    '    if not wanted:',
    '        print("No version input given: nothing to compare the build with.")',
    '        sys.exit(0)',
    'else:',
    '    ref, tag = os.environ["GITHUB_REF"], os.environ["GITHUB_REF_NAME"]',
    '    if not (ref.startswith("refs/tags/") and tag.startswith(PREFIX) and ' +
      'tag.endswith(SUFFIX) and len(tag) > len(PREFIX) + len(SUFFIX)):',
    '        sys.exit(f"{ref} is not a release tag of the form {PREFIX}<version>{SUFFIX}")',
    '    wanted, source = tag[len(PREFIX):len(tag) - len(SUFFIX)], f"tag {tag}"',
    'try:',
    '    expected = Version(wanted)',
    'except InvalidVersion:',
    '    sys.exit(f"{source} holds {wanted!r}, which is not a PEP 440 version")',
    '',
    'built = set()',
    'for path in pathlib.Path("dist").iterdir():',
    '    if path.name.endswith(".whl"):',
    '        built.add(parse_wheel_filename(path.name)[1])',
    '    elif path.name.endswith(".tar.gz"):',
    '        built.add(parse_sdist_filename(path.name)[1])',
    'if not built:',
    '    sys.exit("dist/ holds no wheel and no sdist")',
    'if built != {expected}:',
    '    found = ", ".join(sorted(str(version) for version in built))',
    '    sys.exit(f"{source} says {expected}, but the build produced {found}: fix the version, then tag again")',
    'print(f"{source} matches the built version {built.pop()}")',
  ].join('\n');
}
