import { Text, useInput } from 'ink';
import type { ConfirmQuestion } from '../../../engine/prompter';
import { useTone } from '../../ui-context';

export function ConfirmPrompt({ question, onAnswer }: { question: ConfirmQuestion; onAnswer: (value: boolean) => void }) {
  const tone = useTone();
  useInput((input, key) => {
    const letter = input.toLowerCase();
    if (letter === 'y') onAnswer(true);
    else if (letter === 'n') onAnswer(false);
    else if (key.return && question.default !== undefined) onAnswer(question.default);
  });
  const choices = question.default === true ? 'Y/n' : question.default === false ? 'y/N' : 'y/n';
  return (
    <Text>
      <Text color={tone('cyan')}>?</Text> <Text bold>{question.message}</Text> <Text dimColor>({choices})</Text>
    </Text>
  );
}
