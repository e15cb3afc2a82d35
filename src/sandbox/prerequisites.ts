import { execa } from 'execa';
import type { SampleShape } from './sample-project/sample-files';

/** The Python modules a real build of each sample shape needs (the PEP 517 frontend and backend). */
const BUILD_MODULES: Record<SampleShape, string[]> = {
  static: ['build', 'setuptools', 'wheel'],
  'hatch-regex': ['build', 'hatchling'],
  scm: ['build', 'setuptools', 'wheel', 'setuptools_scm'],
};

/** Debian package names for those modules, for the message. */
const DEBIAN_PACKAGES: Record<string, string> = {
  build: 'python3-build',
  setuptools: 'python3-setuptools',
  wheel: 'python3-wheel',
  hatchling: 'python3-hatchling',
  setuptools_scm: 'python3-setuptools-scm',
};

export interface Prerequisites {
  /** A Python that can build the sample (simulated CI). */
  buildPython: string | undefined;
  /** A Python that can make virtual environments (the smoke tests). */
  venvPython: string | undefined;
  missing: string[];
}

async function works(file: string, args: string[]): Promise<boolean> {
  const result = await execa(file, args, { reject: false, stdin: 'ignore', timeout: 20_000 });
  return result.exitCode === 0;
}

/** Finds what the sandbox needs and says exactly what is missing, with the command that installs it. */
export async function checkPrerequisites(
  shape: SampleShape,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Prerequisites> {
  const missing: string[] = [];
  if (!(await works('git', ['--version']))) missing.push('git (Debian: apt-get install git)');
  // A Python named explicitly is the only one tried: the user chose it.
  const chosen = env['PYRELEASE_SANDBOX_PYTHON'];
  const candidates = chosen ? [chosen] : ['python3', '/usr/bin/python3'];
  const modules = BUILD_MODULES[shape];
  let buildPython: string | undefined;
  let venvPython: string | undefined;
  for (const candidate of candidates) {
    if (!buildPython && (await works(candidate, ['-c', `import ${modules.join(', ')}`]))) buildPython = candidate;
    if (!venvPython && (await works(candidate, ['-c', 'import venv, ensurepip']))) venvPython = candidate;
  }
  if (!venvPython) missing.push('python3 with venv (Debian: apt-get install python3-venv)');
  if (!buildPython) {
    const packages = modules.map((module) => DEBIAN_PACKAGES[module]).join(' ');
    missing.push(
      `a Python with ${modules.join(', ')} for the simulated CI builds (Debian: apt-get install ` +
        `${packages}; elsewhere: python3 -m pip install ${modules.map((module) => module.replace('_', '-')).join(' ')})`,
    );
  }
  return { buildPython, venvPython, missing };
}
