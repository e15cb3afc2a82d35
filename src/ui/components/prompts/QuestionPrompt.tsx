import { Box, Text } from 'ink';
import type { Question } from '../../../engine/prompter';
import type { PromptState } from '../../prompt-state';
import { ChecklistPrompt } from './ChecklistPrompt';
import { ConfirmPrompt } from './ConfirmPrompt';
import { SelectPrompt } from './SelectPrompt';
import { TextPrompt } from './TextPrompt';

/** Shows a question as its prompt state says; keys reach that state through the App's reducer, not here. */
export function QuestionPrompt({ question, prompt }: { question: Question; prompt: PromptState }) {
  return (
    <Box flexDirection="column">
      {question.detail ? <Text>{question.detail}</Text> : null}
      {question.kind === 'confirm' ? <ConfirmPrompt question={question} /> : null}
      {question.kind === 'select' && prompt.kind === 'select' ? (
        <SelectPrompt question={question} prompt={prompt} />
      ) : null}
      {question.kind === 'text' && prompt.kind === 'text' ? <TextPrompt question={question} prompt={prompt} /> : null}
      {question.kind === 'checklist' && prompt.kind === 'checklist' ? (
        <ChecklistPrompt question={question} prompt={prompt} />
      ) : null}
    </Box>
  );
}
