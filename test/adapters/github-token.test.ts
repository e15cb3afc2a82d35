import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveGitHubToken, type ResolveTokenOptions } from '../../src/adapters/github-token';
import { Redactor } from '../../src/domain/redactor';
import type { ProcessOptions, ProcessResult, ProcessRunner } from '../../src/ports/process';
import { useTempDirs } from '../helpers/temp-dir';

/** A runner that answers only the calls it was told to expect, in order, and fails on anything else. */
class StrictRunner implements ProcessRunner {
  private readonly expected: Array<{ command: string; answer: ProcessResult | Error }> = [];
  readonly calls: string[] = [];

  expect(command: string, answer: Partial<ProcessResult> | Error): this {
    this.expected.push({
      command,
      answer: answer instanceof Error ? answer : { command, exitCode: 0, stdout: '', stderr: '', ...answer },
    });
    return this;
  }

  async run(file: string, args: readonly string[], _options?: ProcessOptions): Promise<ProcessResult> {
    const command = [file, ...args].join(' ');
    this.calls.push(command);
    const next = this.expected.shift();
    if (!next || next.command !== command)
      throw new Error(`Unexpected process: ${command} (expected ${next?.command ?? 'none'})`);
    if (next.answer instanceof Error) throw next.answer;
    return next.answer;
  }

  unconsumed(): string[] {
    return this.expected.map((entry) => entry.command);
  }
}

const ENV_TOKEN = 'ghp_FromTheEnvironment0123456789abcd';
const GH_TOKEN_FROM_CLI = 'gho_FromTheGitHubCli0123456789abcdef';

describe('resolveGitHubToken', () => {
  const tempDir = useTempDirs();
  const runners: StrictRunner[] = [];
  afterEach(() => {
    for (const runner of runners.splice(0)) expect(runner.unconsumed()).toEqual([]);
  });

  /** A PATH with (or without) an executable `gh`; the fake runner stands in for running it. */
  function setup(options: { gh: boolean; env?: Record<string, string> }): {
    runner: StrictRunner;
    redactor: Redactor;
    resolve: (extra?: Partial<ResolveTokenOptions>) => ReturnType<typeof resolveGitHubToken>;
  } {
    const bin = tempDir();
    if (options.gh) {
      writeFileSync(join(bin, 'gh'), '#!/bin/sh\nexit 99\n');
      chmodSync(join(bin, 'gh'), 0o755);
    }
    const runner = new StrictRunner();
    runners.push(runner);
    const redactor = new Redactor();
    const env = { PATH: bin, ...options.env };
    return {
      runner,
      redactor,
      resolve: (extra = {}) => resolveGitHubToken({ env, runner, redactor, platform: 'linux', ...extra }),
    };
  }

  it('takes GH_TOKEN first, without asking gh, and registers it for redaction at once', async () => {
    const { resolve, redactor } = setup({
      gh: true,
      env: { GH_TOKEN: ` ${ENV_TOKEN}\n`, GITHUB_TOKEN: 'ghp_second_choice_0000000000' },
    });
    expect(await resolve()).toEqual({ token: ENV_TOKEN, source: 'GH_TOKEN' });
    expect(redactor.redact(`Authorization: token ${ENV_TOKEN}`)).toBe('Authorization: token ***');
  });

  it('takes GITHUB_TOKEN when GH_TOKEN is unset or empty', async () => {
    const { resolve } = setup({ gh: true, env: { GH_TOKEN: '  ', GITHUB_TOKEN: ENV_TOKEN } });
    expect(await resolve()).toEqual({ token: ENV_TOKEN, source: 'GITHUB_TOKEN' });
  });

  it('asks `gh auth token` when neither is set and gh is installed', async () => {
    const { resolve, runner, redactor } = setup({ gh: true });
    runner.expect('gh auth token', { stdout: `${GH_TOKEN_FROM_CLI}\n` });
    expect(await resolve()).toEqual({ token: GH_TOKEN_FROM_CLI, source: 'gh auth token' });
    expect(redactor.redact(GH_TOKEN_FROM_CLI)).toBe('***');
  });

  it('asks gh for the enterprise host when there is one', async () => {
    const { resolve, runner } = setup({ gh: true });
    runner.expect('gh auth token --hostname github.example.com', { stdout: `${GH_TOKEN_FROM_CLI}\n` });
    expect((await resolve({ host: 'github.example.com' })).source).toBe('gh auth token');
  });

  it.each([
    ['gh has no token', { exitCode: 1, stderr: 'no oauth token found for github.com' }],
    ['gh prints nothing', { exitCode: 0, stdout: '\n' }],
    ['gh cannot be run', new Error('spawn gh EACCES')],
  ])('says exactly how to get a token when %s', async (_case, answer) => {
    const { resolve, runner } = setup({ gh: true });
    runner.expect('gh auth token', answer);
    const error = await resolve({ repository: 'acme/acme-tool' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'github.no-token',
      message: 'No GitHub token: GH_TOKEN and GITHUB_TOKEN are not set, and `gh auth token` gave none.',
      hint:
        'Run `gh auth login` (GitHub CLI), or create a fine-grained personal access token for acme/acme-tool with Actions: read and write, ' +
        'Contents: read and write, Deployments: read and write, Issues: read and write (milestones), Commit statuses: read and Metadata: read, ' +
        'and put it in GH_TOKEN. A classic token needs the `repo` and `workflow` scopes.',
    });
  });

  it('does not try to run gh when it is not installed', async () => {
    const { resolve, runner } = setup({ gh: false });
    await expect(resolve()).rejects.toMatchObject({ code: 'github.no-token' });
    expect(runner.calls).toEqual([]);
  });
});
