import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { MemoryJournalStore } from '../../adapters/journal-memory';
import { LogFile } from '../../adapters/log-file';
import { systemClock } from '../../adapters/system-clock';
import { PyreleaseError } from '../../domain/errors';
import type { Redactor } from '../../domain/redactor';
import type { GivenAnswers } from '../../engine/answers';
import { resolveAnswer } from '../../engine/ask';
import { EventHub } from '../../engine/event-hub';
import type { EngineEvent } from '../../engine/events';
import { Journal, loadJournal, newJournalData } from '../../engine/journal';
import { flowById } from '../../engine/flows/registry';
import { runPlan } from '../../engine/runner';
import { LineRenderer } from '../../plain/line-renderer';
import type { JournalData, LockHandle } from '../../ports/journal-store';
import type { PythonEnvironments } from '../../ports/python';
import { answerIdsOf, checkAnswerIds } from '../answer-ids';
import { redactingPrompter } from '../redacting-prompter';
import { startFrontEnd, type FrontEnd, type Terminal } from '../front-end';
import { formatJournal } from '../journal-summary';
import type { CliOptions } from '../options';
import { createReleasePorts } from '../release-ports';
import { installSignalHandlers } from '../signals';
import { VERSION } from '../version';
import { openWorkspace, type Workspace } from '../workspace';

