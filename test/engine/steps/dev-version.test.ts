import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ReleaseConfig } from '../../../src/domain/config';
import type { VersionSource } from '../../../src/domain/pyproject';
import { ChosenVersion, DevVersion, ReleaseCommit } from '../../../src/engine/stages/facts';
import { devVersion } from '../../../src/engine/stages/finalize/dev-version';
import type { ReleasePorts } from '../../../src/engine/stages/release-ports';
import type { GitRepositoryReads, GitWrites, PushOutcome } from '../../../src/ports/git';
import {
  chosenVersion,
  failure,
  pyprojectDeclaring,
  scmVersionSource,
  staticVersionSource,
  versionSourceOf,
} from '../../helpers/release-fixtures';
import { fakeSession, fakeStepContext, given, strict } from '../../helpers/step-context';

const RELEASE = 'c0ffee1d2e3f405162738495a6b7c8d9e0f1a2b3';
const HEAD = 'abcdef0123456789abcdef0123456789abcdef01';
const ORIGIN = '0123456789abcdef0123456789abcdef01234567';
const COMMITTED = '5ca1ab1e0123456789abcdef0123456789abcdef';

interface Options {
  /** The released version (default 1.2.0). */
  version?: string;
  /** The version the working tree declares (default: the released one). */
  current?: string;
  versionSource?: VersionSource;
  config?: Partial<ReleaseConfig>;
  /** What refs resolve to; HEAD and origin/trunk default to HEAD. */
  refs?: Record<string, string | undefined>;
  /** Whether HEAD contains the release commit. */
  containsRelease?: boolean;
  /** The subject of HEAD. */
  subject?: string;
  push?: PushOutcome;
}

/** What the step did to the repository, with how often the session had been refreshed by then. */
interface Write {
  call: string;
  args: unknown[];
  refreshes: number;
}

function world(options: Options = {}) {
  const version = options.version ?? '1.2.0';
  const current = options.current ?? version;
  const config: ReleaseConfig = { ...DEFAULT_CONFIG, nextDevVersion: true, ...options.config };
  const session = fakeSession(
    { config, versionSource: options.versionSource ?? staticVersionSource(current) },
    'trunk',
  );
  const refs: Record<string, string | undefined> = {
    HEAD,
    'refs/remotes/origin/trunk': HEAD,
    ...options.refs,
  };
  const resolved: string[] = [];
  const ancestry: [string, string][] = [];
  const subjects: string[] = [];
  const fileReads: string[] = [];
  const writes: Write[] = [];
  const wrote = (call: string, ...args: unknown[]) => writes.push({ call, args, refreshes: session.refreshes });
  const fake = fakeStepContext({
    step: devVersion,
    reads: {
      session,
      git: strict<GitRepositoryReads>('reads.git', {
        resolve: async (ref) => {
          resolved.push(ref);
          return refs[ref];
        },
        isAncestor: async (ancestor, descendant) => {
          ancestry.push([ancestor, descendant]);
          return options.containsRelease ?? true;
        },
        subject: async (ref) => {
          subjects.push(ref);
          return options.subject ?? `Release ${version}`;
        },
      }),
      project: strict<ReleasePorts['reads']['project']>('reads.project', {
        readFile: async (path) => {
          fileReads.push(path);
          return path === 'pyproject.toml' ? pyprojectDeclaring(current) : undefined;
        },
      }),
    },
    writes: {
      git: strict<GitWrites>('writes.git', {
        writeFile: async (path, text) => {
          wrote('writeFile', path, text);
        },
        commit: async (paths, message) => {
          wrote('commit', paths, message);
          return COMMITTED;
        },
        push: async (remote, refspec) => {
          wrote('push', remote, refspec);
          return options.push ?? { ok: true };
        },
      }),
    },
    facts: [given(ChosenVersion, chosenVersion(version)), given(ReleaseCommit, { sha: RELEASE })],
  });
  return { fake, session, resolved, ancestry, subjects, fileReads, writes };
}

describe('finalize.dev-version probe', () => {
  it('is done when next-dev-version is off', async () => {
    const { fake, resolved } = world({ config: { nextDevVersion: false } });
    expect(await devVersion.probe(fake.ctx)).toEqual({
      state: 'done',
      detail: 'not configured (next-dev-version = false)',
    });
    expect(resolved).toEqual([]);
  });

  it('is done when the version comes from tags', async () => {
    const versionSource = scmVersionSource();
    expect(versionSource.scm).toBe(true);
    const { fake, resolved } = world({ versionSource });
    expect(await devVersion.probe(fake.ctx)).toEqual({
      state: 'done',
      detail: 'the version comes from tags: nothing to write',
    });
    expect(resolved).toEqual([]);
  });

  it("is done when the session's branch moved past the release and HEAD is where origin is", async () => {
    const { fake, resolved } = world({ current: '1.2.1.dev0' });
    expect(await devVersion.probe(fake.ctx)).toEqual({ state: 'done', detail: 'trunk is at 1.2.1.dev0' });
    expect(resolved).toEqual(['HEAD', 'refs/remotes/origin/trunk']);
  });

  it('is still to do when the next version is committed but not on origin', async () => {
    const { fake } = world({ current: '1.2.1.dev0', refs: { 'refs/remotes/origin/trunk': ORIGIN } });
    expect(await devVersion.probe(fake.ctx)).toEqual({ state: 'todo', detail: '1.2.1.dev0' });
  });

  it('is to do, naming the next version, while the tree still declares the release', async () => {
    const { fake, resolved } = world();
    expect(await devVersion.probe(fake.ctx)).toEqual({ state: 'todo', detail: '1.2.1.dev0' });
    expect(resolved).toEqual([]);
  });

  it('after a pre-release, names the development of the next candidate', async () => {
    const { fake } = world({ version: '1.2.0rc1' });
    expect(await devVersion.probe(fake.ctx)).toEqual({ state: 'todo', detail: '1.2.0rc2.dev0' });
  });
});

