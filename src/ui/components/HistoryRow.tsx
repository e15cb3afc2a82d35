import { Box, Text } from 'ink';
import { SYMBOLS, symbolFor, toneFor } from '../../domain/step-symbols';
import type { HistoryItem } from '../view-state';
import { useHyperlinks, useTone } from '../ui-context';
import { hyperlinkUrls } from '../../domain/hyperlinks';

/** One finished line of the log that stays in the scrollback. */
export function HistoryRow({ item }: { item: HistoryItem }) {
  const tone = useTone();
  const links = useHyperlinks();
  switch (item.kind) {
    case 'step':
      return (
        <Box flexDirection="column">
          <Text>
            <Text color={tone(toneFor(item.conclusion))}>{symbolFor('finished', item.conclusion)}</Text> {item.title}
            {item.detail ? <Text dimColor> — {item.detail}</Text> : null}
          </Text>
          {item.actions?.map((action, index) => (
            <Text key={index} dimColor>
              {'    '}would run: {action}
            </Text>
          ))}
          {item.hint ? (
            <Text color={tone('yellow')}>
              {'  '}→ {item.hint}
            </Text>
          ) : null}
        </Box>
      );
    case 'note':
      return (
        <Text color={tone(item.level === 'warning' ? 'yellow' : undefined)}>
          {item.level === 'warning' ? SYMBOLS.warning : 'i'} {item.message}
        </Text>
      );
    case 'answer':
      return (
        <Text>
          <Text color={tone('cyan')}>{SYMBOLS.question}</Text> {item.message} <Text bold>{item.answer}</Text>
          {item.source === 'user' ? null : (
            <Text dimColor>
              {' '}
              ({item.source === 'flag' ? 'given' : item.source === 'journal' ? 'from the journal' : 'default'})
            </Text>
          )}
        </Text>
      );
    case 'output':
      return (
        <Text dimColor>
          {'    '}
          {item.line}
        </Text>
      );
    case 'report':
      return (
        <Box flexDirection="column" marginY={1}>
          {item.lines.map((line, index) => (
            <Text key={index}>{links ? hyperlinkUrls(line) : line}</Text>
          ))}
        </Box>
      );
  }
}
