import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { formatDuration } from '../../domain/step-symbols';
import type { StepView } from '../view-state';
import { useUi } from '../ui-context';
import { Spinner } from './Spinner';

function Elapsed({ since }: { since: number }) {
  const { now } = useUi();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((value) => value + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return <Text dimColor>{formatDuration(now() - since)}</Text>;
}

/** The running step: spinner, title, elapsed time and the last lines of its output. */
export function CurrentStep({ step, tail, width }: { step: StepView; tail: string[]; width: number }) {
  return (
    <Box flexDirection="column">
      <Text>
        <Spinner /> {step.title} {step.startedAt === undefined ? null : <Elapsed since={step.startedAt} />}
      </Text>
      {tail.map((line, index) => (
        <Text key={index} dimColor wrap="truncate-end">
          {'  │ '}
          {line.slice(0, Math.max(10, width - 4))}
        </Text>
      ))}
    </Box>
  );
}
