import type { GitHubSim } from '../github-sim';
import { sandboxGit } from './sandbox-git';

/**
 * The merged pull requests behind the sample's history: each squash commit's subject is the
 * title plus `(#N)`, as GitHub writes it. Their labels are what release notes sort by. (#2 was
 * an issue: pull requests and issues share the numbers.)
 */
export const SAMPLE_PULL_REQUESTS = [
  { number: 1, title: 'feat: notebooks from the command line', head: 'notebooks-cli', labels: ['enhancement'] },
  { number: 3, title: 'feat: search notebooks by tag', head: 'search-by-tag', labels: ['enhancement'] },
  { number: 4, title: 'fix: keep empty notebooks readable', head: 'empty-notebooks', labels: ['bug'] },
  { number: 5, title: 'docs: explain the server options', head: 'server-docs', labels: ['documentation'] },
];

/**
 * Tells the simulated GitHub about them, merged by the commits on `base` of the bare remote (the branches are long
 * deleted).
 */
export async function seedSamplePullRequests(sim: GitHubSim, remoteDir: string, base: string): Promise<void> {
  const log = await sandboxGit(remoteDir, ['log', '--format=%H%x1f%cI%x1f%s', `refs/heads/${base}`]);
  const bySubject = new Map(
    log.split('\n').map((line) => {
      const [sha = '', date = '', subject = ''] = line.split('\u001f');
      return [subject, { sha, date }] as const;
    }),
  );
  for (const pull of SAMPLE_PULL_REQUESTS) {
    const commit = bySubject.get(`${pull.title} (#${pull.number})`);
    if (!commit)
      throw new Error(`the sample's ${base} has no commit for pull request #${pull.number} ("${pull.title}")`);
    sim.addPullRequest({ ...pull, base, merged: { sha: commit.sha, at: commit.date } });
  }
}
