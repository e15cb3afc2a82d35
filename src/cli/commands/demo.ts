import { execa } from 'execa';
import { PyreleaseError } from '../../domain/errors';
import { checkPrerequisites } from '../../sandbox/prerequisites';
import { createSandbox, type Sandbox } from '../../sandbox/sandbox';
import { SCENARIOS, scenarioNamed } from '../../sandbox/scenarios';
import type { Terminal } from '../front-end';
import { guardFetchToLoopback } from '../loopback-guard';
import type { CliOptions } from '../options';
import { installSignalHandlers } from '../signals';
import { checkGivenAnswers, releaseCommand } from './release';

function scenarioList(): string {
  return Object.entries(SCENARIOS)
    .map(([name, scenario]) => `  ${name.padEnd(18)} ${scenario.description}`)
    .join('\n');
}

/** Before anything runs: every address the wizard will use is on this machine. */
async function assertSandboxed(sandbox: Sandbox): Promise<void> {
  const origin = (
    await execa('git', ['ls-remote', '--get-url', 'origin'], { cwd: sandbox.project.projectDir })
  ).stdout.trim();
  const local = [sandbox.env.GITHUB_API_URL, sandbox.pypi.url, sandbox.testpypi.url].every(
    (url) => url !== undefined && new URL(url).hostname === '127.0.0.1',
  );
  if (!origin.startsWith('file://') || !local) {
    throw new PyreleaseError('demo.not-sandboxed', `The sandbox is not sealed (origin ${origin}).`, {
      hint: 'This is a bug in pyrelease demo; nothing was run.',
    });
  }
}

function layout(sandbox: Sandbox): string {
  return [
    `The sandbox is kept in ${sandbox.workspace}:`,
    `  project/             the sample project's checkout (${sandbox.project.name}); run pyrelease in it again`,
    `  remote.git/          its bare "GitHub" remote (hooks/ tells the simulator about pushes)`,
    `  indexes/pypi/        the sandbox PyPI: files/<project>/ holds every uploaded sdist and wheel`,
    `  indexes/testpypi/    the sandbox TestPyPI, the same way`,
    `  runner/              the simulated Actions runs' checkouts and builds`,
    `  simulator.log        what the simulated GitHub and its workflows did`,
  ].join('\n');
}

/** `pyrelease demo`: a whole release in an offline sandbox built for the occasion. */
export async function demoCommand(options: CliOptions, terminal: Terminal): Promise<number> {
  const name = options.scenario ?? 'default';
  const scenario = scenarioNamed(name);
  if (!scenario) {
    throw new PyreleaseError('usage', `There is no demo scenario "${name}".`, {
      kind: 'usage',
      hint: `Pick one of:\n${scenarioList()}`,
    });
  }
  // A misspelt --answer is refused before the sandbox is built, not a minute later.
  checkGivenAnswers(options.answers);
  const say = (line: string) => terminal.stdout.write(`${line}\n`);
  const prerequisites = await checkPrerequisites(scenario.shape, terminal.env);
  if (prerequisites.missing.length > 0 || !prerequisites.buildPython) {
    throw new PyreleaseError(
      'demo.prerequisites',
      `pyrelease demo needs what it cannot find here:\n${prerequisites.missing.map((item) => `  - ${item}`).join('\n')}`,
      {
        hint: 'Install those, then run `pyrelease demo` again.',
      },
    );
  }

  // Handlers first: a Ctrl-C from the first line on must still clean up.
  const controller = new AbortController();
  const removeHandlers = installSignalHandlers(controller);
  say(`Building the sandbox: ${scenario.description} (scenario ${name})…`);
  let sandbox: Sandbox | undefined;
  const guard = guardFetchToLoopback();
  try {
    sandbox = await createSandbox({ scenario, python: prerequisites.buildPython });
    removeHandlers();
    if (controller.signal.aborted) return 130;
    await assertSandboxed(sandbox);
    say(
      `Sandbox ready: ${sandbox.project.name} ${sandbox.project.previous.version} is on the ` +
        `sandbox PyPI (${sandbox.pypi.url}); GitHub is ` +
        `simulated at ${sandbox.github.url}.`,
    );
    say(`Releasing from ${sandbox.project.projectDir}\n`);
    const code = await releaseCommand(
      { ...options, command: 'release', cwd: sandbox.project.projectDir, resume: false, hotfix: false },
      { ...terminal, env: { ...terminal.env, ...sandbox.env } },
    );
    if (guard.refused.length > 0) {
      throw new PyreleaseError('demo.network', `The demo tried to reach ${guard.refused.join(', ')}.`, {
        hint: 'This is a bug in pyrelease demo.',
      });
    }
    return code;
  } finally {
    removeHandlers();
    guard.restore();
    if (sandbox) {
      await sandbox.stop({ keep: options.keep });
      say(options.keep ? `\n${layout(sandbox)}` : '\nThe sandbox was removed (keep it with --keep).');
    }
  }
}
