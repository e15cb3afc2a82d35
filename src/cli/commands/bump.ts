import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitCli } from '../../adapters/git-cli';
import { ExecaProcessRunner } from '../../adapters/process-execa';
import { PyreleaseError } from '../../domain/errors';
import { writeVersion } from '../../domain/pyproject';
import { Redactor } from '../../domain/redactor';
import { unifiedDiff } from '../../domain/text-diff';
import { BUMP_KINDS, classifyBump, normalizeVersion, resolveRequestedVersion } from '../../domain/version';
import type { CliOptions } from '../options';
import { loadProjectContext, projectRoot } from '../../adapters/project-reader';

/** `pyrelease bump <part|VERSION>`: writes the new version where the project keeps it. */
export async function bumpCommand(options: CliOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const [request, extra] = options.args;
  if (request === undefined || extra !== undefined) {
    throw new PyreleaseError('usage', extra === undefined ? '`pyrelease bump` needs what to bump.' : `\`pyrelease bump\` takes one argument, got "${extra}" too.`, {
      kind: 'usage',
      hint: `Pass one of ${BUMP_KINDS.join(', ')}, or a version such as 1.5.0.`,
    });
  }
  const root = projectRoot(options.cwd);
  const git = new GitCli(new ExecaProcessRunner(new Redactor(), { cwd: root }), root);
  const inRepository = (await git.topLevel()) !== undefined;
  const context = await loadProjectContext(root, inRepository ? git : undefined);
  const source = context.versionSource;
  const name = context.project.name;

  if (source.scm) {
    throw new PyreleaseError('bump.scm', `${name} takes its version from git tags (${source.kind}): the tag is the version, so there is nothing to write.`, {
      hint: `Release by tagging instead: \`pyrelease\` creates and pushes the tag (${context.config.tagFormat}) for you.`,
    });
  }
  if (!source.writable || source.currentVersion === undefined) {
    throw new PyreleaseError('bump.not-writable', `The version of ${name} is in ${source.file} (${source.kind}), which pyrelease reads but does not write.`, {
      hint: 'Move the version to pyproject.toml ([project] version), or edit it by hand.',
    });
  }

  const current = source.currentVersion;
  const next = resolveRequestedVersion(current, request);
  const normal = normalizeVersion(request.trim());
  if (normal !== undefined && normal !== request.trim()) stdout.write(`Using ${next}, the normal form of ${request.trim()} (PEP 440).\n`);

  const before = context.files.read(source.file) ?? '';
  const after = writeVersion(source, before, next);
  stdout.write(`${unifiedDiff(source.file, before, after)}\n`);
  const change = `${name} ${current} → ${next} (${classifyBump(current, next)})`;
  if (options.dryRun) {
    stdout.write(`${change}: dry run, ${source.file} was not changed.\n`);
    return 0;
  }
  await writeFile(join(root, source.file), after, 'utf8');
  stdout.write(`${change}: wrote ${source.file}.\n`);
  return 0;
}
