import { Box, Text } from 'ink';
import type { SelectQuestion } from '../../../engine/prompter';
import type { SelectState } from '../../prompt-state';
import { useTone } from '../../ui-context';

export function SelectPrompt({ question, prompt }: { question: SelectQuestion; prompt: SelectState }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={tone('cyan')}>?</Text> <Text bold>{question.message}</Text>
      </Text>
      {question.choices.map((choice, position) => (
        <Text key={choice.value} color={tone(position === prompt.index ? 'cyan' : undefined)}>
          {position === prompt.index ? '❯ ' : '  '}
          {choice.label}
          {choice.hint ? <Text dimColor> {choice.hint}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
