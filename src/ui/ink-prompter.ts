import { PyreleaseError } from '../domain/errors';
import type { AnswerValue, Prompter, Question } from '../engine/prompter';

/** The engine asks; the Ink screen shows the question (from the event) and calls `answer`. */
export class InkPrompter implements Prompter {
  private pending: { id: string; resolve: (value: AnswerValue) => void } | undefined;

  ask(question: Question, signal: AbortSignal): Promise<AnswerValue> {
    return new Promise((resolve, reject) => {
      const cancelled = () =>
        reject(new PyreleaseError('prompt.cancelled', 'Stopped while waiting for an answer.', { kind: 'cancelled' }));
      if (signal.aborted) return cancelled();
      this.pending = { id: question.id, resolve };
      signal.addEventListener(
        'abort',
        () => {
          this.pending = undefined;
          cancelled();
        },
        { once: true },
      );
    });
  }

  readonly answer = (value: AnswerValue): void => {
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve(value);
  };
}