function newReleaseId(now: number): string {
  return `${new Date(now).toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
}

/** Every string an event carries passes the redactor before anyone sees it. */
function redacting(redactor: Redactor, emit: (event: EngineEvent) => void): (event: EngineEvent) => void {
  return (event) =>
    emit(event.type === 'output' ? { ...event, line: redactor.redact(event.line) } : redactor.redactDeep(event));
}

/** The flow a new run starts. A resume continues the journal's flow. */
const NEW_FLOW = 'release';

/** The question the command asks itself, before any flow starts, when a release is in progress. */
const EXISTING_RELEASE = 'journal.existing';

/**
 * Refuses `--answer` and `--answers` ids no question of the run has, before anything runs: no
 * workspace, no lock, no journal read. The ids are the plan's `asks` and the command's own question.
 * The journal is not read yet, so the flow is the one a new run starts: the release, today the only
 * flow, so also the one any journal resumes.
 */
export function checkGivenAnswers(answers: GivenAnswers): void {
  if (Object.keys(answers).length === 0) return;
  const flow = flowById(NEW_FLOW);
  checkAnswerIds(answers, answerIdsOf(flow.plan(flow.params({})), [EXISTING_RELEASE]), flow.noun);
}

/**
 * Smoke venvs a stopped session left behind are removed (a dry run only counts them); the ones
 * kept after a failed smoke test stay, and are named, so they are not forgotten in /tmp.
 */
async function sweepVenvs(python: PythonEnvironments, emit: (event: EngineEvent) => void, dryRun: boolean) {
  const { removed, kept } = dryRun ? { removed: [], kept: [] } : await python.sweep();
  if (removed.length > 0) {
    emit({
      type: 'note',
      level: 'info',
      message: `Removed ${removed.length} smoke-test venv(s) an interrupted session left behind.`,
    });
  }
  if (kept.length > 0) {
    emit({
      type: 'note',
      level: 'info',
      message: `Kept from earlier failed smoke tests (remove them when done): ${kept.join(', ')}`,
    });
  }
}

type Start = { kind: 'new' } | { kind: 'resume'; data: JournalData } | { kind: 'shown' };

/** A release in progress and no --resume: ask what to do with it. */
async function decideStart(
  options: CliOptions,
  workspace: Workspace,
  frontEnd: FrontEnd,
  emit: (event: EngineEvent) => void,
  signal: AbortSignal,
  print: (text: string) => void,
): Promise<Start> {
  const existing = await loadJournal(workspace.journalStore);
  if (options.resume) {
    if (!existing) {
      throw new PyreleaseError('resume.nothing', 'There is no release in progress to resume.', {
        hint: 'Start one with `pyrelease`.',
      });
    }
    return { kind: 'resume', data: existing };
  }
  if (!existing) return { kind: 'new' };
  const what = [existing.release.project, existing.release.to].filter(Boolean).join(' ') || existing.releaseId;
  const question = {
    kind: 'select' as const,
    id: EXISTING_RELEASE,
    message: `A release is in progress (${what}, ${existing.state}). What now?`,
    choices: [
      { value: 'resume', label: 'Resume it', hint: 'continue from the first unfinished step' },
      { value: 'show', label: 'Show it', hint: 'print its journal and stop' },
      { value: 'abandon', label: 'Abandon it', hint: 'move it to the history and start a new release' },
    ],
    default: 'resume',
  };
  const { value, source } = await resolveAnswer(question, {
    given: options.answers,
    yes: options.yes,
    prompter: redactingPrompter(frontEnd.prompter, workspace.redactor),
    signal,
    onAsk: () => emit({ type: 'question', step: 'start', question }),
  });
  emit({
    type: 'answered',
    step: 'start',
    questionId: question.id,
    message: question.message,
    answer: value,
    source,
  });
  if (value === 'show') {
    // A journal an older pyrelease wrote may hold what today's redactor would mask.
    print(workspace.redactor.redact(formatJournal(existing, workspace.journalStore.path)));
    return { kind: 'shown' };
  }
  if (value === 'abandon' && options.dryRun) {
    // A dry run changes nothing, the journal on disk included: it rehearses a new release in memory.
    emit({
      type: 'note',
      level: 'info',
      message: 'Dry run: the release in progress stays as it is; a new one is rehearsed beside it.',
    });
    return { kind: 'new' };
  }
  if (value === 'abandon') {
    const journal = new Journal(existing, workspace.journalStore, systemClock);
    const path = await journal.archive('abandoned');
    emit({ type: 'note', level: 'info', message: `The previous release was abandoned; its record is in ${path}.` });
    return { kind: 'new' };
  }
  return { kind: 'resume', data: existing };
}

export async function releaseCommand(options: CliOptions, terminal: Terminal): Promise<number> {
  checkGivenAnswers(options.answers);
  const controller = new AbortController();
  const removeSignalHandlers = installSignalHandlers(controller);
  const workspace = await openWorkspace(options.cwd, terminal.env, controller.signal);
  const hub = new EventHub();
  const emit = redacting(workspace.redactor, hub.emit);
  let lock: LockHandle | undefined;
  let log: LogFile | undefined;
  const frontEnd = await startFrontEnd({ plain: options.plain, terminal, hub, onCancel: () => controller.abort() });
  const print = (text: string): void => void terminal.stdout.write(`${text}\n`);
  try {
    await frontEnd.ready;
    // A dry run changes nothing, its own journal included: it lives in memory.
    if (!options.dryRun) {
      lock = await workspace.journalStore.lock();
      if (lock.tookOverFrom) {
        emit({
          type: 'note',
          level: 'info',
          message:
            `A previous session (pid ${lock.tookOverFrom.pid}) ended without cleaning up; its lock was ` +
            `taken over.`,
        });
      }
    }
    const start = await decideStart(options, workspace, frontEnd, emit, controller.signal, print);
    if (start.kind === 'shown') return 0;

    const now = systemClock.now();
    const data =
      start.kind === 'resume'
        ? { ...start.data, state: 'in-progress' as const, writtenBy: VERSION }
        : newJournalData({ releaseId: newReleaseId(now), flow: NEW_FLOW, params: {}, now, version: VERSION });
    // The journal says which flow it is, with its parameters: the same plan is built again on resume.
    const flow = flowById(data.flow);
    const params = flow.params(data.params);
    const store = options.dryRun ? new MemoryJournalStore() : workspace.journalStore;
    const journal = new Journal(data, store, systemClock);
    await journal.setState('in-progress');

    if (!options.dryRun) {
      // A log that cannot be opened stops here, before any step; one that fails later only warns.
      log = new LogFile(join(workspace.stateDir, 'logs', `${data.releaseId}.log`), (error) =>
        emit({
          type: 'note',
          level: 'warning',
          message:
            `${error instanceof Error ? error.message : String(error)} ` +
            'The release goes on without its log; the journal is saved as before.',
        }),
      );
      const renderer = new LineRenderer(false);
      const logFile = log;
      hub.subscribe((event) => {
        for (const line of renderer.render(event)) logFile.write(line);
      });
    }

    const interactive = frontEnd.prompter !== undefined;
    const gitEditor = interactive ? await workspace.git.editor() : undefined;
    const ports = createReleasePorts({
      workspace,
      env: terminal.env,
      gitEditor,
      frontEnd,
      interactive,
      emit,
      branchOf: (config) => flow.branch(params, config),
    });
    await sweepVenvs(ports.reads.python, emit, options.dryRun);
    const result = await runPlan({
      plan: flow.plan(params),
      noun: flow.noun,
      journal,
      ports,
      header: { ...data.release, flow: flow.id, dryRun: options.dryRun },
      given: options.answers,
      yes: options.yes,
      prompter: redactingPrompter(frontEnd.prompter, workspace.redactor),
      dryRun: options.dryRun,
      signal: controller.signal,
      emit,
      clock: systemClock,
      resumed: start.kind === 'resume',
      ...(options.stopAfter ? { stopAfter: options.stopAfter } : {}),
    });
    if (result.outcome === 'cancelled') return 130;
    return result.outcome === 'failed' ? 1 : 0;
  } finally {
    await frontEnd.close();
    await log?.close();
    await lock?.release();
    removeSignalHandlers();
  }
}