describe('finalize.dev-version describe', () => {
  it('lists the write, the commit and the push to the session branch', async () => {
    const { fake } = world();
    expect(await devVersion.describe(fake.ctx)).toEqual([
      'write 1.2.1.dev0 into pyproject.toml',
      'git commit -m "Start 1.2.1.dev0"',
      'git push origin HEAD:refs/heads/trunk',
    ]);
  });
});

describe('finalize.dev-version run', () => {
  it('writes X.Y.(Z+1).dev0, refreshes the session, commits, pushes and gives DevVersion', async () => {
    const { fake, session, ancestry, writes } = world();
    expect(await devVersion.run(fake.ctx)).toEqual({ detail: 'trunk is at 1.2.1.dev0 (5ca1ab1)' });
    expect(ancestry).toEqual([[RELEASE, HEAD]]);
    expect(writes).toEqual([
      { call: 'writeFile', args: ['pyproject.toml', pyprojectDeclaring('1.2.1.dev0')], refreshes: 0 },
      { call: 'commit', args: [['pyproject.toml'], 'Start 1.2.1.dev0'], refreshes: 1 },
      { call: 'push', args: ['origin', 'HEAD:refs/heads/trunk'], refreshes: 1 },
    ]);
    expect(session.refreshes).toBe(1);
    expect(fake.lines).toEqual([
      '--- a/pyproject.toml',
      '+++ b/pyproject.toml',
      '@@ -1,3 +1,3 @@',
      ' [project]',
      ' name = "quillnote"',
      '-version = "1.2.0"',
      '+version = "1.2.1.dev0"',
    ]);
    expect(fake.gave).toEqual([{ key: 'dev-version', value: { version: '1.2.1.dev0', sha: COMMITTED } }]);
  });

  it('refuses to write on a HEAD that does not contain the release commit', async () => {
    const { fake, session, writes } = world({ containsRelease: false });
    const error = await failure(devVersion.run(fake.ctx));
    expect(error).toMatchObject({
      code: 'finalize.not-on-release',
      message:
        'HEAD (abcdef0) does not contain the release commit, so 1.2.1.dev0 would be written on the wrong history.',
      hint: 'Check out trunk, pull, and run `pyrelease --resume`.',
    });
    expect(writes).toEqual([]);
    expect(session.refreshes).toBe(0);
    expect(fake.gave).toEqual([]);
  });

  it('pushes an earlier "Start …" commit without committing again', async () => {
    const { fake, writes, subjects, fileReads } = world({ current: '1.2.1.dev0', subject: 'Start 1.2.1.dev0' });
    expect(await devVersion.run(fake.ctx)).toEqual({ detail: 'trunk is at 1.2.1.dev0 (abcdef0)' });
    expect(subjects).toEqual(['HEAD']);
    expect(fileReads).toEqual([]);
    expect(writes).toEqual([{ call: 'push', args: ['origin', 'HEAD:refs/heads/trunk'], refreshes: 0 }]);
    expect(fake.fact(DevVersion)).toEqual({ version: '1.2.1.dev0', sha: HEAD });
  });

  it('commits a version already written but not committed, without writing it again', async () => {
    const { fake, session, writes, fileReads } = world({ current: '1.2.1.dev0', subject: 'Release 1.2.0' });
    await devVersion.run(fake.ctx);
    expect(fileReads).toEqual([]);
    expect(writes.map((write) => write.call)).toEqual(['commit', 'push']);
    expect(session.refreshes).toBe(0);
    expect(fake.fact(DevVersion)).toEqual({ version: '1.2.1.dev0', sha: COMMITTED });
  });

  it('turns a refused push of a protected branch into finalize.push-refused with the pull-request hint', async () => {
    const { fake } = world({ push: { ok: false, protected: true, message: 'GH006: Protected branch update failed' } });
    const error = await failure(devVersion.run(fake.ctx));
    expect(error).toMatchObject({
      code: 'finalize.push-refused',
      message: 'origin refused the 1.2.1.dev0 commit: GH006: Protected branch update failed',
      hint: 'The branch is protected: open a pull request with the commit 5ca1ab1 yourself; the release itself is done.',
    });
    expect(fake.gave).toEqual([]);
  });

  it('asks to pull when the push was refused for another reason', async () => {
    const { fake } = world({ push: { ok: false, protected: false, message: 'non-fast-forward' } });
    const error = await failure(devVersion.run(fake.ctx));
    expect(error).toMatchObject({ code: 'finalize.push-refused', hint: 'Pull, then `pyrelease --resume`.' });
  });

  it('refuses a version source it cannot write (setup.cfg)', async () => {
    const setupCfg = '[metadata]\nname = quillnote\nversion = 1.2.0\n';
    const versionSource = versionSourceOf({ 'setup.cfg': setupCfg });
    expect(versionSource.writable).toBe(false);
    const { fake, writes, ancestry } = world({ versionSource });
    const error = await failure(devVersion.run(fake.ctx));
    expect(error).toMatchObject({
      code: 'bump.not-writable',
      message: 'setup.cfg cannot be written.',
      hint: 'Write 1.2.1.dev0 there yourself.',
    });
    expect(ancestry).toEqual([]);
    expect(writes).toEqual([]);
  });
});
