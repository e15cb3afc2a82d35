import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/domain/readiness/doctor-report';
import { runCli } from '../helpers/cli';
import { git } from '../helpers/git-repo';
import { copyFixture } from '../helpers/fixture-copy';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

interface BumpCase {
  shape: string;
  name: string;
  /** What to ask for: a bump kind or a version. */
  request: string;
  file: string;
  /** Text around the literal, occurring once in the file; `from` occurs once inside it. */
  anchor: string;
  from: string;
  /** Worked out by hand from PEP 440 and the bump rules in the help text. */
  to: string;
  /** Semantic-versioning size of the step, as the summary line names it. */
  size: 'major' | 'minor' | 'patch' | 'prerelease';
}

/** Every shape whose version lives in a file pyrelease writes. */
const WRITABLE: BumpCase[] = [
  {
    shape: 'static',
    name: 'acme-tool',
    request: 'minor',
    file: 'pyproject.toml',
    anchor: 'version = "1.4.0"  # bumped by pyrelease',
    from: '1.4.0',
    to: '1.5.0',
    size: 'minor',
  },
  {
    shape: 'static-dotted-key',
    name: 'Dotted_Pkg',
    request: 'patch',
    file: 'pyproject.toml',
    anchor: "project.version = '0.3.1'",
    from: '0.3.1',
    to: '0.3.2',
    size: 'patch',
  },
  {
    shape: 'static-crlf',
    name: 'crlf-app',
    request: 'minor',
    file: 'pyproject.toml',
    anchor: 'version = "2.0.0"    \r\n',
    from: '2.0.0',
    to: '2.1.0',
    size: 'minor',
  },
  {
    shape: 'poetry1',
    name: 'acme-poetry',
    request: 'major',
    file: 'pyproject.toml',
    anchor: 'version = "0.8.2"\n',
    from: '0.8.2',
    to: '1.0.0',
    size: 'major',
  },
  {
    shape: 'poetry2',
    name: 'acme-poetry2',
    request: 'minor',
    file: 'pyproject.toml',
    anchor: 'version = "2.1.0"  # base version',
    from: '2.1.0',
    to: '2.2.0',
    size: 'minor',
  },
  {
    shape: 'setuptools-attr',
    name: 'acme-attr',
    request: 'patch',
    file: 'acme_attr/__init__.py',
    anchor: '__version__ = "3.2.1"  # single',
    from: '3.2.1',
    to: '3.2.2',
    size: 'patch',
  },
  {
    shape: 'setuptools-attr-src',
    name: 'acme.src',
    request: 'minor',
    file: 'src/acme_src/about.py',
    anchor: "VERSION = '0.5.0'",
    from: '0.5.0',
    to: '0.6.0',
    size: 'minor',
  },
  {
    shape: 'setuptools-file',
    name: 'acme-file',
    request: 'patch',
    file: 'VERSION',
    anchor: '1.0.2\n',
    from: '1.0.2',
    to: '1.0.3',
    size: 'patch',
  },
  {
    shape: 'hatch-regex',
    name: 'acme-hatch',
    request: 'rc',
    file: 'src/acme_hatch/__about__.py',
    anchor: '__version__ = "1.4.0"',
    from: '1.4.0',
    to: '1.4.1rc1',
    size: 'patch',
  },
  // 0.9.0b2 is a pre-release of 0.9.0: finishing it is the step a user means by "final".
  {
    shape: 'hatch-regex-custom-pattern',
    name: 'acme-custom',
    request: 'final',
    file: 'src/acme_custom/_meta.py',
    anchor: 'APP_VERSION: Final = "0.9.0b2"',
    from: '0.9.0b2',
    to: '0.9.0',
    size: 'minor',
  },
  {
    shape: 'flit',
    name: 'acme-flit-tool',
    request: 'dev',
    file: 'acme_flit/__init__.py',
    anchor: "__version__ = '1.0.0'",
    from: '1.0.0',
    to: '1.0.1.dev0',
    size: 'patch',
  },
  {
    shape: 'pdm-file',
    name: 'acme-pdm',
    request: '1.0.0',
    file: 'src/acme_pdm/__init__.py',
    anchor: '__version__ = "0.4.0"  # managed',
    from: '0.4.0',
    to: '1.0.0',
    size: 'major',
  },
];

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** The offset of the literal `from` in `text`, found through an anchor that occurs exactly once. */
function literalAt(text: string, anchor: string, from: string): number {
  const at = text.indexOf(anchor);
  expect(at, `anchor ${JSON.stringify(anchor)} not found`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(anchor, at + 1), `anchor ${JSON.stringify(anchor)} occurs twice`).toBe(-1);
  const inside = anchor.indexOf(from);
  expect(anchor.indexOf(from, inside + 1)).toBe(-1);
  return at + inside;
}

