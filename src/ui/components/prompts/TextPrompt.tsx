import { Box, Text } from 'ink';
import type { TextQuestion } from '../../../engine/prompter';
import type { TextState } from '../../prompt-state';
import { useTone } from '../../ui-context';

export function TextPrompt({ question, prompt }: { question: TextQuestion; prompt: TextState }) {
  const tone = useTone();
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={tone('cyan')}>?</Text> <Text bold>{question.message}</Text>
        {question.default !== undefined && prompt.value === '' ? (
          <Text dimColor> ({question.default})</Text>
        ) : null}{' '}
        {prompt.value}
        <Text inverse> </Text>
      </Text>
      {prompt.error ? <Text color={tone('red')}> {prompt.error}</Text> : null}
    </Box>
  );
}
