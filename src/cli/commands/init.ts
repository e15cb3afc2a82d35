import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checklistTemplate } from '../../domain/checklist-template';
import { DEFAULT_CONFIG, PACKAGE_INDEXES, loadConfig, renderConfigTable } from '../../domain/config';
import { readPyproject } from '../../domain/pyproject';
import { analyzeWorkflow, renderPublishWorkflow, trustedPublisherValues } from '../../domain/workflows';
import type { CliOptions } from '../options';
import { projectRoot } from '../../adapters/project-reader';
import { findGitHubRepository } from '../github-repository';

interface PlannedFile {
  path: string;
  what: string;
  /** The whole new content, or for pyproject.toml the text to append. */
  content: string;
  append?: boolean;
}

/** Appends a TOML table after the existing text, keeping its line endings and final newline. */
function appendTable(existing: string, table: string): string {
  const newline = existing.includes('\r\n') ? '\r\n' : '\n';
  const body = table.replace(/\n/g, newline);
  const separator = existing.length === 0 ? '' : existing.endsWith(newline) ? newline : newline + newline;
  return existing + separator + body + (body.endsWith(newline) ? '' : newline);
}

/** `pyrelease init`: writes what is missing, never overwrites, and prints the trusted-publisher values. */
export async function initCommand(options: CliOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const root = projectRoot(options.cwd);
  const pyprojectPath = join(root, 'pyproject.toml');
  const pyprojectText = existsSync(pyprojectPath) ? await readFile(pyprojectPath, 'utf8') : '';
  const setupCfgPath = join(root, 'setup.cfg');
  const setupCfgText = existsSync(setupCfgPath) ? await readFile(setupCfgPath, 'utf8') : undefined;
  const project = readPyproject(pyprojectText, setupCfgText === undefined ? {} : { setupCfgText });
  const config = loadConfig(project.data, pyprojectText);
  const hasTable = /^\s*\[\s*tool\s*\.\s*pyrelease\s*[\].]/m.test(pyprojectText);
  const say = (line: string) => stdout.write(`${line}\n`);

  const planned: PlannedFile[] = [];
  for (const index of PACKAGE_INDEXES) {
    const path = `.github/workflows/${config.workflows[index]}`;
    if (existsSync(join(root, path))) {
      const analysis = analyzeWorkflow({
        file: config.workflows[index],
        text: await readFile(join(root, path), 'utf8'),
        index,
        environment: config.environments[index],
        tagFormat: config.tagFormat,
      });
      const serious = analysis.findings.filter((finding) => finding.severity !== 'info');
      say(
        `= ${path} exists, left as is${serious.length ? ` (${serious.length} finding(s): see \`pyrelease doctor\`)` : ''}`,
      );
      continue;
    }
    planned.push({
      path,
      what: `publish workflow for ${index === 'pypi' ? 'PyPI' : 'TestPyPI'}`,
      content: renderPublishWorkflow({
        index,
        projectName: project.name,
        environment: config.environments[index],
        tagFormat: config.tagFormat,
        indexUrl: config.index[index],
      }),
    });
  }
  if (hasTable) say('= [tool.pyrelease] exists in pyproject.toml, left as is');
  else
    planned.push({
      path: 'pyproject.toml',
      what: '[tool.pyrelease] table with the defaults',
      content: renderConfigTable(DEFAULT_CONFIG),
      append: true,
    });
  if (existsSync(join(root, config.checklist))) say(`= ${config.checklist} exists, left as is`);
  else planned.push({ path: config.checklist, what: 'launch checklist', content: checklistTemplate(project.name) });

  for (const file of planned) {
    if (options.dryRun) {
      say(`○ would write ${file.path} (${file.what})`);
      continue;
    }
    const target = join(root, file.path);
    await mkdir(dirname(target), { recursive: true });
    // `wx`: a file that appeared meanwhile is never overwritten.
    if (file.append) await writeFile(target, appendTable(pyprojectText, file.content), 'utf8');
    else await writeFile(target, file.content, { encoding: 'utf8', flag: 'wx' });
    say(`+ wrote ${file.path} (${file.what})`);
  }
  if (planned.length === 0) say('Nothing to write: everything pyrelease needs is already there.');

  const repository = await findGitHubRepository(root);
  say('');
  say('Now add the trusted publishers (the values must match exactly):');
  for (const index of PACKAGE_INDEXES) {
    const values = trustedPublisherValues({
      owner: repository?.owner ?? '<owner>',
      repo: repository?.repo ?? '<repository>',
      workflowFile: config.workflows[index],
      environment: config.environments[index],
      projectName: project.name,
      index,
      indexUrl: config.index[index],
    });
    say(`  ${index === 'pypi' ? 'PyPI' : 'TestPyPI'}: ${values.projectPageUrl}`);
    say(`    (a project not on the index yet: ${values.pendingPageUrl})`);
    for (const field of values.fields)
      say(`    ${field.label}: ${field.value}${field.pendingOnly ? ' (new projects only)' : ''}`);
  }
  if (!repository)
    say(
      '  The origin remote is not a GitHub URL: put your GitHub owner and ' +
        'repository where <owner> and <repository> stand.',
    );
  say('');
  say('In the GitHub repository settings, create the environments testpypi and pypi; give pypi required reviewers.');
  return 0;
}
