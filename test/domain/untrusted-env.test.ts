import { describe, expect, it } from 'vitest';
import { isCredentialVariable, untrustedEnvironment } from '../../src/domain/untrusted-env';

const PARENT = {
  PATH: '/usr/bin',
  HOME: '/home/me',
  LANG: 'en_GB.UTF-8',
  LC_ALL: 'C.UTF-8',
  LC_CTYPE: 'UTF-8',
  TMPDIR: '/tmp',
  TERM: 'xterm',
  GH_TOKEN: 'ghp_1',
  GITHUB_TOKEN: 'ghs_2',
  GH_ENTERPRISE_TOKEN: 'e1',
  GITHUB_ENTERPRISE_TOKEN: 'e2',
  TWINE_PASSWORD: 'tw',
  TWINE_USERNAME: '__token__',
  UV_PUBLISH_TOKEN: 'uv',
  PYPI_API_TOKEN: 'pypi',
  HTTPS_PROXY: 'http://proxy:3128',
  AWS_SECRET_ACCESS_KEY: 'aws',
  PYTHONPATH: '/home/me/lib',
  UNSET: undefined,
};

describe('the environment of a child that runs code from an index', () => {
  it('keeps the allowlist and the locale, and nothing else by default', () => {
    expect(untrustedEnvironment(PARENT, [], () => false)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/me',
      LANG: 'en_GB.UTF-8',
      LC_ALL: 'C.UTF-8',
      LC_CTYPE: 'UTF-8',
      TMPDIR: '/tmp',
      TERM: 'xterm',
    });
  });

  it('adds what the user names, but never a credential, even when named', () => {
    const env = untrustedEnvironment(
      PARENT,
      ['HTTPS_PROXY', 'GH_TOKEN', 'TWINE_PASSWORD', 'PYPI_API_TOKEN'],
      () => false,
    );
    expect(env['HTTPS_PROXY']).toBe('http://proxy:3128');
    for (const name of ['GH_TOKEN', 'TWINE_PASSWORD', 'PYPI_API_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'PYTHONPATH']) {
      expect(env).not.toHaveProperty(name);
    }
  });

  it('drops any value the redactor holds, whatever the variable is called', () => {
    const env = untrustedEnvironment({ ...PARENT, HOME: 'ghp_1' }, ['HTTPS_PROXY'], (value) => value === 'ghp_1');
    expect(env).not.toHaveProperty('HOME');
    expect(env['PATH']).toBe('/usr/bin');
  });

  it.each([
    ['GH_TOKEN', true],
    ['GITHUB_TOKEN', true],
    ['GH_ENTERPRISE_TOKEN', true],
    ['GITHUB_ENTERPRISE_TOKEN', true],
    ['TWINE_PASSWORD', true],
    ['TWINE_USERNAME', true],
    ['UV_PUBLISH_TOKEN', true],
    ['PYPI_TOKEN', true],
    ['pypi_token', true],
    ['HTTPS_PROXY', false],
    ['GH_TOKENS_DOC', false],
  ])('%s is a credential variable: %s', (name, credential) => {
    expect(isCredentialVariable(name)).toBe(credential);
  });
});
