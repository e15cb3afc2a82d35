import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/domain/readiness/doctor-report';
import { runCli } from '../helpers/cli';
import { copyFixture, workflowFixture, writeFiles } from '../helpers/fixture-copy';
import { git } from '../helpers/git-repo';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

// Credentials in URLs (issue 12, item 3): whatever pyrelease prints or writes shows `***@` instead.
const ORIGIN_SECRET = 's3cr3t-t0ken';
const ORIGIN = `https://oauth2:${ORIGIN_SECRET}@github.com/acme/quillnote.git`;
const INDEX_SECRET = 'idx-s3cr3t-pw';
const API_SECRET = 'api-s3cr3t-pw';
const SECRETS = [ORIGIN_SECRET, INDEX_SECRET, API_SECRET];

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

/**
 * The static fixture as a checkout with sound publish workflows, its origin `url` (credentials in
 * it), and `extra` appended to pyproject.toml, all committed. origin stands for a bare repository
 * beside it (`insteadOf`), so fetches stay on this machine while the configured URL is the one given.
 */
function checkout(options: { origin?: string; pyprojectExtra?: string } = {}): string {
  const parent = tempDir();
  const dir = copyFixture('static', parent);
  const origin = options.origin ?? ORIGIN;
  writeFiles(dir, {
    '.github/workflows/publish-pypi.yml': workflowFixture('sound-tag-push.yml'),
    '.github/workflows/publish-testpypi.yml': workflowFixture('sound-testpypi-rehearsal.yml'),
  });
  if (options.pyprojectExtra) {
    const path = join(dir, 'pyproject.toml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n${options.pyprojectExtra}`);
  }
  const bare = join(parent, 'remote.git');
  git(parent, 'init', '-q', '--bare', bare);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Initial commit');
  git(dir, 'remote', 'add', 'origin', origin);
  git(dir, 'config', `url.${bare}.insteadOf`, origin);
  git(dir, 'push', '-q', '-u', 'origin', 'main');
  return dir;
}

const INDEX_WITH_CREDENTIALS = `[tool.pyrelease.index]\ntestpypi = "https://__token__:${INDEX_SECRET}@test.pypi.org"\n`;
/** No token in the environment, whatever the test run's own. */
const NO_TOKEN = { GH_TOKEN: '', GITHUB_TOKEN: '' };
const DOCTOR_ENV = {
  ...NO_TOKEN,
  GITHUB_API_URL: `https://apiuser:${API_SECRET}@github.example.com/api/v3`,
};

describe('pyrelease doctor with credentials in the origin, the index URL and GITHUB_API_URL', () => {
  it('prints ***@ in the text report, never a secret', async () => {
    const dir = checkout({ pyprojectExtra: INDEX_WITH_CREDENTIALS });
    const run = await runCli(['doctor'], { cwd: dir, env: DOCTOR_ENV });
    expect(run.stderr).toBe('');
    expectNoSecret(run.stdout);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('    GitHub repository acme/quillnote');
    expect(lines).toContain('  ✗ token not found · API https://***@github.example.com/api/v3');
    // The index URL was read: its credentials are refused, by name only.
    expect(run.stdout).toContain(
      'pyproject.toml:65: tool.pyrelease.index.testpypi carries credentials in the URL, and credentials never live in configuration.',
    );
  });

  it('prints ***@ in --json, never a secret', async () => {
    const dir = checkout({ pyprojectExtra: INDEX_WITH_CREDENTIALS });
    const run = await runCli(['doctor', '--json'], { cwd: dir, env: DOCTOR_ENV });
    expect(run.stderr).toBe('');
    expectNoSecret(run.stdout);
    const report = JSON.parse(run.stdout) as DoctorReport;
    expect(report.github.apiUrl).toBe('https://***@github.example.com/api/v3');
    expect(report.git.remote).toEqual({ owner: 'acme', repo: 'quillnote' });
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'config.credential' }));
  });

  it('names an origin that is no GitHub repository with ***@, in text and in --json', async () => {
    // A GitLab subgroup: no OWNER/REPO, so doctor names the whole URL.
    const dir = checkout({ origin: `https://oauth2:${ORIGIN_SECRET}@gitlab.example.com/acme/apps/quillnote.git` });
    const message =
      'The origin remote (https://***@gitlab.example.com/acme/apps/quillnote.git) is not a GitHub repository URL.';
    const text = await runCli(['doctor'], { cwd: dir, env: NO_TOKEN });
    expectNoSecret(text.stdout + text.stderr);
    expect(text.stdout.split('\n')).toContain(`  ⚠ ${message}`);
    const json = await runCli(['doctor', '--json'], { cwd: dir, env: NO_TOKEN });
    expectNoSecret(json.stdout + json.stderr);
    expect((JSON.parse(json.stdout) as DoctorReport).problems).toContainEqual(
      expect.objectContaining({ code: 'git.remote-not-github', message }),
    );
  });
});

