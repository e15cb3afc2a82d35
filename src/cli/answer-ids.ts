import { PyreleaseError } from '../domain/errors';
import type { GivenAnswers } from '../engine/answers';
import { asksAbout } from '../engine/runner';
import type { Plan, PortSet } from '../engine/step';
import { closest } from './options';

/**
 * The question ids a run may ask: those the command asks before its flow starts (`before`), then
 * what the plan's steps declare in `asks`, in plan order: exact ids, or `prefix.*` for ids made at
 * run time. Read from the plan, so no list of ids is kept by hand.
 */
export function answerIdsOf<P extends PortSet>(plan: Plan<P>, before: readonly string[] = []): string[] {
  const declared = plan.stages.flatMap((stage) => stage.steps.flatMap((step) => step.asks ?? []));
  return [...new Set([...before, ...declared])];
}

/** How the list of questions shows an entry: `checklist.*` as `checklist.<item>`. */
function shown(entry: string): string {
  return entry.endsWith('.*') ? `${entry.slice(0, -1)}<item>` : entry;
}

/**
 * What `id` may have meant: the exact ids, and for each `prefix.*` the prefix followed by the end of
 * `id` (`checklst.docs` → `checklist.docs`), so a typo in the prefix is caught as well.
 */
function suggestionFor(id: string, known: readonly string[]): string | undefined {
  const candidates = known.flatMap((entry) => {
    if (!entry.endsWith('.*')) return [entry];
    const prefix = entry.slice(0, -1);
    const rest = id
      .split('.')
      .slice(prefix.split('.').length - 1)
      .join('.');
    return rest === '' ? [] : [prefix + rest];
  });
  return closest(id, candidates);
}

/**
 * Refuses answers to questions the run will never ask, a typo most of all: under `--yes` the
 * misspelt question would quietly take its default. A usage error (exit 2), raised before anything runs.
 */
export function checkAnswerIds(given: GivenAnswers, known: readonly string[], noun: string): void {
  const unknown = Object.keys(given).filter((id) => !asksAbout({ asks: known }, id));
  if (unknown.length === 0) return;
  const message =
    unknown.length === 1
      ? `Unknown answer id "${unknown[0]}".`
      : `Unknown answer ids: ${unknown.map((id) => `"${id}"`).join(', ')}.`;
  const suggestions = unknown.flatMap((id) => {
    const suggestion = suggestionFor(id, known);
    if (!suggestion) return [];
    return [unknown.length === 1 ? `\`${suggestion}\`` : `\`${suggestion}\` for "${id}"`];
  });
  const meant = suggestions.length > 0 ? `Did you mean ${suggestions.join(', ')}? ` : '';
  throw new PyreleaseError('answer.unknown', message, {
    kind: 'usage',
    hint: `${meant}The questions of this ${noun}: ${known.map(shown).join(', ')}.`,
  });
}
