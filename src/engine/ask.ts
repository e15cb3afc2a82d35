import { coerceAnswer, missingAnswer, type GivenAnswers } from './answers';
import type { AnswerSource, AnswerValue, Prompter, Question } from './prompter';

export interface AnswerSources {
  given: GivenAnswers;
  /** What the journal remembers (resume), if the question may be replayed. */
  recorded?: AnswerValue | undefined;
  yes: boolean;
  prompter: Prompter | undefined;
  signal: AbortSignal;
  /** Called just before a person is asked, so the front end can show the question. */
  onAsk?: (question: Question) => void;
}

/**
 * Who answers a question, in order: a flag or answers file, the journal (resume), the default
 * under --yes, a person at a terminal. Nobody left → an error naming the `--answer` to pass.
 */
export async function resolveAnswer(
  question: Question,
  sources: AnswerSources,
): Promise<{ value: AnswerValue; source: AnswerSource }> {
  const given = sources.given[question.id];
  if (given !== undefined) return { value: coerceAnswer(question, given), source: 'flag' };
  if (sources.recorded !== undefined) return { value: coerceAnswer(question, sources.recorded), source: 'journal' };
  if (sources.yes && question.default !== undefined) return { value: question.default, source: 'default' };
  if (sources.prompter) {
    sources.onAsk?.(question);
    return { value: await sources.prompter.ask(question, sources.signal), source: 'user' };
  }
  throw missingAnswer(question);
}
