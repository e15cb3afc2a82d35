import { describe, expect, it } from 'vitest';
import { PyreleaseError } from '../../../src/domain/errors';
import type { VersionSource } from '../../../src/domain/pyproject';
import { bumpCommit } from '../../../src/engine/stages/prepare/bump-commit';
import { ChosenVersion, ReleaseCommit, VersionCommit } from '../../../src/engine/stages/facts';
import type { ReleasePorts } from '../../../src/engine/stages/release-ports';
import type { GitRepositoryReads, GitWrites } from '../../../src/ports/git';
import { chosenVersion, scmVersionSource, versionSourceOf } from '../../helpers/release-fixtures';
import { fakeSession, fakeStepContext, given, strict, type Given } from '../../helpers/step-context';

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const PUSHED = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';
const ORIGIN = '0123456789abcdef0123456789abcdef01234567';
const NEW_COMMIT = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

const chosen = given(ChosenVersion, chosenVersion('0.2.0', { bumpClass: 'minor', migrationRequired: true }));

const pyproject = (version: string) =>
  `[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "quillnote"\nversion = "${version}"\ndescription = "Notes"\n`;

const staticSource = (version: string) => versionSourceOf({ 'pyproject.toml': pyproject(version) });
const setupCfgSource = () => versionSourceOf({ 'setup.cfg': '[metadata]\nname = quillnote\nversion = 0.1.0\n' });

/** Git reads that answer only the refs, ancestry and status the test scripts, recording each call. */
function gitReads(
  calls: string[],
  script: { refs?: Record<string, string | undefined>; ancestors?: [string, string][]; status?: string[] },
): GitRepositoryReads {
  const members: Partial<GitRepositoryReads> = {
    fetch: async (remote) => {
      calls.push(`fetch ${remote}`);
    },
    resolve: async (ref) => {
      calls.push(`resolve ${ref}`);
      if (!script.refs || !Object.hasOwn(script.refs, ref)) throw new Error(`unscripted ref ${ref}`);
      return script.refs[ref];
    },
    isAncestor: async (ancestor, descendant) => {
      calls.push(`isAncestor ${ancestor.slice(0, 7)} ${descendant.slice(0, 7)}`);
      return (script.ancestors ?? []).some(([a, d]) => a === ancestor && d === descendant);
    },
  };
  if (script.status) {
    const status = script.status;
    members.status = async () => {
      calls.push('status');
      return status;
    };
  }
  return strict<GitRepositoryReads>('git', members);
}

function setup(options: {
  versionSource?: VersionSource;
  facts?: Given[];
  git?: GitRepositoryReads;
  files?: Record<string, string>;
  writes?: Partial<ReleasePorts['writes']>;
}) {
  const session = fakeSession(options.versionSource ? { versionSource: options.versionSource } : {}, 'main');
  const files = options.files;
  const fake = fakeStepContext({
    step: bumpCommit,
    reads: {
      session,
      git: options.git ?? strict<GitRepositoryReads>('git'),
      ...(files
        ? {
            project: strict<ReleasePorts['reads']['project']>('project', {
              readFile: async (path) => (Object.hasOwn(files, path) ? files[path] : undefined),
            }),
          }
        : {}),
    },
    writes: options.writes ?? {},
    facts: options.facts ?? [chosen],
  });
  return { ...fake, session };
}