/** The whole line (without its line end) that holds `offset`. */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}

/** The `-`/`+` lines of a unified diff, file headers left out. */
function changedDiffLines(stdout: string): { removed: string[]; added: string[] } {
  const lines = stdout.split('\n').filter((line) => !line.startsWith('--- ') && !line.startsWith('+++ '));
  return {
    removed: lines.filter((line) => line.startsWith('-')),
    added: lines.filter((line) => line.startsWith('+')),
  };
}

describe('pyrelease bump: one literal changes, in every writable shape', () => {
  it.each(WRITABLE)('$shape: bump $request writes $to over $from in $file', async (c) => {
    const dir = copyFixture(c.shape, tempDir());
    const before = read(dir, c.file);
    const at = literalAt(before, c.anchor, c.from);
    // Independently computed: the same bytes with only the literal replaced.
    const expected = before.slice(0, at) + c.to + before.slice(at + c.from.length);
    const diff = { removed: [`-${lineAt(before, at)}`], added: [`+${lineAt(expected, at)}`] };
    const summary = `${c.name} ${c.from} → ${c.to} (${c.size})`;

    const dry = await runCli(['bump', c.request, '--dry-run'], { cwd: dir });
    expect(dry.stderr).toBe('');
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain(`--- a/${c.file}\n+++ b/${c.file}\n@@ `);
    expect(changedDiffLines(dry.stdout)).toEqual(diff);
    expect(dry.stdout).toContain(`${summary}: dry run, ${c.file} was not changed.`);
    expect(readFileSync(join(dir, c.file))).toEqual(Buffer.from(before, 'utf8'));

    const real = await runCli(['bump', c.request], { cwd: dir });
    expect(real.stderr).toBe('');
    expect(real.exitCode).toBe(0);
    expect(changedDiffLines(real.stdout)).toEqual(diff);
    expect(real.stdout.trimEnd().split('\n').at(-1)).toBe(`${summary}: wrote ${c.file}.`);
    const after = read(dir, c.file);
    expect(after).toBe(expected);

    // Round trip: what was written reads back as the new version, from the same place.
    const doctor = await runCli(['doctor', '--json'], { cwd: dir });
    const report = JSON.parse(doctor.stdout) as DoctorReport;
    expect(report.project?.version).toBe(c.to);
    expect(report.project?.versionSource.file).toBe(c.file);
  });

  it('keeps CRLF line ends and trailing spaces (static-crlf)', async () => {
    const dir = copyFixture('static-crlf', tempDir());
    const before = read(dir, 'pyproject.toml');
    const run = await runCli(['bump', '3.0.0'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    const after = read(dir, 'pyproject.toml');
    expect(after.split('\r\n')).toHaveLength(before.split('\r\n').length);
    expect(after.replaceAll('\r\n', '')).not.toContain('\n');
    expect(after).toContain('\r\nversion = "3.0.0"    \r\n');
    expect(after).toContain(
      '# Edited on Windows: CRLF line ends and some trailing whitespace must survive a bump.   \r\n',
    );
    // The diff shows lines without their \r.
    expect(run.stdout).toContain('\n-version = "2.0.0"    \n+version = "3.0.0"    \n');
  });

  it('shows no line past the end of the file in its diff (VERSION holds one line)', async () => {
    const dir = copyFixture('setuptools-file', tempDir());
    const run = await runCli(['bump', 'patch', '--dry-run'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    // The file is the one line `1.0.2`; `diff -u` shows `@@ -1 +1 @@` and no empty line after it.
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      '--- a/VERSION',
      '+++ b/VERSION',
      expect.stringMatching(/^@@ -1(,1)? \+1(,1)? @@$/),
      '-1.0.2',
      '+1.0.3',
      'acme-file 1.0.2 → 1.0.3 (patch): dry run, VERSION was not changed.',
    ]);
  });
});

describe('pyrelease bump: what it accepts and refuses', () => {
  /** A fresh copy of the static fixture (acme-tool 1.4.0 in pyproject.toml). */
  function staticProject(): { dir: string; before: string } {
    const dir = copyFixture('static', tempDir());
    return { dir, before: read(dir, 'pyproject.toml') };
  }

  it.each([
    [
      '1.4.0',
      '1.4.0 is the same version as the current 1.4.0 under PEP 440 ordering (trailing zeros and spelling do not count); a new release needs a higher version.',
    ],
    [
      '1.4',
      '1.4 is the same version as the current 1.4.0 under PEP 440 ordering (trailing zeros and spelling do not count); a new release needs a higher version.',
    ],
    ['1.3.9', '1.3.9 is not greater than the current version 1.4.0; a new release needs a higher version.'],
    [
      'v1.3.0',
      'v1.3.0 (normal form 1.3.0) is not greater than the current version 1.4.0; a new release needs a higher version.',
    ],
    ['1.4.0rc1', '1.4.0rc1 is not greater than the current version 1.4.0; a new release needs a higher version.'],
  ])('refuses %s, which is not greater than 1.4.0 (exit 1), and suggests the next ones', async (request, message) => {
    const { dir, before } = staticProject();
    const run = await runCli(['bump', request], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `pyrelease: ${message}\n  → Pick a version above 1.4.0, such as patch (1.4.1), minor (1.5.0) or major (2.0.0).`,
    );
    expect(read(dir, 'pyproject.toml')).toBe(before);
  });

  it('refuses a version that is not PEP 440 (exit 1) and says how to write one', async () => {
    const { dir, before } = staticProject();
    const run = await runCli(['bump', '1.0.0-SNAPSHOT'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'pyrelease: Version "1.0.0-SNAPSHOT" is not a PEP 440 version; write it like 1.4.1 or 1.4.1rc1.\n' +
        '  → Spellings such as v1.2.3 or 1.2.3-rc.1 are accepted and normalized; the rules are at https://packaging.python.org/en/latest/specifications/version-specifiers/',
    );
    expect(read(dir, 'pyproject.toml')).toBe(before);
  });

  it('accepts V2.0.0, says it uses the normal form 2.0.0, and writes that', async () => {
    const { dir, before } = staticProject();
    const run = await runCli(['bump', 'V2.0.0'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Using 2.0.0, the normal form of V2.0.0 (PEP 440).');
    expect(run.stdout).toContain('acme-tool 1.4.0 → 2.0.0 (major): wrote pyproject.toml.');
    expect(read(dir, 'pyproject.toml')).toBe(before.replace('version = "1.4.0"  #', 'version = "2.0.0"  #'));
  });

  it('normalizes v1.5.0-RC.1 to 1.5.0rc1 (dry run: nothing written)', async () => {
    const { dir, before } = staticProject();
    const run = await runCli(['bump', 'v1.5.0-RC.1', '--dry-run'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Using 1.5.0rc1, the normal form of v1.5.0-RC.1 (PEP 440).\n');
    expect(run.stdout).toContain('\n+version = "1.5.0rc1"  # bumped by pyrelease\n');
    expect(read(dir, 'pyproject.toml')).toBe(before);
  });

  it('refuses a local version, which PyPI rejects (exit 1), and names the public part', async () => {
    const { dir, before } = staticProject();
    const run = await runCli(['bump', '2.0.0+Local.1'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `pyrelease: 2.0.0+local.1 is a local version, and PyPI refuses them: "The use of local versions in '2.0.0+local.1' is not allowed."\n` +
        '  → Release the public part, 2.0.0, instead (drop everything from "+").',
    );
    expect(read(dir, 'pyproject.toml')).toBe(before);
  });

  it('refuses "final" on a final release (exit 1)', async () => {
    const { dir } = staticProject();
    const run = await runCli(['bump', 'final'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'pyrelease: 1.4.0 is already a final release; "final" only finishes a pre-release (a, b, rc or .dev).\n' +
        '  → Use patch (1.4.1), minor (1.5.0) or major (2.0.0).',
    );
  });

  it.each([
    ['setuptools-scm', 'acme-scm', ['v1.2.3']],
    ['hatch-vcs', 'acme-vcs', ['v0.3.0']],
    ['pdm-scm', 'acme-pdm-scm', []],
  ])('refuses %s: the tag is the version, nothing is written (exit 1)', async (shape, name, tags) => {
    const dir = copyFixture(shape, tempDir(), { git: true, tags });
    for (const request of ['minor', '9.0.0']) {
      const run = await runCli(['bump', request], { cwd: dir });
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `pyrelease: ${name} takes its version from git tags (${shape}): the tag is the version, so there is nothing to write.\n` +
          '  → Release by tagging instead: `pyrelease` creates and pushes the tag (v{version}) for you.',
      );
    }
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses a legacy setup.cfg project, whose version it reads but does not write (exit 1)', async () => {
    const dir = copyFixture('setup-cfg', tempDir());
    const run = await runCli(['bump', 'patch'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'pyrelease: The version of acme-legacy is in src/acme_legacy/__init__.py (setup-cfg), which pyrelease reads but does not write.\n' +
        '  → Move the version to pyproject.toml ([project] version), or edit it by hand.',
    );
    expect(read(dir, 'src/acme_legacy/__init__.py')).toBe('"""ACME legacy."""\n\n__version__ = "0.7.3"\n');
  });

  it.each([
    [
      ['bump'],
      '`pyrelease bump` needs what to bump.',
      'Pass one of patch, minor, major, rc, final, dev, or a version such as 1.5.0.',
    ],
    [
      ['bump', 'patch', 'minor'],
      '`pyrelease bump` takes one argument, got "minor" too.',
      'Pass one of patch, minor, major, rc, final, dev, or a version such as 1.5.0.',
    ],
  ])('%j is a usage error (exit 2)', async (args, message, hint) => {
    const { dir, before } = staticProject();
    const run = await runCli(args, { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(`pyrelease: ${message}\n  → ${hint}`);
    expect(read(dir, 'pyproject.toml')).toBe(before);
  });

  it('rejects a flag bump does not take (exit 2)', async () => {
    const { dir } = staticProject();
    const run = await runCli(['bump', 'minor', '--json'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('pyrelease: --json does not apply to `pyrelease bump`.');
  });
});

describe('pyrelease bump --set: exactly the version given, as a TestPyPI rehearsal needs it', () => {
  it.each([
    // Lower than the current version: a release candidate of the version the files already say.
    {
      shape: 'static',
      name: 'acme-tool',
      file: 'pyproject.toml',
      from: 'version = "1.4.0"  #',
      set: '1.4.0rc1',
      to: 'version = "1.4.0rc1"  #',
      current: '1.4.0',
    },
    {
      shape: 'hatch-regex',
      name: 'acme-hatch',
      file: 'src/acme_hatch/__about__.py',
      from: '__version__ = "1.4.0"',
      set: '1.3.9',
      to: '__version__ = "1.3.9"',
      current: '1.4.0',
    },
    {
      shape: 'setuptools-file',
      name: 'acme-file',
      file: 'VERSION',
      from: '1.0.2',
      set: '2.0.0b1',
      to: '2.0.0b1',
      current: '1.0.2',
    },
  ])('$shape: writes $set over $current without the ordering check, and commits nothing', async (c) => {
    const dir = copyFixture(c.shape, tempDir(), { git: true });
    const head = git(dir, 'rev-parse', 'HEAD');
    const before = read(dir, c.file);
    const expected = before.replace(c.from, c.to);
    expect(expected).not.toBe(before);

    const dry = await runCli(['bump', '--set', c.set, '--dry-run'], { cwd: dir });
    expect(dry.stderr).toBe('');
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout.trimEnd().split('\n').at(-1)).toBe(
      `${c.name} ${c.current} → ${c.set} (set): dry run, ${c.file} was not changed.`,
    );
    expect(read(dir, c.file)).toBe(before);

    const real = await runCli(['bump', '--set', c.set], { cwd: dir });
    expect(real.stderr).toBe('');
    expect(real.exitCode).toBe(0);
    expect(real.stdout).toContain(`--- a/${c.file}\n+++ b/${c.file}\n`);
    expect(real.stdout.trimEnd().split('\n').at(-1)).toBe(`${c.name} ${c.current} → ${c.set} (set): wrote ${c.file}.`);
    expect(read(dir, c.file)).toBe(expected);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe(`M ${c.file}`);
  });

  it('writes the normal form of the version given (PEP 440)', async () => {
    const dir = copyFixture('static', tempDir());
    const run = await runCli(['bump', '--set', 'v1.3.0-RC.2'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Using 1.3.0rc2, the normal form of v1.3.0-RC.2 (PEP 440).');
    expect(run.stdout).toContain(
      '\n-version = "1.4.0"  # bumped by pyrelease\n+version = "1.3.0rc2"  # bumped by pyrelease\n',
    );
    expect(read(dir, 'pyproject.toml')).toContain('version = "1.3.0rc2"  # bumped by pyrelease');
  });

  it('writes nothing when the file already holds that version (a re-run of the workflow)', async () => {
    const dir = copyFixture('static', tempDir());
    const before = read(dir, 'pyproject.toml');
    const run = await runCli(['bump', '--set', '1.4.0'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('acme-tool is already 1.4.0 in pyproject.toml: nothing to write.');
    expect(read(dir, 'pyproject.toml')).toBe(before);
  });

  it.each([
    ['setuptools-scm', 'acme-scm', ['v1.2.3'], 'SETUPTOOLS_SCM_PRETEND_VERSION'],
    ['hatch-vcs', 'acme-vcs', ['v0.3.0'], 'SETUPTOOLS_SCM_PRETEND_VERSION'],
    ['pdm-scm', 'acme-pdm-scm', [], 'PDM_BUILD_SCM_VERSION'],
  ])(
    '%s: says the tag is the version and which variable sets it, writes nothing (exit 0)',
    async (shape, name, tags, variable) => {
      const dir = copyFixture(shape, tempDir(), { git: true, tags });
      const run = await runCli(['bump', '--set', '9.0.0rc1'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toBe(
        `${name} takes its version from git tags (${shape}): there is no file to write 9.0.0rc1 into.\n` +
          `To build 9.0.0rc1 from this commit, set ${variable}=9.0.0rc1 in the build's environment (the TestPyPI workflow \`pyrelease init\` writes does).`,
      );
      expect(git(dir, 'status', '--porcelain')).toBe('');
    },
  );

  it('refuses a legacy setup.cfg project, as bump does (exit 1)', async () => {
    const dir = copyFixture('setup-cfg', tempDir());
    const run = await runCli(['bump', '--set', '0.8.0rc1'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      'pyrelease: The version of acme-legacy is in src/acme_legacy/__init__.py (setup-cfg), which pyrelease reads but does not write.',
    );
  });

  it('refuses a version that is not PEP 440 (exit 1), even where the tag is the version', async () => {
    for (const shape of ['static', 'setuptools-scm']) {
      const dir = copyFixture(shape, tempDir(), { git: true });
      const run = await runCli(['bump', '--set', '1.0.0-SNAPSHOT'], { cwd: dir });
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        'pyrelease: Version "1.0.0-SNAPSHOT" is not a PEP 440 version; write it like 1.2.4 or 1.3.0rc1.\n' +
          '  → Spellings such as v1.2.3 or 1.2.3-rc.1 are accepted and normalized; the rules are at https://packaging.python.org/en/latest/specifications/version-specifiers/',
      );
      expect(git(dir, 'status', '--porcelain')).toBe('');
    }
  });

  it('refuses a local version, which TestPyPI rejects too (exit 1)', async () => {
    const dir = copyFixture('static', tempDir());
    const run = await runCli(['bump', '--set', '1.5.0rc1+ci.7'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `pyrelease: 1.5.0rc1+ci.7 is a local version, and PyPI refuses them: "The use of local versions in '1.5.0rc1+ci.7' is not allowed."\n` +
        '  → Release the public part, 1.5.0rc1, instead (drop everything from "+").',
    );
  });

  it.each([
    [['bump', '--set'], "pyrelease: Option '--set <value>' argument missing."],
    [
      ['bump', '--set', ' '],
      'pyrelease: `pyrelease bump --set` needs a version.\n  → For example: pyrelease bump --set 1.5.0rc1',
    ],
    [
      ['bump', 'patch', '--set', '1.5.0'],
      'pyrelease: `pyrelease bump --set` writes the version it is given; drop "patch".\n  → Use either `pyrelease bump <part|VERSION>` or `pyrelease bump --set VERSION`.',
    ],
    [['doctor', '--set', '1.5.0'], 'pyrelease: --set does not apply to `pyrelease doctor`.'],
  ])('%j is a usage error (exit 2)', async (args, stderr) => {
    const dir = copyFixture('static', tempDir());
    const before = read(dir, 'pyproject.toml');
    const run = await runCli(args, { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.startsWith(stderr)).toBe(true);
    expect(read(dir, 'pyproject.toml')).toBe(before);
  });
});
