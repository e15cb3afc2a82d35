import { join } from 'node:path';
import { FileJournalStore } from '../adapters/journal-file';
import { GitCli } from '../adapters/git-cli';
import { ExecaProcessRunner } from '../adapters/process-execa';
import { PyreleaseError } from '../domain/errors';
import { Redactor } from '../domain/redactor';

/** Tokens are registered with the redactor the moment they are known. */
const TOKEN_VARIABLES = ['GH_TOKEN', 'GITHUB_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN'];

let shared: Redactor | undefined;

/**
 * The one redactor of this pyrelease process: every command's output, the event stream, the
 * journal, the log and the error printed at exit go through it. It knows the token variables of
 * `env` and the credentials of every URL in `env` (GITHUB_API_URL, an index or a proxy URL);
 * credentials in a URL it is shown later, it learns as it masks them.
 */
export function sessionRedactor(env: NodeJS.ProcessEnv): Redactor {
  const redactor = (shared ??= new Redactor());
  for (const name of TOKEN_VARIABLES) redactor.add(env[name]);
  for (const value of Object.values(env)) redactor.learn(value);
  return redactor;
}

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
  const redactor = sessionRedactor(env);
  // Children see the command's environment (the sandbox's, in a demo), not just this process's.
  const processes = new ExecaProcessRunner(redactor, { cwd, env, ...(signal ? { signal } : {}) });
  const git = new GitCli(processes, cwd);
  const topLevel = await git.topLevel();
  if (!topLevel) {
    throw new PyreleaseError('workspace.not-a-repository', `${cwd} is not inside a git repository.`, {
      hint: "Run pyrelease from your Python project's git checkout, or pass --cwd DIR.",
    });
  }
  const [commonDir] = await Promise.all([
    git.commonDir(),
    // The remotes' credentials, before anything could print one bare: the runner redacts every
    // line it reads, and redacting a URL teaches the redactor the credentials in it.
    processes.run('git', ['config', '--get-regexp', '^remote\\..*\\.(push)?url$'], { reject: false }),
  ]);
  const stateDir = join(commonDir, 'pyrelease');
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