describe('prepare.bump-commit probe', () => {
  it('is done when the pushed release commit is still on origin, without reading the project', async () => {
    const calls: string[] = [];
    const { ctx, gave, session } = setup({
      facts: [chosen, given(ReleaseCommit, { sha: PUSHED })],
      git: gitReads(calls, { refs: { 'refs/remotes/origin/main': ORIGIN }, ancestors: [[PUSHED, ORIGIN]] }),
    });

    expect(await bumpCommit.probe(ctx)).toEqual({ state: 'done', detail: 'the release commit f00dfee is on origin' });
    expect(gave).toEqual([{ key: VersionCommit.key, value: { sha: PUSHED } }]);
    expect(calls).toEqual(['fetch origin', 'resolve refs/remotes/origin/main', 'isAncestor f00dfee 0123456']);
    expect(session.loads).toBe(0);
  });

  it('looks at the version again when the recorded release commit is no longer on origin', async () => {
    const calls: string[] = [];
    const { ctx, gave } = setup({
      versionSource: staticSource('0.1.0'),
      facts: [chosen, given(ReleaseCommit, { sha: PUSHED })],
      git: gitReads(calls, { refs: { 'refs/remotes/origin/main': ORIGIN } }),
    });

    expect(await bumpCommit.probe(ctx)).toEqual({ state: 'todo' });
    expect(gave).toEqual([]);
  });

  it('is done for a version that comes from the tag, giving HEAD as the version commit', async () => {
    const calls: string[] = [];
    const { ctx, gave } = setup({ versionSource: scmVersionSource(), git: gitReads(calls, { refs: { HEAD } }) });

    expect(await bumpCommit.probe(ctx)).toEqual({ state: 'done', detail: 'the tag is the version: nothing to write' });
    expect(gave).toEqual([{ key: VersionCommit.key, value: { sha: HEAD } }]);
  });

  it('gives a null version commit for a tag-versioned project whose HEAD names no commit', async () => {
    const { ctx, fact } = setup({
      versionSource: scmVersionSource(),
      git: gitReads([], { refs: { HEAD: undefined } }),
    });

    expect((await bumpCommit.probe(ctx)).state).toBe('done');
    expect(fact(VersionCommit)).toEqual({ sha: null });
  });

  it('is blocked when the version lives in a file pyrelease does not write', async () => {
    const { ctx, gave } = setup({ versionSource: setupCfgSource() });

    expect(await bumpCommit.probe(ctx)).toEqual({
      state: 'blocked',
      reason: 'The version is in setup.cfg (setup-cfg), which pyrelease reads but does not write.',
      hint: 'Write 0.2.0 there yourself, commit it, and run `pyrelease --resume`.',
    });
    expect(gave).toEqual([]);
  });

  it('is done when the version is written and the tree is clean (committed before an interruption)', async () => {
    const calls: string[] = [];
    const { ctx, gave } = setup({
      versionSource: staticSource('0.2.0'),
      git: gitReads(calls, { refs: { HEAD }, status: [] }),
    });

    expect(await bumpCommit.probe(ctx)).toEqual({ state: 'done', detail: '0.2.0 is committed' });
    expect(gave).toEqual([{ key: VersionCommit.key, value: { sha: HEAD } }]);
    expect(calls).toEqual(['status', 'resolve HEAD']);
  });

  it('counts the version as written in any spelling that normalizes to the chosen one', async () => {
    const { ctx } = setup({ versionSource: staticSource('0.2.0-0'), facts: [chosen], git: gitReads([], {}) });
    // 0.2.0-0 is 0.2.0.post0, not 0.2.0: still to write (and status is never asked).
    expect(await bumpCommit.probe(ctx)).toEqual({ state: 'todo' });

    const rc = given(ChosenVersion, chosenVersion('0.2.0rc1', { bumpClass: 'minor', migrationRequired: true }));
    const again = setup({
      versionSource: staticSource('0.2.0-RC1'),
      facts: [rc],
      git: gitReads([], { refs: { HEAD }, status: [] }),
    });
    expect(await bumpCommit.probe(again.ctx)).toEqual({ state: 'done', detail: '0.2.0rc1 is committed' });
  });

  it('is still to do when the version is written but not committed', async () => {
    const { ctx, gave } = setup({
      versionSource: staticSource('0.2.0'),
      git: gitReads([], { status: [' M pyproject.toml'] }),
    });

    expect(await bumpCommit.probe(ctx)).toEqual({ state: 'todo' });
    expect(gave).toEqual([]);
  });

  it('is still to do when the file holds the old version', async () => {
    const { ctx, gave } = setup({ versionSource: staticSource('0.1.0'), git: gitReads([], {}) });

    expect(await bumpCommit.probe(ctx)).toEqual({ state: 'todo' });
    expect(gave).toEqual([]);
  });
});

