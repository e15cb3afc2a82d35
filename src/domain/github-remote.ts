import { PyreleaseError } from './errors';

/** Where a repository lives on GitHub (github.com, GHE.com or a GitHub Enterprise Server host). */
export interface GitHubRemote {
  /** Web host, lowercased, e.g. `github.com` or `github.example.com`. */
  host: string;
  owner: string;
  repo: string;
}

// git's own rule (urls.txt): `scheme://…` is a URL; `[user@]host:path` with no slash before the
// colon is the scp-like SSH form; anything else is a local path.
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const SCP = /^(?:[^@/:]+@)?([^/:]+):(.*)$/;
const NETWORK_SCHEMES = new Set(['https', 'http', 'ssh', 'git', 'git+ssh', 'ssh+git']);
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const REPO = /^[A-Za-z0-9._-]+$/;

/** Removes `user:password@` before a URL goes into a message. */
function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

function fail(url: string, reason: string): PyreleaseError {
  return new PyreleaseError(
    'git.remote-not-github',
    `The origin remote (${withoutCredentials(url)}) is not a GitHub repository URL: ${reason}.`,
    {
      hint: 'Point origin at the GitHub repository, e.g. `git remote set-url origin git@github.com:OWNER/REPO.git`.',
    },
  );
}

function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  // GitHub's SSH-over-443 endpoint and the www alias are github.com.
  return lower === 'ssh.github.com' || lower === 'www.github.com' ? 'github.com' : lower;
}

function ownerAndRepo(url: string, host: string, path: string): GitHubRemote {
  const segments = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .split('/');
  if (segments.length !== 2) throw fail(url, 'expected exactly OWNER/REPO after the host');
  const [owner = '', repo = ''] = segments;
  if (!OWNER.test(owner)) throw fail(url, `"${owner}" is not a GitHub account name`);
  if (!REPO.test(repo) || repo === '.' || repo === '..') throw fail(url, `"${repo}" is not a repository name`);
  return { host: normalizeHost(host), owner, repo };
}

/**
 * Owner and repository from an `origin` URL in every form git accepts for GitHub: scp-like SSH
 * (`git@github.com:o/r.git`), `ssh://`, `https://` (any credential in it is dropped, never kept),
 * `git://`, and GitHub Enterprise hosts. A local path or `file://` URL (the sandbox's bare remote)
 * gives undefined, so the caller can use the configured owner/repo; anything else is an error.
 */
export function parseGitHubRemote(url: string): GitHubRemote | undefined {
  const text = url.trim();
  if (text === '') throw fail(url, 'it is empty');
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'file') return undefined;
  if (scheme !== undefined) {
    if (!NETWORK_SCHEMES.has(scheme)) throw fail(text, `git over ${scheme}:// is not GitHub`);
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw fail(text, 'it does not parse as a URL');
    }
    if (parsed.hostname === '') throw fail(text, 'it has no host');
    // For web URLs the port is part of where the server is; for SSH it is only the SSH port.
    const host = scheme.startsWith('http') ? parsed.host : parsed.hostname;
    return ownerAndRepo(text, host, decodeURIComponent(parsed.pathname));
  }
  const scp = SCP.exec(text);
  // `C:\work\remote.git` is a Windows path, not host `C`.
  if (scp && !/^[A-Za-z]$/.test(scp[1] ?? '')) return ownerAndRepo(text, scp[1] ?? '', scp[2] ?? '');
  return undefined;
}

/** The REST base for a GitHub host (TECH-FACTS §5.1): api.github.com, api.<tenant>.ghe.com, or <host>/api/v3. */
export function apiBaseUrlFor(host: string): string {
  const lower = host.toLowerCase();
  if (lower === 'github.com') return 'https://api.github.com';
  if (lower.endsWith('.ghe.com')) return `https://api.${lower}`;
  return `https://${lower}/api/v3`;
}
