import { execa } from 'execa';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyVersion } from './apply-version';
import { untrustedEnvironment } from '../../domain/untrusted-env';

export interface BuildOptions {
  /** The bare repository the "runner" checks out from. */
  remoteDir: string;
  /** A tag, branch or commit. */
  ref: string;
  /** An empty directory for this job. */
  workDir: string;
  /** A Python with `build` and the project's backend. */
  python: string;
  /** The version a TestPyPI rehearsal set before the build (`1.4.0rc1`), if any. */
  version?: string;
  onLine?: (line: string) => void;
  signal?: AbortSignal;
}

export interface BuiltDistributions {
  checkout: string;
  sdist: string;
  wheel: string;
}

/**
 * What the publish workflow's build job does, for real: a fresh checkout of the ref, then
 * `python -m build` with the project's own PEP 517 backend. The backend comes preinstalled
 * (no isolation) because the sandbox has no internet to fetch it from.
 */
export async function buildDistributions(options: BuildOptions): Promise<BuiltDistributions> {
  const checkout = join(options.workDir, 'checkout');
  const dist = join(options.workDir, 'dist');
  await mkdir(dist, { recursive: true });
  const run = async (file: string, args: string[], cwd: string, env: Record<string, string> = {}) => {
    const child = execa(file, args, {
      cwd,
      all: true,
      reject: false,
      stdin: 'ignore',
      ...(options.signal ? { cancelSignal: options.signal } : {}),
      // A build runs the project's code and its backend: like every child that may run code
      // from an index, it starts from the allowlist, not from this process's (token-holding) environment.
      extendEnv: false,
      env: {
        ...untrustedEnvironment(process.env, [], () => false),
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        PIP_NO_INPUT: '1',
        ...env,
      },
    });
    child.all?.setEncoding('utf8');
    let partial = '';
    child.all?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line);
    });
    const result = await child;
    if (partial) options.onLine?.(partial);
    if (result.exitCode !== 0) {
      const tail = String(result.all ?? '')
        .split('\n')
        .slice(-8)
        .join('\n');
      throw new Error(`${file} ${args.join(' ')} exited with code ${result.exitCode ?? 'unknown'}:\n${tail}`);
    }
  };
  // A full clone (not shallow): setuptools-scm and hatch-vcs need the tags and history.
  await run('git', ['clone', '--quiet', pathToFileURL(options.remoteDir).href, checkout], options.workDir);
  await run('git', ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', options.ref], checkout);
  // The rehearsal's version step ran between checkout and build: its file edit and its variables.
  const versionEnv =
    options.version === undefined
      ? {}
      : await applyVersion(checkout, options.version, (line) => options.onLine?.(line));
  // The backend is preinstalled; its own requirement metadata may be missing (distribution packages).
  await run(
    options.python,
    ['-m', 'build', '--no-isolation', '--skip-dependency-check', '--outdir', dist, checkout],
    checkout,
    versionEnv,
  );
  const files = await readdir(dist);
  const sdist = files.find((file) => file.endsWith('.tar.gz'));
  const wheel = files.find((file) => file.endsWith('.whl'));
  if (!sdist || !wheel)
    throw new Error(`the build produced ${files.join(', ') || 'nothing'}, not an sdist and a wheel`);
  return { checkout, sdist: join(dist, sdist), wheel: join(dist, wheel) };
}
