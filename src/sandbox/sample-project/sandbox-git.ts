import { execa } from 'execa';

/** Who makes the sample's commits: the sandbox never uses the user's own identity or config. */
export const SANDBOX_IDENTITY = { name: 'Sandbox Maintainer', email: 'maintainer@sandbox.invalid' };

/**
 * Runs git for the sandbox with a pinned identity and no global or system config, so the
 * user's signing keys, hooks and aliases never leak in.
 */
export async function sandboxGit(
  cwd: string,
  args: string[],
  options: { date?: string; env?: Record<string, string> } = {},
): Promise<string> {
  const dateEnv = options.date ? { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date } : {};
  const result = await execa('git', args, {
    cwd,
    env: {
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: SANDBOX_IDENTITY.name,
      GIT_AUTHOR_EMAIL: SANDBOX_IDENTITY.email,
      GIT_COMMITTER_NAME: SANDBOX_IDENTITY.name,
      GIT_COMMITTER_EMAIL: SANDBOX_IDENTITY.email,
      GIT_TERMINAL_PROMPT: '0',
      ...dateEnv,
      ...options.env,
    },
    stdin: 'ignore',
  });
  return String(result.stdout).trim();
}
