import { createHash } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import { startGitHubSim, type GitHubSim, type StartGitHubSimOptions } from '../../../src/sandbox/github-sim';
import { FixedClock } from '../../helpers/fixed-clock';

/** Shared by the simulator's tests and the adapter's: a repository with history, tags and a release. */

export const TOKEN = 'ghp_SandboxToken0123456789abcdefABCDEF';
export const OWNER = 'acme';
export const REPO = 'acme-tool';

/** A stable 40-hex sha per name. */
export function sha(name: string): string {
  return createHash('sha1').update(name).digest('hex');
}

export const SHAS = {
  initial: sha('initial'),
  feature: sha('feature'),
  fix: sha('fix'),
  release: sha('release'),
  tagObject: sha('tag-object-v1.3.0'),
};

export interface SimOptions extends Partial<StartGitHubSimOptions> {
  /** false: skip the history, tags and release. */
  seed?: boolean;
}

/**
 * Starts a simulator per test (stopped afterwards) and checks, after each test, that nothing
 * unexpected happened: no unknown route was called, no handler crashed, no listener threw.
 */
export function useSim(): (options?: SimOptions) => Promise<GitHubSim> {
  const started: GitHubSim[] = [];
  afterEach(async () => {
    for (const sim of started.splice(0)) {
      await sim.stop();
      expect(sim.requestLog.unmatched()).toEqual([]);
      expect(sim.crashes).toEqual([]);
      expect(sim.listenerErrors).toEqual([]);
    }
  });
  return async (options = {}) => {
    const sim = await startGitHubSim({
      owner: OWNER,
      repo: REPO,
      token: TOKEN,
      clock: new FixedClock(),
      workflows: [
        { file: 'publish-pypi.yml', name: 'Publish to PyPI', triggers: ['push'] },
        { file: 'publish-testpypi.yml', name: 'Publish to TestPyPI', triggers: ['workflow_dispatch', 'release'] },
        { file: 'ci.yml', name: 'CI', triggers: ['push', 'pull_request'] },
      ],
      ...options,
    });
    started.push(sim);
    if (options.seed !== false) await seed(sim);
    sim.requestLog.clear();
    sim.rateLimit.set({ remaining: sim.rateLimit.limit });
    return sim;
  };
}

async function seed(sim: GitHubSim): Promise<void> {
  sim.addCommits([
    {
      sha: SHAS.initial,
      message: 'Initial commit',
      author: { name: 'Alice', email: 'alice@example.invalid', login: 'alice' },
      date: '2026-10-01T10:00:00Z',
      parents: [],
    },
    {
      sha: SHAS.feature,
      message: 'Add the frobnicate command (#1)',
      author: { name: 'Alice', email: 'alice@example.invalid', login: 'alice' },
      date: '2026-10-05T10:00:00Z',
      parents: [SHAS.initial],
    },
    {
      sha: SHAS.fix,
      message: 'Merge pull request #2 from bob/fix-empty\n\nFix crash on empty input',
      author: { name: 'Bob', email: 'bob@example.invalid', login: 'bob' },
      date: '2026-10-07T10:00:00Z',
      parents: [SHAS.feature],
    },
    {
      sha: SHAS.release,
      message: 'Release 1.4.0',
      author: { name: 'Maintainer', email: 'maintainer@example.invalid' },
      date: '2026-11-20T10:00:00Z',
      parents: [SHAS.fix],
    },
  ]);
  sim.addTagObject({
    sha: SHAS.tagObject,
    tag: 'v1.3.0',
    message: 'Release 1.3.0',
    object: SHAS.initial,
    tagger: { name: 'Alice', email: 'alice@example.invalid', date: '2026-10-01T11:00:00Z' },
  });
  sim.onPush({ ref: 'refs/heads/main', sha: SHAS.release, before: '0'.repeat(40) });
  sim.onPush({ ref: 'refs/tags/v1.3.0', sha: SHAS.tagObject, before: '0'.repeat(40) });
  const created = await call(sim, 'POST', `/repos/${OWNER}/${REPO}/releases`, {
    body: { tag_name: 'v1.3.0', name: 'v1.3.0', body: 'First release' },
  });
  expect(created.status).toBe(201);
}

export interface SimAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One request with the sandbox token and GitHub's headers; `token: null` sends none. */
export async function call(
  sim: GitHubSim,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<SimAnswer> {
  const token = options.token === undefined ? TOKEN : options.token;
  const response = await fetch(path.startsWith('http') ? path : `${sim.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'pyrelease-tests',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return {
    status: response.status,
    headers: response.headers,
    body: json && text ? (JSON.parse(text) as unknown) : text || undefined,
  };
}

/** `/repos/acme/acme-tool` + path. */
export function repoPath(path: string): string {
  return `/repos/${OWNER}/${REPO}${path}`;
}
