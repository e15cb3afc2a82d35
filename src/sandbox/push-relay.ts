import { chmod, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { GitHubSim } from './github-sim';
import { sandboxGit } from './sample-project/sandbox-git';

const ZERO = /^0+$/;

/**
 * Set (to `1`) in the environment of the sandbox merge bot's `git push`: the protected-branch hook
 * lets it through, as GitHub's merge button is not a push by a user. Git hands the pusher's
 * environment to the hooks of a local remote.
 */
export const MERGE_BOT_ENV = 'PYRELEASE_SANDBOX_MERGE_BOT';

export interface PushRelay {
  url: string;
  stop(): Promise<void>;
}

/** What a push brings: the commits GitHub would now know, tag objects, then the moved refs. */
export async function reportPush(sim: GitHubSim, remoteDir: string, lines: string[]): Promise<void> {
  for (const line of lines) {
    const [before = '', sha = '', ref = ''] = line.trim().split(/\s+/);
    if (!ref) continue;
    if (!ZERO.test(sha)) {
      const range = ZERO.test(before) ? [sha] : [sha, `^${before}`];
      const log = await sandboxGit(remoteDir, ['log', '--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%B%x1e', ...range]);
      const commits = log
        .split('\u001e')
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
          const [hash = '', parents = '', name = '', email = '', date = '', ...message] = entry.split('\u001f');
          return {
            sha: hash,
            parents: parents.split(' ').filter(Boolean),
            author: { name, email },
            date,
            message: message.join('\u001f').trim(),
          };
        });
      sim.addCommits(commits.reverse());
      if ((await sandboxGit(remoteDir, ['cat-file', '-t', sha])) === 'tag') {
        const [object = '', name = '', email = '', date = '', ...message] = (
          await sandboxGit(remoteDir, [
            'for-each-ref',
            '--format=%(*objectname)%1f%(taggername)%1f%(taggeremail:trim)%1f%(taggerdate:iso-strict)%1f%(contents)',
            ref,
          ])
        ).split('\u001f');
        sim.addTagObject({
          sha,
          tag: ref.replace('refs/tags/', ''),
          object,
          message: message.join('\u001f').trim(),
          tagger: { name, email, date },
        });
      }
    }
    sim.onPush({ ref, sha, before });
  }
}

/**
 * A loopback endpoint the bare remote's post-receive hook posts to, so the simulated GitHub
 * learns about every push the moment `git push` happens — exactly when GitHub would.
 */
export async function startPushRelay(
  sim: GitHubSim,
  remoteDir: string,
  log: (line: string) => void,
): Promise<PushRelay> {
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      reportPush(sim, remoteDir, body.split('\n')).then(
        () => {
          log(`push: ${body.trim().replace(/\n/g, '; ')}`);
          response.writeHead(204).end();
        },
        (error: unknown) => {
          log(`push relay error: ${String(error)}`);
          response.writeHead(500).end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/push`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Installs the bare remote's hooks: the push relay, and optionally a protected branch (which only the merge bot may
 * push to).
 */
export async function installRemoteHooks(
  remoteDir: string,
  relayUrl: string,
  options: { protectedBranch?: string } = {},
): Promise<void> {
  const hooks = join(remoteDir, 'hooks');
  const relayScript = join(hooks, 'relay-push.cjs');
  await writeFile(
    relayScript,
    `const input = require('node:fs').readFileSync(0, 'utf8');
fetch(${JSON.stringify(relayUrl)}, { ` +
      `method: 'POST', body: input }).then(
  (response) => { if ` +
      `(!response.ok) { console.error('sandbox: the push relay answered ' + ` +
      `response.status); process.exitCode = 1; } },
  (error) => { ` +
      `console.error('sandbox: the push relay is unreachable: ' + ` +
      `error.message); process.exitCode = 1; },
);
`,
  );
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  await writeFile(join(hooks, 'post-receive'), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(relayScript)}\n`);
  await chmod(join(hooks, 'post-receive'), 0o755);
  if (options.protectedBranch) {
    const ref = `refs/heads/${options.protectedBranch}`;
    await writeFile(
      join(hooks, 'pre-receive'),
      `#!/bin/sh\nif [ "$${MERGE_BOT_ENV}" = 1 ]; then\n  cat >/dev/null\n  exit ` +
        `0\nfi\nwhile read old new ref; do\n  if [ "$ref" = ${quote(ref)} ]; then\n    ` +
        `echo "error: GH006: Protected branch update failed for ${ref}." >&2\n    ` +
        `echo "error: Changes must be made through a pull request." >&2\n    ` +
        `exit 1\n  fi\ndone\n`,
    );
    await chmod(join(hooks, 'pre-receive'), 0o755);
  }
}
