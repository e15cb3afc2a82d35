import { PyreleaseError, isPyreleaseError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { Handoff } from '../ports/journal-store';
import type { GivenAnswers } from './answers';
import { resolveAnswer } from './ask';
import type { Emit, Outcome, ReleaseHeader, StageSummary } from './events';
import type { AnyFact, Fact } from './fact';
import { gate } from './gate';
import type { Journal } from './journal';
import type { AnswerOf, Prompter, Question } from './prompter';
import type { Plan, PortSet, ProbeResult, Step, StepContext, StepResult, WriteContext } from './step';

export interface RunnerOptions<P extends PortSet> {
  plan: Plan<P>;
  /** What the flow is called in messages: "release", "rollback". */
  noun: string;
  journal: Journal;
  ports: P;
  header: ReleaseHeader;
  given: GivenAnswers;
  /** Every question not answered otherwise takes its default. */
  yes: boolean;
  /** Undefined when nobody can be asked (no terminal). */
  prompter: Prompter | undefined;
  dryRun: boolean;
  signal: AbortSignal;
  emit: Emit;
  clock: Clock;
  resumed: boolean;
  /** A stage id: pause the flow once that stage has finished (the journal stays for `--resume`). */
  stopAfter?: string;
}

export interface RunResult {
  outcome: Outcome;
  error?: unknown;
  /** Where the finished flow's record went (history), when it finished. */
  recordPath?: string;
  /** The flow to continue with, when this one handed over. */
  handoff?: Handoff;
}

function errorFields(error: unknown): { code: string; message: string; hint?: string } {
  if (isPyreleaseError(error)) {
    return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function summarizePlan<P extends PortSet>(plan: Plan<P>): StageSummary[] {
  return plan.stages.map((stage) => ({
    id: stage.id,
    title: stage.title,
    steps: stage.steps.map((step) => ({ id: step.id, title: step.title, effect: step.effect })),
  }));
}

/** Whether `id` is one of the question ids the step declared (exactly, or under a `prefix.*`). */
export function asksAbout(step: { asks?: readonly string[] }, id: string): boolean {
  return (step.asks ?? []).some((entry) => (entry.endsWith('.*') ? id.startsWith(entry.slice(0, -1)) : entry === id));
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A step needs a fact nobody gave: the journal was cut short or edited, or a step was skipped. */
export function missingFact(fact: AnyFact): PyreleaseError {
  return new PyreleaseError('journal.missing-fact', `${capitalized(fact.title)} is not known yet.`, {
    hint: 'Run `pyrelease --resume` so the step that gives it comes first.',
  });
}

/** A need the step did not declare is a defect of the plan, caught by the flow tests before anyone meets it. */
function undeclared(step: { id: string }, verb: 'needs' | 'gives', fact: AnyFact): Error {
  return new Error(`${step.id} ${verb} ${fact.key} without declaring it in \`${verb}\``);
}

/**
 * Walks the plan: probe each step, then skip it (done, or a write in a dry run), or run it and
 * record the result. Resume is the same walk over an existing journal: probes find what is done.
 */
export async function runPlan<P extends PortSet>(options: RunnerOptions<P>): Promise<RunResult> {
  const { plan, journal, emit, clock, signal, noun } = options;
  let header = options.header;
  emit({ type: 'plan', header, stages: summarizePlan(plan), resumed: options.resumed });

  const contextFor = (step: Step<P>): StepContext<P> => ({
    reads: options.ports.reads,
    signal,
    get: (fact) => journal.fact(fact),
    need: <T>(fact: Fact<T>): T => {
      if (!step.needs?.includes(fact)) throw undeclared(step, 'needs', fact);
      const value = journal.fact(fact);
      if (value === undefined) throw missingFact(fact);
      return value;
    },
    give: async (fact, value) => {
      if (!step.gives?.includes(fact)) throw undeclared(step, 'gives', fact);
      await journal.give(fact, value);
    },
    stepRecords: () => journal.stepRecords(),
    ask: (question) => ask(step, question),
    log: (line, stream = 'stdout') => emit({ type: 'output', step: step.id, stream, line }),
    report: (lines) => emit({ type: 'report', step: step.id, lines }),
    warn: (message) => emit({ type: 'note', step: step.id, level: 'warning', message }),
    setRelease: async (release) => {
      header = { ...header, ...release };
      emit({ type: 'header', header });
      await journal.setRelease(release);
    },
  });

  const ask = async <Q extends Question>(step: Step<P>, question: Q): Promise<AnswerOf<Q>> => {
    if (!asksAbout(step, question.id))
      throw new Error(`${step.id} asks ${question.id} without declaring it in \`asks\``);
    // A declined confirmation stopped its step; the next session asks again instead of declining again.
    const earlier = question.remember === false ? undefined : journal.answer(question.id)?.value;
    const recorded = question.kind === 'confirm' && earlier === false ? undefined : earlier;
    // Answered without a person: the context the prompt would have shown still belongs in the log,
    // before the answer is checked, so a refused answer comes with its reasons.
    const unattended =
      options.given[question.id] !== undefined ||
      recorded !== undefined ||
      !options.prompter ||
      (options.yes && question.default !== undefined);
    if (unattended && question.detail) {
      for (const line of question.detail.split('\n')) emit({ type: 'output', step: step.id, stream: 'stdout', line });
    }
    const { value, source } = await resolveAnswer(question, {
      given: options.given,
      recorded,
      yes: options.yes,
      prompter: options.prompter,
      signal,
      onAsk: () => emit({ type: 'question', step: step.id, question }),
    });
    // A replayed answer keeps its first record: the audit trail says who answered, and when.
    if (question.remember !== false && source !== 'journal') {
      await journal.recordAnswer(question.id, { value, source, step: step.id });
    }
    const label =
      question.kind === 'select' ? question.choices.find((choice) => choice.value === value)?.label : undefined;
    emit({
      type: 'answered',
      step: step.id,
      questionId: question.id,
      message: question.message,
      answer: value,
      source,
      ...(label ? { label } : {}),
    });
    return value as AnswerOf<Q>;
  };

  const stop = async (outcome: Outcome, error?: unknown, stepTitle?: string): Promise<RunResult> => {
    if (outcome === 'cancelled') {
      await journal.setState('cancelled');
      emit({
        type: 'finished',
        outcome,
        message: 'Stopped. Every finished step is saved.',
        hint: 'Continue where you left off with `pyrelease --resume`.',
        at: clock.now(),
      });
    } else {
      await journal.setState('failed');
      emit({
        type: 'finished',
        outcome,
        // The failing step already said what and why; this line says where and how to go on.
        message: stepTitle ? `Stopped at "${stepTitle}".` : `The ${noun} stopped.`,
        hint: 'Fix what is named above, then run `pyrelease --resume` to continue from there.',
        at: clock.now(),
      });
    }
    return { outcome, error };
  };

  // Facts a dry run would only get from a described step: what needs them cannot run either.
  const wouldGive = new Map<AnyFact, Step<P>>();
  const described = (step: Step<P>) => {
    for (const fact of step.gives ?? []) if (!wouldGive.has(fact)) wouldGive.set(fact, step);
  };

  for (const stage of plan.stages) {
    emit({ type: 'stage-started', stage: stage.id, title: stage.title });
    for (const step of stage.steps) {
      if (signal.aborted) return stop('cancelled');
      const ctx = contextFor(step);
      const missing = options.dryRun ? step.needs?.find((fact) => wouldGive.has(fact)) : undefined;
      if (missing) {
        described(step);
        const maker = wouldGive.get(missing)?.title ?? missing.title;
        // What the step would do is still worth showing where it can be said without the missing facts.
        const actions = step.effect === 'write' ? await step.describe(ctx).catch(() => []) : [];
        emit({
          type: 'step-skipped',
          step: step.id,
          title: step.title,
          reason: 'dry-run',
          detail: `needs what "${maker}" would make`,
          actions,
        });
        continue;
      }

      let probe: ProbeResult;
      try {
        probe = step.probe ? await step.probe(ctx) : { state: 'todo' };
      } catch (error) {
        if (signal.aborted || (isPyreleaseError(error) && error.kind === 'cancelled')) return stop('cancelled');
        return fail(step, error);
      }

      if (probe.state === 'done') {
        await journal.stepEnded(step.id, step.title, 'done', { detail: probe.detail });
        emit({ type: 'step-skipped', step: step.id, title: step.title, reason: 'done', detail: probe.detail });
        continue;
      }
      if (probe.state === 'blocked') {
        const error = new PyreleaseError('step.blocked', probe.reason, probe.hint ? { hint: probe.hint } : {});
        await journal.stepEnded(step.id, step.title, 'failed', { error: errorFields(error) });
        emit({
          type: 'step-failed',
          step: step.id,
          title: step.title,
          at: clock.now(),
          message: probe.reason,
          ...(probe.hint ? { hint: probe.hint } : {}),
          blocked: true,
        });
        return stop('failed', error, step.title);
      }

      if (gate(step, options.dryRun) === 'describe' && step.effect === 'write') {
        let actions: string[];
        try {
          actions = await step.describe(ctx);
        } catch (error) {
          return fail(step, error);
        }
        described(step);
        emit({
          type: 'step-skipped',
          step: step.id,
          title: step.title,
          reason: 'dry-run',
          detail: 'dry run: not executed',
          actions,
        });
        continue;
      }

      await journal.stepStarted(step.id, step.title);
      emit({ type: 'step-started', step: step.id, title: step.title, at: clock.now() });
      let result: StepResult | void;
      try {
        result =
          step.effect === 'write'
            ? await step.run({ ...ctx, writes: options.ports.writes } satisfies WriteContext<P>)
            : await step.run(ctx);
        const detail = result?.detail;
        await journal.stepEnded(step.id, step.title, 'done', { detail });
        emit({
          type: 'step-finished',
          step: step.id,
          title: step.title,
          at: clock.now(),
          ...(detail ? { detail } : {}),
        });
      } catch (error) {
        if (signal.aborted || (isPyreleaseError(error) && error.kind === 'cancelled')) {
          await journal.stepEnded(step.id, step.title, 'cancelled');
          return stop('cancelled');
        }
        return fail(step, error);
      }
      if (result?.handoff) return handOff(result.handoff);
    }
    if (options.stopAfter === stage.id && stage !== plan.stages.at(-1)) {
      if (!options.dryRun) await journal.setState('paused');
      const next = plan.stages[plan.stages.indexOf(stage) + 1];
      emit({
        type: 'finished',
        outcome: 'paused',
        message: `Paused after ${stage.title}, as asked.${options.dryRun ? ' Dry run: nothing was changed.' : ''}`,
        ...(options.dryRun
          ? {}
          : { hint: `Run \`pyrelease --resume\` to go on with ${next?.title ?? 'the next stage'}.` }),
        at: clock.now(),
      });
      return { outcome: 'paused' };
    }
  }

  if (options.dryRun) {
    emit({ type: 'finished', outcome: 'done', message: 'Dry run finished: nothing was changed.', at: clock.now() });
    return { outcome: 'done' };
  }
  await journal.setState('done');
  const recordPath = await journal.archive('done');
  emit({
    type: 'finished',
    outcome: 'done',
    message: `${capitalized(noun)} record saved to ${recordPath}.`,
    at: clock.now(),
  });
  return { outcome: 'done', recordPath };

  async function handOff(handoff: Handoff): Promise<RunResult> {
    await journal.handOff(handoff);
    const recordPath = options.dryRun ? undefined : await journal.archive('handed-off');
    emit({
      type: 'finished',
      outcome: 'handoff',
      message: `The ${noun} ends here and continues as ${handoff.flow}: ${handoff.reason}`,
      at: clock.now(),
    });
    return { outcome: 'handoff', handoff, ...(recordPath ? { recordPath } : {}) };
  }

  async function fail(step: Step<P>, error: unknown): Promise<RunResult> {
    const fields = errorFields(error);
    await journal.stepEnded(step.id, step.title, 'failed', { error: fields });
    emit({
      type: 'step-failed',
      step: step.id,
      title: step.title,
      at: clock.now(),
      message: fields.message,
      ...(fields.hint ? { hint: fields.hint } : {}),
      blocked: false,
    });
    return stop('failed', error, step.title);
  }
}

export { type AnyFact } from './fact';
