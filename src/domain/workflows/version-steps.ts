import { field } from './parse-triggers';

/** Commands that build the sdist and the wheel, and the action that wraps `python -m build`. */
const BUILD_COMMAND =
  /\b(?:python(?:3(?:\.\d+)?)?\s+-m\s+build|pyproject-build|pipx\s+run\s+build|(?:uv|hatch|poetry|pdm|flit)\s+build)\b/;
const BUILD_ACTION = /^hynek\/build-and-inspect-python-package(?:@|$)/i;

/**
 * Ways a workflow puts a version in place before building: pyrelease writing it, the variables
 * setuptools-scm, hatch-vcs and pdm-backend read, or hatch and poetry writing it (`hatch version`
 * and `poetry version` given an argument; without one they only print it).
 */
const SETS_VERSION = [
  /\bpyrelease(?:@\S*)?\s+bump\s+--set\b/,
  /SETUPTOOLS_SCM_PRETEND_VERSION/,
  /PDM_BUILD_SCM_VERSION/,
  /\b(?:hatch|poetry)\s+version\s+(?![-)|;&])\S/,
];

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? '');
}

/** The step builds the distributions. */
export function isBuildStep(step: unknown): boolean {
  const uses = field(step, 'uses');
  if (typeof uses === 'string' && BUILD_ACTION.test(uses.trim())) return true;
  const run = field(step, 'run');
  return typeof run === 'string' && BUILD_COMMAND.test(run);
}

/** Something in `run` or `env` (of a step, a job or the workflow) sets the version to build. */
export function setsVersion(holder: unknown): boolean {
  const text = `${textOf(field(holder, 'run'))}\n${textOf(field(holder, 'env'))}`;
  return SETS_VERSION.some((pattern) => pattern.test(text));
}
