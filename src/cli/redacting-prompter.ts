import type { Redactor } from '../domain/redactor';
import type { Prompter, Question } from '../engine/prompter';

/**
 * A prompter that shows questions only after the redactor has seen them: a question's text can
 * quote a checklist line, a diff or an error, and reaches the screen without passing the event
 * stream. Functions (a text question's `validate`) are kept, which a JSON round trip would drop.
 */
export function redactingPrompter(prompter: Prompter | undefined, redactor: Redactor): Prompter | undefined {
  if (!prompter) return undefined;
  const clean = (text: string) => redactor.redact(text);
  const redacted = (question: Question): Question => {
    const common = {
      ...question,
      message: clean(question.message),
      ...(question.detail === undefined ? {} : { detail: clean(question.detail) }),
    };
    const choice = (item: { value: string; label: string; hint?: string }) => ({
      ...item,
      label: clean(item.label),
      ...(item.hint === undefined ? {} : { hint: clean(item.hint) }),
    });
    if (common.kind === 'select') return { ...common, choices: common.choices.map(choice) };
    if (common.kind === 'checklist') return { ...common, items: common.items.map(choice) };
    return common;
  };
  return { ask: (question, signal) => prompter.ask(redacted(question), signal) };
}
