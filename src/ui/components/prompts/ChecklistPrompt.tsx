import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { ChecklistQuestion } from '../../../engine/prompter';
import { useTone } from '../../ui-context';

export function ChecklistPrompt({ question, onAnswer }: { question: ChecklistQuestion; onAnswer: (value: string[]) => void }) {
  const tone = useTone();
  const [index, setIndex] = useState(0);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set(question.default ?? []));
  useInput((input, key) => {
    const count = question.items.length;
    if (key.upArrow) setIndex((value) => (value - 1 + count) % count);
    else if (key.downArrow) setIndex((value) => (value + 1) % count);
    else if (input === ' ') {
      const item = question.items[index];
      if (!item) return;
      setChecked((current) => {
        const next = new Set(current);
        if (next.has(item.value)) next.delete(item.value);
        else next.add(item.value);
        return next;
      });
    } else if (input === 'a') {
      setChecked((current) => (current.size === count ? new Set() : new Set(question.items.map((item) => item.value))));
    } else if (key.return) {
      onAnswer(question.items.map((item) => item.value).filter((value) => checked.has(value)));
    }
  });
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={tone('cyan')}>?</Text> <Text bold>{question.message}</Text>
      </Text>
      {question.items.map((item, position) => (
        <Text key={item.value} color={tone(position === index ? 'cyan' : undefined)}>
          {position === index ? '❯ ' : '  '}
          {checked.has(item.value) ? '[x] ' : '[ ] '}
          {item.label}
        </Text>
      ))}
    </Box>
  );
}
