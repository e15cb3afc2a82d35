import { Text } from 'ink';
import type { ConfirmQuestion } from '../../../engine/prompter';
import { useTone } from '../../ui-context';

export function ConfirmPrompt({ question }: { question: ConfirmQuestion }) {
  const tone = useTone();
  const choices = question.default === true ? 'Y/n' : question.default === false ? 'y/N' : 'y/n';
  return (
    <Text>
      <Text color={tone('cyan')}>?</Text> <Text bold>{question.message}</Text> <Text dimColor>({choices})</Text>
    </Text>
  );
}
