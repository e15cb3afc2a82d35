import { Box, Text } from 'ink';
import { symbolFor, toneFor, type StepConclusion } from '../../domain/step-symbols';
import type { StageView } from '../view-state';
import { useTone } from '../ui-context';

/** A stage is as far as its steps: running if one runs, failed if one failed, done when all are. */
export function stageState(stage: StageView): {
  status: 'pending' | 'running' | 'finished';
  conclusion?: StepConclusion;
} {
  const failed = stage.steps.find(
    (step) => step.conclusion === 'failed' || step.conclusion === 'blocked' || step.conclusion === 'cancelled',
  );
  if (failed) return { status: 'finished', conclusion: failed.conclusion! };
  if (stage.steps.length > 0 && stage.steps.every((step) => step.status === 'finished')) {
    return {
      status: 'finished',
      conclusion: stage.steps.some((step) => step.conclusion === 'dry-run') ? 'dry-run' : 'ok',
    };
  }
  if (stage.steps.some((step) => step.status !== 'pending')) return { status: 'running' };
  return { status: 'pending' };
}

export function StageBar({ stages }: { stages: StageView[] }) {
  const tone = useTone();
  return (
    <Box flexWrap="wrap" columnGap={2}>
      {stages.map((stage) => {
        const { status, conclusion } = stageState(stage);
        return (
          <Text
            key={stage.id}
            color={tone(status === 'pending' ? 'gray' : toneFor(conclusion))}
            bold={status === 'running'}
          >
            {symbolFor(status, conclusion)} {stage.title}
          </Text>
        );
      })}
    </Box>
  );
}
