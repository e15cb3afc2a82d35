import { Box, Text } from 'ink';
import type { AnswerValue, Question } from '../../../engine/prompter';
import { ChecklistPrompt } from './ChecklistPrompt';
import { ConfirmPrompt } from './ConfirmPrompt';
import { SelectPrompt } from './SelectPrompt';
import { TextPrompt } from './TextPrompt';

export function QuestionPrompt({ question, onAnswer }: { question: Question; onAnswer: (value: AnswerValue) => void }) {
  return (
    <Box flexDirection="column">
      {question.detail ? <Text>{question.detail}</Text> : null}
      {question.kind === 'confirm' ? <ConfirmPrompt question={question} onAnswer={onAnswer} /> : null}
      {question.kind === 'select' ? <SelectPrompt question={question} onAnswer={onAnswer} /> : null}
      {question.kind === 'text' ? <TextPrompt question={question} onAnswer={onAnswer} /> : null}
      {question.kind === 'checklist' ? <ChecklistPrompt question={question} onAnswer={onAnswer} /> : null}
    </Box>
  );
}
