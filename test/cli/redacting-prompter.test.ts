import { describe, expect, it } from 'vitest';
import { redactingPrompter } from '../../src/cli/redacting-prompter';
import { Redactor } from '../../src/domain/redactor';
import type { AnswerValue, Question } from '../../src/engine/prompter';

const TOKEN = 'ghp_asked0about0in0a0question';

function capture(): { seen: Question[]; prompter: { ask(question: Question): Promise<AnswerValue> } } {
  const seen: Question[] = [];
  return { seen, prompter: { ask: async (question) => (seen.push(question), 'ok') } };
}

describe('the prompter a release asks through', () => {
  const redactor = new Redactor();
  redactor.add(TOKEN);

  it('shows a question only after the redactor has seen its text, choices and hints', async () => {
    const { seen, prompter } = capture();
    const asking = redactingPrompter(prompter, redactor)!;
    await asking.ask(
      {
        kind: 'select',
        id: 'x.select',
        message: `Use ${TOKEN}?`,
        detail: `from https://user:${TOKEN}@example.com/`,
        choices: [{ value: 'a', label: `label ${TOKEN}`, hint: `hint ${TOKEN}` }],
      },
      new AbortController().signal,
    );
    expect(JSON.stringify(seen)).not.toContain(TOKEN);
    expect(seen[0]).toMatchObject({
      message: 'Use ***?',
      choices: [{ value: 'a', label: 'label ***', hint: 'hint ***' }],
    });
  });

  it('keeps what is not text: the answer values and a text question’s check', async () => {
    const { seen, prompter } = capture();
    const validate = (value: string) => (value === 'no' ? 'not that' : undefined);
    await redactingPrompter(prompter, redactor)!.ask(
      { kind: 'text', id: 'x.text', message: 'Version?', validate },
      new AbortController().signal,
    );
    expect(seen[0]).toMatchObject({ kind: 'text', id: 'x.text', message: 'Version?' });
    expect((seen[0] as { validate?: typeof validate }).validate).toBe(validate);
  });

  it('is absent when nobody can be asked', () => {
    expect(redactingPrompter(undefined, redactor)).toBeUndefined();
  });
});
