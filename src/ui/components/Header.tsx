import { Box, Text } from 'ink';
import type { ReleaseHeader } from '../../engine/events';
import { useTone } from '../ui-context';

export function Header({ header, resumed }: { header: ReleaseHeader | undefined; resumed: boolean }) {
  const tone = useTone();
  if (!header) return null;
  const versions = header.from || header.to ? `${header.from ?? '?'} → ${header.to ?? '?'}` : undefined;
  return (
    <Box>
      <Text bold color={tone('magenta')}>
        pyrelease
      </Text>
      {header.project ? <Text> {header.project}</Text> : null}
      {versions ? <Text bold> {versions}</Text> : null}
      <Text dimColor> · {header.flow}</Text>
      {header.dryRun ? <Text color={tone('yellow')}> · dry run</Text> : null}
      {resumed ? <Text dimColor> · resumed</Text> : null}
    </Box>
  );
}
