import { Text } from 'ink';
import { bindingsFor, footerText, type QuestionKind } from '../keymap';

export function Footer({ question }: { question: QuestionKind | undefined }) {
  return <Text dimColor>{footerText(bindingsFor(question))}</Text>;
}
