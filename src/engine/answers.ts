import { PyreleaseError } from '../domain/errors';
import type { AnswerValue, Question } from './prompter';

/** Answers given before the run: `--answer ID=VALUE` and `--answers FILE`, as raw values. */
export type GivenAnswers = Readonly<Record<string, string | boolean | string[]>>;

const YES = new Set(['y', 'yes', 'true', '1', 'on']);
const NO = new Set(['n', 'no', 'false', '0', 'off']);

/** Turns a given raw value into the typed answer for `question`, or explains what it accepts. */
export function coerceAnswer(question: Question, raw: string | boolean | string[]): AnswerValue {
  const bad = (accepted: string): never => {
    throw new PyreleaseError(
      'answer.invalid',
      `The answer given for "${question.id}" (${JSON.stringify(raw)}) does not fit: ${accepted}.`,
      {
        kind: 'usage',
        hint: `Pass --answer ${question.id}=<value> with one of the accepted values.`,
      },
    );
  };
  switch (question.kind) {
    case 'confirm': {
      if (typeof raw === 'boolean') return raw;
      const text = String(raw).trim().toLowerCase();
      if (YES.has(text)) return true;
      if (NO.has(text)) return false;
      return bad('it takes yes or no');
    }
    case 'select': {
      const text = String(raw).trim();
      const match = question.choices.find((choice) => choice.value === text);
      if (match) return match.value;
      return bad(`it takes one of ${question.choices.map((choice) => choice.value).join(', ')}`);
    }
    case 'text': {
      const text = String(raw);
      const problem = question.validate?.(text);
      if (problem) return bad(problem);
      return text;
    }
    case 'checklist': {
      const list = Array.isArray(raw)
        ? raw
        : String(raw)
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean);
      const known = new Set(question.items.map((item) => item.value));
      if (list.length === 1 && list[0] === 'all') return [...known];
      const unknown = list.filter((value) => !known.has(value));
      if (unknown.length > 0)
        return bad(`${unknown.join(', ')} is not an item; items are ${[...known].join(', ')} (or "all")`);
      return list;
    }
  }
}

/** The error raised when a question has no answer and nobody can be asked. */
export function missingAnswer(question: Question): PyreleaseError {
  const accepted =
    question.kind === 'confirm'
      ? 'yes|no'
      : question.kind === 'select'
        ? question.choices.map((choice) => choice.value).join('|')
        : question.kind === 'checklist'
          ? 'all|' + question.items.map((item) => item.value).join(',')
          : '<text>';
  return new PyreleaseError(
    'answer.missing',
    `"${question.message}" needs an answer, and there is no terminal to ask on.`,
    {
      hint:
        `Pass --answer ${question.id}=${accepted} (or put "${question.id}" in ` +
        `an --answers file)${question.default === undefined ? '' : ', or --yes to take the default'}, then run ` +
        `again with --resume.`,
    },
  );
}
