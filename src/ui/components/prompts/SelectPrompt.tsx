import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { SelectQuestion } from '../../../engine/prompter';
import { useTone } from '../../ui-context';

export function SelectPrompt({ question, onAnswer }: { question: SelectQuestion; onAnswer: (value: string) => void }) {
  const tone = useTone();
  const initial = Math.max(0, question.choices.findIndex((choice) => choice.value === question.default));
  const [index, setIndex] = useState(initial);
  useInput((_input, key) => {
    const count = question.choices.length;
    if (key.upArrow) setIndex((value) => (value - 1 + count) % count);
    else if (key.downArrow) setIndex((value) => (value + 1) % count);
    else if (key.return) {
      const choice = question.choices[index];
      if (choice) onAnswer(choice.value);
    }
  });
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={tone('cyan')}>?</Text> <Text bold>{question.message}</Text>
      </Text>
      {question.choices.map((choice, position) => (
        <Text key={choice.value} color={tone(position === index ? 'cyan' : undefined)}>
          {position === index ? '❯ ' : '  '}
          {choice.label}
          {choice.hint ? <Text dimColor> {choice.hint}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
