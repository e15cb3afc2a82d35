import { Box, Text } from 'ink';
import type { ChecklistQuestion } from '../../../engine/prompter';
import type { ChecklistState } from '../../prompt-state';
import { useTone } from '../../ui-context';

export function ChecklistPrompt({ question, prompt }: { question: ChecklistQuestion; prompt: ChecklistState }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={tone('cyan')}>?</Text> <Text bold>{question.message}</Text>
      </Text>
      {question.items.map((item, position) => (
        <Text key={item.value} color={tone(position === prompt.index ? 'cyan' : undefined)}>
          {position === prompt.index ? '❯ ' : '  '}
          {prompt.checked.includes(item.value) ? '[x] ' : '[ ] '}
          {item.label}
        </Text>
      ))}
    </Box>
  );
}