describe('prepare.bump-commit describe', () => {
  it('lists the write and the commit of exactly the version file', async () => {
    const hatchAbout = versionSourceOf({
      'pyproject.toml':
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n[project]\nname = "quillnote"\n' +
        'dynamic = ["version"]\n[tool.hatch.version]\npath = "src/quillnote/__about__.py"\n',
      'src/quillnote/__about__.py': '__version__ = "0.1.0"\n',
    });
    const { ctx } = setup({ versionSource: hatchAbout });

    expect(await bumpCommit.describe(ctx)).toEqual([
      'write 0.2.0 into src/quillnote/__about__.py',
      'git commit -m "Release 0.2.0" -- src/quillnote/__about__.py',
    ]);
  });
});

describe('prepare.bump-commit run', () => {
  function writes(events: string[], written: Map<string, string>): Partial<ReleasePorts['writes']> {
    return {
      git: strict<GitWrites>('writes.git', {
        writeFile: async (path, text) => {
          events.push(`write ${path}`);
          written.set(path, text);
        },
        commit: async (paths, message) => {
          events.push(`commit ${paths.join(' ')}: ${message}`);
          return NEW_COMMIT;
        },
      }),
    };
  }

  it('writes the version (logging the diff), reads the project again, commits and gives the commit', async () => {
    const events: string[] = [];
    const written = new Map<string, string>();
    const { ctx, gave, lines, session } = setup({
      versionSource: staticSource('0.1.0'),
      files: { 'pyproject.toml': pyproject('0.1.0') },
      writes: writes(events, written),
    });
    const refresh = session.refresh;
    session.refresh = () => {
      events.push('refresh');
      refresh();
    };

    expect(await bumpCommit.run(ctx)).toEqual({ detail: 'Release 0.2.0 (c0ffee0)' });
    expect(written.get('pyproject.toml')).toBe(pyproject('0.2.0'));
    expect(lines).toEqual([
      '--- a/pyproject.toml',
      '+++ b/pyproject.toml',
      '@@ -5,4 +5,4 @@',
      ' [project]',
      ' name = "quillnote"',
      '-version = "0.1.0"',
      '+version = "0.2.0"',
      ' description = "Notes"',
    ]);
    expect(events).toEqual(['write pyproject.toml', 'refresh', 'commit pyproject.toml: Release 0.2.0']);
    expect(session.refreshes).toBe(1);
    expect(gave).toEqual([{ key: VersionCommit.key, value: { sha: NEW_COMMIT } }]);
  });

  it('only commits a version written before an interruption', async () => {
    const events: string[] = [];
    const { ctx, gave, lines, session } = setup({
      versionSource: staticSource('0.2.0'),
      writes: writes(events, new Map()),
    });

    expect(await bumpCommit.run(ctx)).toEqual({ detail: 'Release 0.2.0 (c0ffee0)' });
    expect(events).toEqual(['commit pyproject.toml: Release 0.2.0']);
    expect(lines).toEqual([]);
    expect(session.refreshes).toBe(0);
    expect(gave).toEqual([{ key: VersionCommit.key, value: { sha: NEW_COMMIT } }]);
  });

  it('refuses a file that changed since it was read, before writing or committing anything', async () => {
    const events: string[] = [];
    const { ctx, gave } = setup({
      versionSource: staticSource('0.1.0'),
      files: { 'pyproject.toml': pyproject('0.1.5') },
      writes: writes(events, new Map()),
    });

    await expect(bumpCommit.run(ctx)).rejects.toMatchObject({ code: 'version-source.stale' });
    expect(events).toEqual([]);
    expect(gave).toEqual([]);
  });

  it('refuses a version source it cannot write', async () => {
    const events: string[] = [];
    const { ctx, gave } = setup({ versionSource: setupCfgSource(), writes: writes(events, new Map()) });

    const error = await bumpCommit.run(ctx).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PyreleaseError);
    expect(error).toMatchObject({ code: 'bump.not-writable', message: 'setup.cfg cannot be written.' });
    expect(events).toEqual([]);
    expect(gave).toEqual([]);
  });
});
