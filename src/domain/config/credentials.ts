/** Key names that announce a secret: `token`, `pypi-token`, `password`, `api_key`, `secret`… */
const CREDENTIAL_KEY = /token|passw(?:or)?d|secret|api[-_]?key|credential/i;

/**
 * Values shaped like real tokens: GitHub classic and fine-grained tokens (`ghp_`, `gho_`, `ghu_`,
 * `ghs_`, `ghr_`, `github_pat_`) and PyPI API tokens (`pypi-` followed by a macaroon).
 */
const CREDENTIAL_VALUE = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|pypi-[A-Za-z0-9_-]{40,})/;

export function looksLikeCredentialKey(key: string): boolean {
  return CREDENTIAL_KEY.test(key);
}

export function looksLikeCredentialValue(value: string): boolean {
  return CREDENTIAL_VALUE.test(value);
}

/** The way forward every credential problem ends with (PRODUCT.md, Configuration). */
export const CREDENTIALS_HINT =
  'Remove it from pyproject.toml. pyrelease reads the GitHub token from GH_TOKEN, GITHUB_TOKEN or `gh auth token`, ' +
  ('and needs no PyPI token: GitHub Actions publishes through trusted ' +
    'publishing. Revoke the token if it was ever committed.');
