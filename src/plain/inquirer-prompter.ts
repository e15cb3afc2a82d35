import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { PyreleaseError } from '../domain/errors';
import type { AnswerValue, Prompter, Question } from '../engine/prompter';

/** Asks on a plain terminal, one question at a time, with @inquirer/prompts. */
export class InquirerPrompter implements Prompter {
  async ask(question: Question, signal: AbortSignal): Promise<AnswerValue> {
    const context = { signal };
    if (question.detail) process.stdout.write(`${question.detail}\n`);
    try {
      switch (question.kind) {
        case 'confirm':
          return await confirm(
            { message: question.message, ...(question.default === undefined ? {} : { default: question.default }) },
            context,
          );
        case 'select':
          return await select(
            {
              message: question.message,
              choices: question.choices.map((choice) => ({
                value: choice.value,
                name: choice.label,
                ...(choice.hint ? { description: choice.hint } : {}),
              })),
              ...(question.default === undefined ? {} : { default: question.default }),
            },
            context,
          );
        case 'text':
          return await input(
            {
              message: question.message,
              ...(question.default === undefined ? {} : { default: question.default }),
              validate: (value: string) => question.validate?.(value) ?? true,
            },
            context,
          );
        case 'checklist': {
          const checked = new Set(question.default ?? []);
          return await checkbox(
            {
              message: question.message,
              choices: question.items.map((item) => ({
                value: item.value,
                name: item.label,
                checked: checked.has(item.value),
              })),
            },
            context,
          );
        }
      }
    } catch (error) {
      const name = (error as Error).name;
      if (signal.aborted || name === 'AbortPromptError' || name === 'ExitPromptError') {
        throw new PyreleaseError('prompt.cancelled', 'Stopped while waiting for an answer.', {
          kind: 'cancelled',
          cause: error,
        });
      }
      throw error;
    }
  }
}