describe('a failing release in that checkout, then pyrelease status', () => {
  /** Nothing listens on port 9 of loopback; fetch refuses a URL with credentials before trying anyway. */
  const API = `http://apiuser:${API_SECRET}@127.0.0.1:9`;
  const RELEASE_ENV = { GH_TOKEN: 'ghp_NotARealTokenJustForTheTest0000', GITHUB_TOKEN: '', GITHUB_API_URL: API };

  it('prints ***@ on the screen, in the journal, in the log and in status, never a secret', async () => {
    const dir = checkout();
    const run = await runCli([], { cwd: dir, env: RELEASE_ENV });
    expect(run.exitCode).toBe(1);
    expectNoSecret(run.stdout + run.stderr);
    expect(run.stdout).toContain('✓ Up to date with origin (fetched, tags too)');
    expect(run.stdout).toMatch(/✗ GitHub reachable with your token — Could not reach http:\/\/\*\*\*@127\.0\.0\.1:9 /);

    const state = join(dir, '.git', 'pyrelease');
    const journal = readFileSync(join(state, 'journal.json'), 'utf8');
    expectNoSecret(journal);
    expect(journal).toContain('http://***@127.0.0.1:9');
    const logs = readdirSync(join(state, 'logs'));
    expect(logs).toHaveLength(1);
    const log = readFileSync(join(state, 'logs', logs[0]!), 'utf8');
    expectNoSecret(log);
    expect(log).toContain('http://***@127.0.0.1:9');

    const status = await runCli(['status'], { cwd: dir, env: RELEASE_ENV });
    expect(status.exitCode).toBe(0);
    expectNoSecret(status.stdout + status.stderr);
    expect(status.stdout).toMatch(
      /✗ GitHub reachable with your token — Could not reach http:\/\/\*\*\*@127\.0\.0\.1:9 /,
    );
  });

  it('status masks a journal written before its credentials were masked', async () => {
    const dir = checkout();
    await runCli([], { cwd: dir, env: RELEASE_ENV });
    const path = join(dir, '.git', 'pyrelease', 'journal.json');
    // As an older pyrelease (or one that never saw the URL) would have left it.
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('***@127.0.0.1', `apiuser:${API_SECRET}@127.0.0.1`));
    expect(readFileSync(path, 'utf8')).toContain(API_SECRET);

    const status = await runCli(['status'], { cwd: dir, env: NO_TOKEN });
    expect(status.exitCode).toBe(0);
    expectNoSecret(status.stdout + status.stderr);
    expect(status.stdout).toContain('Could not reach http://***@127.0.0.1:9 ');
  });
});

describe('an error printed by the command line itself', () => {
  it('masks a URL with credentials given as the command', async () => {
    const dir = checkout();
    const run = await runCli([ORIGIN], { cwd: dir, env: NO_TOKEN });
    expect(run.exitCode).toBe(2);
    expectNoSecret(run.stdout + run.stderr);
    expect(run.stderr.split('\n')[0]).toBe('pyrelease: Unknown command "https://***@github.com/acme/quillnote.git".');
  });
});
