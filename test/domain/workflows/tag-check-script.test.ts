import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tagCheckScript } from '../../../src/domain/workflows';

// The script runs on GitHub's runners; here it runs under the local python3 when packaging is there.
const python = spawnSync('python3', ['-c', 'import packaging.utils, packaging.version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'pyrelease-tag-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let runs = 0;
function check(options: { tagFormat?: string; files: string[]; event?: string; ref?: string; input?: string }) {
  const dir = join(scratch, String((runs += 1)));
  mkdirSync(join(dir, 'dist'), { recursive: true });
  for (const file of options.files) writeFileSync(join(dir, 'dist', file), '');
  const ref = options.ref ?? 'refs/tags/v1.0.0';
  const result = spawnSync('python3', ['-c', tagCheckScript(options.tagFormat ?? 'v{version}')], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'],
      GITHUB_EVENT_NAME: options.event ?? 'push',
      GITHUB_REF: ref,
      GITHUB_REF_NAME: ref.replace(/^refs\/(tags|heads)\//, ''),
      VERSION_INPUT: options.input ?? '',
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

const dists = (version: string) => [`acme_tool-${version}-py3-none-any.whl`, `acme_tool-${version}.tar.gz`];

describe.skipIf(!hasPython)('tagCheckScript (run by python3)', () => {
  it.each<[string, Parameters<typeof check>[0], number, string]>([
    ['a matching tag', { files: dists('1.0.0') }, 0, 'tag v1.0.0 matches the built version 1.0.0'],
    [
      'a tag in another spelling of the version',
      { files: dists('1.0.0rc1'), ref: 'refs/tags/v1.0.0-rc.1' },
      0,
      'tag v1.0.0-rc.1 matches the built version 1.0.0rc1',
    ],
    [
      'a tag with a prefix and a suffix',
      { tagFormat: 'acme-{version}-final', files: dists('2.1'), ref: 'refs/tags/acme-2.1.0-final' },
      0,
      'tag acme-2.1.0-final matches the built version 2.1',
    ],
    [
      'a tag for another version',
      { files: dists('1.0.0'), ref: 'refs/tags/v1.0.1' },
      1,
      'tag v1.0.1 says 1.0.1, but the build produced 1.0.0: fix the version, then tag again',
    ],
    [
      'a wheel and an sdist that disagree',
      { files: ['acme_tool-1.0.0-py3-none-any.whl', 'acme_tool-1.0.1.tar.gz'] },
      1,
      'tag v1.0.0 says 1.0.0, but the build produced 1.0.0, 1.0.1: fix the version, then tag again',
    ],
    [
      'a branch instead of a tag',
      { files: dists('1.0.0'), ref: 'refs/heads/main' },
      1,
      'refs/heads/main is not a release tag of the form v<version>',
    ],
    [
      'a tag without a version',
      { files: dists('1.0.0'), ref: 'refs/tags/vnext' },
      1,
      "tag vnext holds 'next', which is not a PEP 440 version",
    ],
    ['an empty dist/', { files: [] }, 1, 'dist/ holds no wheel and no sdist'],
    [
      'a matching dispatch input',
      { files: dists('1.0.0rc2'), event: 'workflow_dispatch', ref: 'refs/heads/main', input: '1.0.0rc2' },
      0,
      'the version input matches the built version 1.0.0rc2',
    ],
    [
      'a dispatch input for another version',
      { files: dists('1.0.0rc2'), event: 'workflow_dispatch', ref: 'refs/heads/main', input: '1.0.0rc3' },
      1,
      'the version input says 1.0.0rc3, but the build produced 1.0.0rc2: fix the version, then tag again',
    ],
    [
      'a dispatch without input',
      { files: dists('1.0.0rc2'), event: 'workflow_dispatch', ref: 'refs/heads/main' },
      0,
      'No version input given: nothing to compare the build with.',
    ],
  ])('%s', (_name, options, status, output) => {
    expect(check(options)).toEqual({ status, output });
  });
});
