import type { Clock } from '../../ports/clock';
import type { Editor } from '../../ports/editor';
import type { GitRepositoryReads, GitWrites } from '../../ports/git';
import type { GitHubReads, GitHubWrites } from '../../ports/github';
import type { PackageIndexReads } from '../../ports/package-index';
import type { ProjectReads } from '../../ports/project';
import type { PythonEnvironments } from '../../ports/python';
import type { ReleaseSession } from './release-session';

/** How fast to poll what changes on its own (checks, runs, indexes); tests and the sandbox go faster. */
export interface Pacing {
  pollIntervalMs: number;
}

/** The ports the release plan works with. */
export interface ReleasePorts {
  reads: {
    git: GitRepositoryReads;
    /** The working tree's files; the project as parsed comes from `session`. */
    project: Pick<ProjectReads, 'readFile'>;
    session: ReleaseSession;
    github: GitHubReads;
    /** `owner/repo` of the GitHub repository (from origin), for messages and links. */
    repository: () => Promise<{ owner: string; repo: string; htmlUrl: string }>;
    pypi: PackageIndexReads;
    testpypi: PackageIndexReads;
    clock: Clock;
    pacing: Pacing;
    /** Who is at the keyboard, for the record of checklist confirmations. */
    user: string;
    /**
     * Throwaway venvs for the smoke tests. Among the reads: they change nothing anyone else sees,
     * and are removed again (or kept for the user when something failed).
     */
    python: PythonEnvironments;
    /** The user's environment, to say which of their pip index settings the smoke tests ignore. */
    env: Readonly<Record<string, string | undefined>>;
  };
  writes: {
    git: GitWrites;
    github: GitHubWrites;
    editor: Editor;
  };
}
