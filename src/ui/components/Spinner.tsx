import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { useTone, useUi } from '../ui-context';

export function Spinner() {
  const { spinnerFrames, spinnerInterval } = useUi();
  const tone = useTone();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (spinnerFrames.length < 2) return;
    const timer = setInterval(() => setFrame((value) => (value + 1) % spinnerFrames.length), spinnerInterval);
    return () => clearInterval(timer);
  }, [spinnerFrames, spinnerInterval]);
  return <Text color={tone('cyan')}>{spinnerFrames[frame] ?? ''}</Text>;
}
