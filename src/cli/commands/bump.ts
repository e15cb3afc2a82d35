import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitCli } from '../../adapters/git-cli';
import { ExecaProcessRunner } from '../../adapters/process-execa';
import { PyreleaseError } from '../../domain/errors';
import { writeVersion, type ScmVersionSource } from '../../domain/pyproject';
import { Redactor } from '../../domain/redactor';
import { unifiedDiff } from '../../domain/text-diff';
import {
  BUMP_KINDS,
  classifyBump,
  normalizeVersion,
  requireVersion,
  resolveRequestedVersion,
} from '../../domain/version';
import { localVersionError } from '../../domain/version/version-errors';
import type { CliOptions } from '../options';
import { loadProjectContext, projectRoot } from '../../adapters/project-reader';

/**
 * `pyrelease bump <part|VERSION>` writes the next version where the project keeps it;
 * `pyrelease bump --set VERSION` writes exactly that one, lower or a pre-release included: a
 * TestPyPI rehearsal builds `1.4.0rc1` from a commit that says `1.4.0`.
 */
export async function bumpCommand(options: CliOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const request = requestOf(options);
  const root = projectRoot(options.cwd);
  const git = new GitCli(new ExecaProcessRunner(new Redactor(), { cwd: root }), root);
  const inRepository = (await git.topLevel()) !== undefined;
  const context = await loadProjectContext(root, inRepository ? git : undefined);
  const source = context.versionSource;
  const name = context.project.name;

  if (source.scm) {
    if (request.set !== undefined) {
      const { version } = request.set;
      stdout.write(
        `${name} takes its version from git tags (${source.kind}): there is no file to write ` +
          `${version} into.\n${scmOverride(source, version)}\n`,
      );
      return 0;
    }
    throw new PyreleaseError(
      'bump.scm',
      `${name} takes its version from git tags (${source.kind}): the tag is the version, so there is nothing to write.`,
      {
        hint:
          `Release by tagging instead: \`pyrelease\` creates and pushes the tag ` +
          `(${context.config.tagFormat}) for you.`,
      },
    );
  }
  if (!source.writable || source.currentVersion === undefined) {
    throw new PyreleaseError(
      'bump.not-writable',
      `The version of ${name} is in ${source.file} (${source.kind}), which pyrelease reads but does not write.`,
      {
        hint: 'Move the version to pyproject.toml ([project] version), or edit it by hand.',
      },
    );
  }

  const current = source.currentVersion;
  const typed = (request.set === undefined ? request.part : request.set.typed).trim();
  const next = request.set === undefined ? resolveRequestedVersion(current, request.part) : request.set.version;
  const normal = normalizeVersion(typed);
  if (normal !== undefined && normal !== typed) stdout.write(`Using ${next}, the normal form of ${typed} (PEP 440).\n`);

  const before = context.files.read(source.file) ?? '';
  const after = writeVersion(source, before, next);
  if (after === before) {
    stdout.write(`${name} is already ${next} in ${source.file}: nothing to write.\n`);
    return 0;
  }
  stdout.write(`${unifiedDiff(source.file, before, after)}\n`);
  // `--set` skips the ordering check, so a step down or sideways is no bump to classify.
  const change = `${name} ${current} → ${next} (${request.set === undefined ? classifyBump(current, next) : 'set'})`;
  if (options.dryRun) {
    stdout.write(`${change}: dry run, ${source.file} was not changed.\n`);
    return 0;
  }
  await writeFile(join(root, source.file), after, 'utf8');
  stdout.write(`${change}: wrote ${source.file}.\n`);
  return 0;
}

type Request = { set: { typed: string; version: string }; part?: undefined } | { set?: undefined; part: string };

/**
 * Either one bump argument or `--set VERSION`, never both. The version given to `--set` is
 * checked here, before anything is read: a typo fails the same in every project.
 */
function requestOf(options: CliOptions): Request {
  const [part, extra] = options.args;
  const usage = (message: string, hint: string) => new PyreleaseError('usage', message, { kind: 'usage', hint });
  if (options.set !== undefined) {
    if (part !== undefined)
      throw usage(
        `\`pyrelease bump --set\` writes the version it is given; drop "${part}".`,
        'Use either `pyrelease bump <part|VERSION>` or `pyrelease bump --set VERSION`.',
      );
    if (options.set.trim() === '')
      throw usage('`pyrelease bump --set` needs a version.', 'For example: pyrelease bump --set 1.5.0rc1');
    return { set: { typed: options.set, version: exactVersion(options.set) } };
  }
  if (part === undefined || extra !== undefined) {
    throw usage(
      extra === undefined
        ? '`pyrelease bump` needs what to bump.'
        : `\`pyrelease bump\` takes one argument, got "${extra}" too.`,
      `Pass one of ${BUMP_KINDS.join(', ')}, or a version such as 1.5.0.`,
    );
  }
  return { part };
}

/** PEP 440 valid and public (PyPI and TestPyPI refuse local versions), in normal form. */
function exactVersion(text: string): string {
  const version = requireVersion(text);
  if (version.hasLocal) throw localVersionError(version.text, version.public);
  return version.text;
}

/** The variable the project's build backend reads in place of the tag. */
function scmOverride(source: ScmVersionSource, version: string): string {
  const variable = source.kind === 'pdm-scm' ? 'PDM_BUILD_SCM_VERSION' : 'SETUPTOOLS_SCM_PRETEND_VERSION';
  return (
    `To build ${version} from this commit, set ${variable}=${version} in the build's environment ` +
    `(the TestPyPI workflow \`pyrelease init\` writes does).`
  );
}
