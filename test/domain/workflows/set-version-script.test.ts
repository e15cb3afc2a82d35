import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setVersionScript } from '../../../src/domain/workflows';

// The script runs under bash on GitHub's runners (`bash --noprofile --norc -e`); here too, with an
// `npx` that only records what it was asked to run, so no registry is reached.
const scratch = mkdtempSync(join(tmpdir(), 'pyrelease-set-version-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const bin = join(scratch, 'bin');
mkdirSync(bin);
writeFileSync(join(bin, 'npx'), '#!/bin/sh\nprintf "npx %s\\n" "$*"\n');
chmodSync(join(bin, 'npx'), 0o755);

let runs = 0;
function run(env: { event: string; input?: string; tag?: string; prefix?: string; suffix?: string }) {
  const githubEnv = join(scratch, `env-${(runs += 1)}`);
  writeFileSync(githubEnv, '');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', setVersionScript()], {
    encoding: 'utf8',
    env: {
      PATH: `${bin}:${process.env['PATH'] ?? ''}`,
      GITHUB_ENV: githubEnv,
      GITHUB_EVENT_NAME: env.event,
      VERSION_INPUT: env.input ?? '',
      RELEASE_TAG: env.tag ?? '',
      TAG_PREFIX: env.prefix ?? 'v',
      TAG_SUFFIX: env.suffix ?? '',
    },
  });
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`.trim(),
    githubEnv: readFileSync(githubEnv, 'utf8'),
  };
}

const applied = (version: string) => ({
  status: 0,
  output: `npx --yes pyrelease@0 bump --set ${version}`,
  githubEnv: `SETUPTOOLS_SCM_PRETEND_VERSION=${version}\nPDM_BUILD_SCM_VERSION=${version}\n`,
});

describe('setVersionScript (run by bash)', () => {
  it('takes the version input of a dispatch, trimmed', () => {
    expect(run({ event: 'workflow_dispatch', input: ' 0.1.1rc1\n' })).toEqual(applied('0.1.1rc1'));
  });

  it('takes a published release tag without the tag format prefix and suffix', () => {
    expect(run({ event: 'release', tag: 'v0.1.1rc2' })).toEqual(applied('0.1.1rc2'));
    expect(run({ event: 'release', tag: 'acme-2.0b1-final', prefix: 'acme-', suffix: '-final' })).toEqual(
      applied('2.0b1'),
    );
    expect(run({ event: 'release', tag: '3.0rc1', prefix: '' })).toEqual(applied('3.0rc1'));
  });

  it('does nothing without a version', () => {
    expect(run({ event: 'workflow_dispatch' })).toEqual({
      status: 0,
      output: 'No version given: building the version the project files hold.',
      githubEnv: '',
    });
  });

  it('refuses a tag outside the tag format', () => {
    const result = run({ event: 'release', tag: 'release-1.0', prefix: 'v' });
    expect(result).toEqual({
      status: 1,
      output: '::error::Tag release-1.0 is not a release tag of the form v<version>',
      githubEnv: '',
    });
  });

  it.each([
    ['shell syntax', '1.0;touch pwned', '1.0;touchpwned'],
    ['an extra environment line', '1.0\nNODE_OPTIONS=--require=/tmp/x.js', '1.0NODE_OPTIONS=--require=/tmp/x.js'],
    ['a command substitution', '$(id)', '$(id)'],
  ])('treats %s in the input as data and refuses it before writing anything', (_name, input, shown) => {
    const result = run({ event: 'workflow_dispatch', input });
    expect(result).toEqual({
      status: 1,
      output: `::error::"${shown}" is not a PEP 440 version; nothing was changed`,
      githubEnv: '',
    });
  });
});
