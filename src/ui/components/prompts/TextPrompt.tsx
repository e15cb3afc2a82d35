import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { TextQuestion } from '../../../engine/prompter';
import { useTone } from '../../ui-context';

export function TextPrompt({ question, onAnswer }: { question: TextQuestion; onAnswer: (value: string) => void }) {
  const tone = useTone();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  useInput((input, key) => {
    if (key.return) {
      const answer = value === '' && question.default !== undefined ? question.default : value;
      const problem = question.validate?.(answer);
      if (problem) setError(problem);
      else onAnswer(answer);
    } else if (key.backspace || key.delete) {
      setValue((current) => current.slice(0, -1));
      setError(undefined);
    } else if (!key.ctrl && !key.meta && input && !key.upArrow && !key.downArrow && !key.tab) {
      setValue((current) => current + input);
      setError(undefined);
    }
  });
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={tone('cyan')}>?</Text> <Text bold>{question.message}</Text>
        {question.default !== undefined && value === '' ? <Text dimColor> ({question.default})</Text> : null} {value}
        <Text inverse> </Text>
      </Text>
      {error ? <Text color={tone('red')}>  {error}</Text> : null}
    </Box>
  );
}
