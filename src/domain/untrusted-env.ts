/*
 * The environment of a child that runs code from a package index: pip (which runs build backends
 * and setup.py of sdists), the venv's python (where a dependency's `.pth` file runs at every
 * start), console scripts and smoke commands. Anyone can upload to TestPyPI, and a dependency on
 * PyPI can be hostile too, so such a child sees an allowlist, never the maintainer's tokens.
 */

/** What every such child gets: enough to find programs, a home, a locale, a temp dir, a terminal. */
const ALWAYS = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'TERM', 'SYSTEMROOT'];
/** Locale categories (`LC_ALL`, `LC_CTYPE` …). */
const LOCALE = /^LC_[A-Z_]+$/;

/** Credentials that never go to such a child, even when the user names them in `smoke-env`. */
const CREDENTIALS =
  /^(GH_TOKEN|GITHUB_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN|UV_PUBLISH_TOKEN|TWINE_.*|PYPI_.*)$/i;

export function isCredentialVariable(name: string): boolean {
  return CREDENTIALS.test(name);
}

/**
 * The allowlisted part of `parent`: the always-passed names, locale variables, and the names the
 * user allowed (`smoke-env`), minus credential variables and any value `isSecret` recognises
 * (a token the redactor holds, under whatever name it hides).
 */
export function untrustedEnvironment(
  parent: Readonly<Record<string, string | undefined>>,
  allowed: readonly string[],
  isSecret: (value: string) => boolean,
): Record<string, string> {
  const names = new Set([...ALWAYS, ...allowed]);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue;
    if (!names.has(name) && !LOCALE.test(name)) continue;
    if (isCredentialVariable(name) || isSecret(value)) continue;
    env[name] = value;
  }
  return env;
}
