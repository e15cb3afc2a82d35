import { join } from 'node:path';
import { FileJournalStore } from '../adapters/journal-file';
import { GitCli } from '../adapters/git-cli';
import { ExecaProcessRunner } from '../adapters/process-execa';
import { PyreleaseError } from '../domain/errors';
import { Redactor } from '../domain/redactor';

/** Tokens are registered with the redactor the moment they are known. */
const TOKEN_VARIABLES = ['GH_TOKEN', 'GITHUB_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN'];

export interface Workspace {
  cwd: string;
  topLevel: string;
  redactor: Redactor;
  processes: ExecaProcessRunner;
  git: GitCli;
  /** `<git-common-dir>/pyrelease` */
  stateDir: string;
  journalStore: FileJournalStore;
}

/** Finds the repository and the journal's home; shared by every command that needs them. */
export async function openWorkspace(cwd: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<Workspace> {
  const redactor = new Redactor();
  for (const name of TOKEN_VARIABLES) redactor.add(env[name]);
  // Children see the command's environment (the sandbox's, in a demo), not just this process's.
  const processes = new ExecaProcessRunner(redactor, { cwd, env, ...(signal ? { signal } : {}) });
  const git = new GitCli(processes, cwd);
  const topLevel = await git.topLevel();
  if (!topLevel) {
    throw new PyreleaseError('workspace.not-a-repository', `${cwd} is not inside a git repository.`, {
      hint: "Run pyrelease from your Python project's git checkout, or pass --cwd DIR.",
    });
  }
  const stateDir = join(await git.commonDir(), 'pyrelease');
  return {
    cwd,
    topLevel,
    redactor,
    processes,
    git,
    stateDir,
    journalStore: new FileJournalStore(stateDir, { redactor }),
  };
}
