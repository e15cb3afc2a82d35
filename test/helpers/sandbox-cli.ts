import { execa, type ResultPromise } from 'execa';
import { checkPrerequisites } from '../../src/sandbox/prerequisites';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { scenarioNamed, type SandboxScenario } from '../../src/sandbox/scenarios';
import { BIN, type CliRun } from './cli';

/** A sandbox paced for tests: no step delays, checks that settle at once, no index lag. */
export async function fastSandbox(
  name = 'default',
  change: (scenario: SandboxScenario) => void = () => {},
): Promise<Sandbox> {
  const scenario = scenarioNamed(name);
  if (!scenario) throw new Error(`no scenario ${name}`);
  scenario.actions.stepDelayMs = 0;
  scenario.actions.checkDelayMs = 0;
  scenario.indexLagMs = 0;
  change(scenario);
  const prerequisites = await checkPrerequisites(scenario.shape);
  if (!prerequisites.buildPython) throw new Error(prerequisites.missing.join('; '));
  return createSandbox({ scenario, python: prerequisites.buildPython });
}

/** The environment of a run of the built binary inside the sandbox, without a terminal. */
export function sandboxEnv(sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...sandbox.env,
    CI: 'true',
    NO_COLOR: '1',
    PYRELEASE_POLL_INTERVAL_MS: '25',
    EDITOR: '',
    VISUAL: '',
    GIT_EDITOR: 'true',
    ...extra,
  };
}

/** Starts the built binary in the sample project (asynchronously: the sandbox lives in this process). */
export function startInSandbox(
  sandbox: Sandbox,
  args: string[],
  extra: Record<string, string> = {},
): ResultPromise<{ cwd: string; env: Record<string, string>; reject: false; stdin: 'ignore'; timeout: number }> {
  return execa(process.execPath, [BIN, ...args], {
    cwd: sandbox.project.projectDir,
    env: sandboxEnv(sandbox, extra),
    reject: false,
    stdin: 'ignore',
    timeout: 230_000,
  });
}

export async function runInSandbox(
  sandbox: Sandbox,
  args: string[],
  extra: Record<string, string> = {},
): Promise<CliRun> {
  const result = await startInSandbox(sandbox, args, extra);
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
