import { describe, expect, it } from 'vitest';
import { apiBaseUrlFor, parseGitHubRemote } from '../../src/domain/github-remote';

describe('parseGitHubRemote', () => {
  it.each([
    ['git@github.com:acme/acme-tool.git', 'github.com acme/acme-tool'],
    ['git@github.com:acme/acme-tool', 'github.com acme/acme-tool'],
    ['github.com:acme/acme-tool.git', 'github.com acme/acme-tool'],
    ['git@github.com:/acme/acme-tool.git/', 'github.com acme/acme-tool'],
    ['ssh://git@github.com/acme/acme-tool', 'github.com acme/acme-tool'],
    ['ssh://git@github.com:22/acme/acme-tool.git', 'github.com acme/acme-tool'],
    ['ssh://git@ssh.github.com:443/acme/acme-tool.git', 'github.com acme/acme-tool'],
    ['git+ssh://git@github.com/acme/acme-tool.git', 'github.com acme/acme-tool'],
    ['https://github.com/acme/acme-tool', 'github.com acme/acme-tool'],
    ['https://github.com/acme/acme-tool.git', 'github.com acme/acme-tool'],
    ['https://github.com/acme/acme-tool/', 'github.com acme/acme-tool'],
    ['http://www.github.com/Acme/Acme.Tool_2.git', 'github.com Acme/Acme.Tool_2'],
    ['git://github.com/acme/acme-tool.git', 'github.com acme/acme-tool'],
    ['  https://github.com/acme/acme-tool.git\n', 'github.com acme/acme-tool'],
    ['git@github.example.com:platform/acme-tool.git', 'github.example.com platform/acme-tool'],
    ['https://GitHub.Example.com:8443/platform/acme-tool', 'github.example.com:8443 platform/acme-tool'],
    ['git@acme.ghe.com:acme/acme-tool.git', 'acme.ghe.com acme/acme-tool'],
  ])('reads %s', (url, expected) => {
    const remote = parseGitHubRemote(url);
    expect(remote && `${remote.host} ${remote.owner}/${remote.repo}`).toBe(expected);
  });

  it('never keeps a credential from the URL', () => {
    const remote = parseGitHubRemote('https://x-access-token:ghp_Secret123456789@github.com/acme/acme-tool.git');
    expect(remote).toEqual({ host: 'github.com', owner: 'acme', repo: 'acme-tool' });
    expect(JSON.stringify(remote)).not.toContain('ghp_');
  });

  it.each([
    'file:///tmp/sandbox/remote.git',
    '/tmp/sandbox/remote.git',
    '../remote.git',
    'remote.git',
    'C:\\work\\remote.git',
    'C:/work/remote.git',
  ])('leaves the local remote %s to the configured owner/repo', (url) => {
    expect(parseGitHubRemote(url)).toBeUndefined();
  });

  it.each([
    ['', 'The origin remote () is not a GitHub repository URL: it is empty.'],
    [
      'https://gitlab.com/group/sub/project.git',
      'The origin remote (https://gitlab.com/group/sub/project.git) is not a GitHub repository URL: expected exactly OWNER/REPO after the host.',
    ],
    [
      'https://github.com/acme',
      'The origin remote (https://github.com/acme) is not a GitHub repository URL: expected exactly OWNER/REPO after the host.',
    ],
    [
      'git@github.com:',
      'The origin remote (git@github.com:) is not a GitHub repository URL: expected exactly OWNER/REPO after the host.',
    ],
    [
      'ftp://github.com/acme/acme-tool.git',
      'The origin remote (ftp://github.com/acme/acme-tool.git) is not a GitHub repository URL: git over ftp:// is not GitHub.',
    ],
    [
      'https://user:hunter22@github.com/-acme/tool',
      'The origin remote (https://github.com/-acme/tool) is not a GitHub repository URL: "-acme" is not a GitHub account name.',
    ],
    [
      'git@github.com:acme/..',
      'The origin remote (git@github.com:acme/..) is not a GitHub repository URL: ".." is not a repository name.',
    ],
  ])('refuses %j with a clear error', (url, message) => {
    expect(() => parseGitHubRemote(url)).toThrow(message);
    try {
      parseGitHubRemote(url);
    } catch (error) {
      expect(error).toMatchObject({
        code: 'git.remote-not-github',
        hint: expect.stringContaining('git remote set-url origin'),
      });
    }
  });
});

describe('apiBaseUrlFor', () => {
  it.each([
    ['github.com', 'https://api.github.com'],
    ['acme.ghe.com', 'https://api.acme.ghe.com'],
    ['github.example.com', 'https://github.example.com/api/v3'],
  ])('%s → %s', (host, base) => {
    expect(apiBaseUrlFor(host)).toBe(base);
  });
});
