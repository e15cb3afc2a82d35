import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectFilesAt } from '../../src/adapters/project-files';
import { loadProject } from '../../src/domain/pyproject';
import { analyzeWorkflow } from '../../src/domain/workflows';
import { readFileSync } from 'node:fs';
import { checkPrerequisites } from '../../src/sandbox/prerequisites';
import { createSampleProject } from '../../src/sandbox/sample-project/create-sample-project';
import type { SampleShape } from '../../src/sandbox/sample-project/sample-files';
import { buildDistributions } from '../../src/sandbox/workflows-sim/build-distributions';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe.each<[SampleShape, string]>([
  ['static', 'static'],
  ['hatch-regex', 'hatch-regex'],
  ['scm', 'setuptools-scm'],
])('the %s sample project', (shape, kind) => {
  let python: string;
  beforeAll(async () => {
    const prerequisites = await checkPrerequisites(shape);
    expect(prerequisites.missing).toEqual([]);
    python = prerequisites.buildPython!;
  });

  it('is a real checkout with history, v0.1.0 pushed, and an origin that only looks like GitHub', async () => {
    const workspace = tempDir();
    const sample = await createSampleProject({
      workspace,
      shape,
      owner: 'sandbox',
      repo: 'quillnote',
      pypiUrl: 'http://127.0.0.1:1',
      testpypiUrl: 'http://127.0.0.1:2',
    });
    expect(git(sample.projectDir, 'config', '--get', 'remote.origin.url')).toBe(
      'https://github.com/sandbox/quillnote.git',
    );
    expect(git(sample.projectDir, 'ls-remote', '--get-url', 'origin')).toBe(`file://${sample.remoteDir}`);
    expect(git(sample.remoteDir, 'tag', '--list')).toBe('v0.1.0');
    expect(git(sample.remoteDir, 'log', '--format=%s', 'v0.1.0..main').split('\n')).toEqual([
      'docs: explain the server options (#5)',
      'fix: keep empty notebooks readable (#4)',
      'feat: search notebooks by tag (#3)',
    ]);
    expect(git(sample.projectDir, 'status', '--porcelain')).toBe('');

    const loaded = loadProject(projectFilesAt(sample.projectDir), { latestTag: 'v0.1.0' });
    expect(loaded.versionSource.kind).toBe(kind);
    expect(loaded.versionSource.currentVersion).toBe('0.1.0');
    expect(loaded.project.entrypoints.map((entry) => entry.name)).toEqual(['quillnote', 'quillnote-server']);
    for (const index of ['pypi', 'testpypi'] as const) {
      const file = `publish-${index}.yml`;
      const text = readFileSync(join(sample.projectDir, '.github', 'workflows', file), 'utf8');
      expect(analyzeWorkflow({ file, text, index, environment: index, tagFormat: 'v{version}' }).findings).toEqual([]);
    }
  });

  it('builds a real sdist and wheel of v0.1.0 with its own PEP 517 backend', async () => {
    const workspace = tempDir();
    const sample = await createSampleProject({
      workspace,
      shape,
      owner: 'sandbox',
      repo: 'quillnote',
      pypiUrl: 'http://127.0.0.1:1',
      testpypiUrl: 'http://127.0.0.1:2',
    });
    const lines: string[] = [];
    const built = await buildDistributions({
      remoteDir: sample.remoteDir,
      ref: 'v0.1.0',
      workDir: join(workspace, 'job'),
      python,
      onLine: (line) => lines.push(line),
    });
    expect(basename(built.wheel)).toBe('quillnote-0.1.0-py3-none-any.whl');
    expect(basename(built.sdist)).toBe('quillnote-0.1.0.tar.gz');
    expect(lines.join('\n')).toContain('Successfully built');
  });
});
