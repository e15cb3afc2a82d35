import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sampleFiles, type SampleShape } from './sample-files';
import { sandboxGit } from './sandbox-git';

export interface SampleProjectOptions {
  /** The sandbox workspace: `remote.git` and `project/` are created in it. */
  workspace: string;
  shape: SampleShape;
  name?: string;
  owner: string;
  repo: string;
  pypiUrl: string;
  testpypiUrl: string;
}

export interface SampleProject {
  name: string;
  module: string;
  shape: SampleShape;
  projectDir: string;
  remoteDir: string;
  /** What `origin` says: a GitHub URL, rewritten by git to the local bare repository. */
  originUrl: string;
  /** The release already tagged and published. */
  previous: { version: string; tag: string; sha: string };
}

async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

/** Work after the previous release: what the next release's notes are made of. */
function laterChanges(module: string): { message: string; files: Record<string, string> }[] {
  return [
    {
      message: 'feat: search notebooks by tag (#3)',
      files: {
        [`src/${module}/search.py`]:
          'def search(notes, tag):\n    """Notes carrying #tag."""\n    return ' +
          '[note for note in notes if f"#{tag}" in note]\n',
      },
    },
    {
      message: 'fix: keep empty notebooks readable (#4)',
      files: {
        [`src/${module}/storage.py`]:
          'def read(path):\n    try:\n        with open(path, encoding="utf-8") as ' +
          'handle:\n            return handle.read().splitlines()\n    except ' +
          'FileNotFoundError:\n        return []\n',
      },
    },
    {
      message: 'docs: explain the server options (#5)',
      files: {
        'docs/usage.md':
          `# Usage\n\n\`${module.replace(/_/g, '-')}-server --port 8000\` ` + `serves the notebooks read-only.\n`,
      },
    },
  ];
}

/**
 * A small but real Python project with a history: two console scripts, both publish workflows,
 * a launch checklist and a support matrix, `v0.1.0` tagged, and three changes since.
 * Its `origin` looks like GitHub but git rewrites it to a local bare repository, so nothing
 * can reach the real GitHub.
 */
export async function createSampleProject(options: SampleProjectOptions): Promise<SampleProject> {
  // One word: older setuptools writes dashes into sdist names, which PyPI now refuses (PEP 625).
  const name = options.name ?? 'quillnote';
  const module = name.replace(/-/g, '_');
  const remoteDir = join(options.workspace, 'remote.git');
  const projectDir = join(options.workspace, 'project');
  const originUrl = `https://github.com/${options.owner}/${options.repo}.git`;
  await mkdir(remoteDir, { recursive: true });
  await mkdir(projectDir, { recursive: true });
  await sandboxGit(remoteDir, ['init', '--quiet', '--bare', '--initial-branch=main']);
  await sandboxGit(projectDir, ['init', '--quiet', '--initial-branch=main']);
  // Local config of the sample checkout: the identity, and the rewrite to the bare remote.
  await sandboxGit(projectDir, ['config', 'user.name', 'Sandbox Maintainer']);
  await sandboxGit(projectDir, ['config', 'user.email', 'maintainer@sandbox.invalid']);
  await sandboxGit(projectDir, ['config', 'commit.gpgsign', 'false']);
  await sandboxGit(projectDir, ['config', 'tag.gpgsign', 'false']);
  await sandboxGit(projectDir, ['config', `url.${pathToFileURL(remoteDir).href}.insteadOf`, originUrl]);
  await sandboxGit(projectDir, ['remote', 'add', 'origin', originUrl]);

  const files = sampleFiles({
    name,
    module,
    shape: options.shape,
    version: '0.1.0',
    pypiUrl: options.pypiUrl,
    testpypiUrl: options.testpypiUrl,
  });
  await writeFiles(projectDir, { 'README.md': files['README.md']! });
  await sandboxGit(projectDir, ['add', '.']);
  await sandboxGit(projectDir, ['commit', '--quiet', '-m', 'Initial commit'], { date: '2026-09-01T10:00:00Z' });
  await writeFiles(projectDir, files);
  await sandboxGit(projectDir, ['add', '.']);
  await sandboxGit(projectDir, ['commit', '--quiet', '-m', 'feat: notebooks from the command line (#1)'], {
    date: '2026-09-14T10:00:00Z',
  });
  await sandboxGit(projectDir, ['tag', '-a', 'v0.1.0', '-m', 'Release 0.1.0'], { date: '2026-09-15T10:00:00Z' });
  const sha = await sandboxGit(projectDir, ['rev-parse', 'HEAD']);
  let day = 20;
  for (const change of laterChanges(module)) {
    await writeFiles(projectDir, change.files);
    await sandboxGit(projectDir, ['add', '.']);
    await sandboxGit(projectDir, ['commit', '--quiet', '-m', change.message], { date: `2026-10-${day}T10:00:00Z` });
    day += 3;
  }
  await sandboxGit(projectDir, ['push', '--quiet', '-u', 'origin', 'main']);
  await sandboxGit(projectDir, ['push', '--quiet', 'origin', 'v0.1.0']);
  return {
    name,
    module,
    shape: options.shape,
    projectDir,
    remoteDir,
    originUrl,
    previous: { version: '0.1.0', tag: 'v0.1.0', sha },
  };
}
