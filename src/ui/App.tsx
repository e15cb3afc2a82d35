import { Box, Static, Text, useApp, useInput } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import { SYMBOLS } from '../domain/step-symbols';
import { endedAsPlanned, type EngineEvent } from '../engine/events';
import type { AnswerValue } from '../engine/prompter';
import { CurrentStep } from './components/CurrentStep';
import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { HistoryRow } from './components/HistoryRow';
import { QuestionPrompt } from './components/prompts/QuestionPrompt';
import { StageBar } from './components/StageBar';
import { OutputBatcher } from './output-batcher';
import { useTone } from './ui-context';
import { initialViewState, reduceView, type ViewState } from './view-state';

export interface EventSource {
  subscribe(listener: (event: EngineEvent) => void): () => void;
}

export interface AppProps {
  events: EventSource;
  onAnswer: (value: AnswerValue) => void;
  onCancel: () => void;
  /** Called once the app listens to events: the engine starts only then, so nothing is missed. */
  onReady?: () => void;
  /** Called once the final outcome has been rendered, so the caller can release the terminal. */
  onOutcome?: () => void;
  /** Receives Ink's terminal hand-over, for an editor the engine opens. */
  onSuspender?: (suspend: () => Promise<{ resume: () => Promise<void> }>) => void;
  columns: number;
  rows: number;
}

/** The live region must stay shorter than the terminal, or Ink scrolls and flickers. */
export function tailLimitFor(rows: number): number {
  return Math.max(3, Math.min(10, rows - 12));
}

function Outcome({ outcome }: { outcome: NonNullable<ViewState['outcome']> }) {
  const tone = useTone();
  const finished = endedAsPlanned(outcome.outcome);
  const symbol = finished ? SYMBOLS.ok : outcome.outcome === 'cancelled' ? SYMBOLS.cancelled : SYMBOLS.failed;
  const color = finished ? 'green' : outcome.outcome === 'cancelled' ? 'yellow' : 'red';
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={tone(color)} bold>
        {symbol} {outcome.message ?? (outcome.outcome === 'done' ? 'Done.' : 'Stopped.')}
      </Text>
      {outcome.hint ? (
        <Text>
          {'  '}→ {outcome.hint}
        </Text>
      ) : null}
    </Box>
  );
}

export function App({ events, onAnswer, onCancel, onReady, onOutcome, onSuspender, columns, rows }: AppProps) {
  const [state, dispatch] = useReducer(reduceView, undefined, () => initialViewState(tailLimitFor(rows)));

  useEffect(() => {
    const batcher = new OutputBatcher((lines) => dispatch({ type: 'output-batch', lines }));
    const unsubscribe = events.subscribe((event) => {
      if (event.type === 'output') {
        batcher.push({ step: event.step, stream: event.stream, line: event.line });
        return;
      }
      // Keep order: the lines printed before an event belong before it.
      batcher.flush();
      dispatch(event);
    });
    onReady?.();
    return () => {
      unsubscribe();
      batcher.dispose();
    };
  }, [events, onReady]);

  const { suspendTerminal } = useApp();
  useEffect(() => {
    onSuspender?.(() => suspendTerminal());
  }, [onSuspender, suspendTerminal]);

  const finished = state.outcome !== undefined;
  useEffect(() => {
    if (finished) onOutcome?.();
  }, [finished, onOutcome]);

  // The one input hook, attached for the app's whole life. A hook per prompt would only listen
  // from its passive effect, after the frame is drawn, and a key typed in between would be read
  // and dropped. A dispatched key is applied after the question event it follows, so none is lost.
  useInput((input, key) => {
    if (key.ctrl && input === 'c') onCancel();
    else dispatch({ type: 'key', input, key });
  });

  // Exactly one answer per question: the submitted object is new for each answer, and re-renders
  // (or a new onAnswer) before the engine's `answered` event must not send it again.
  const submitted = state.question?.submitted;
  const sent = useRef<typeof submitted>(undefined);
  useEffect(() => {
    if (!submitted || sent.current === submitted) return;
    sent.current = submitted;
    onAnswer(submitted.value);
  }, [submitted, onAnswer]);

  const current = state.stages.flatMap((stage) => stage.steps).find((step) => step.id === state.currentStep);
  return (
    <>
      <Static items={state.history}>{(item) => <HistoryRow key={item.key} item={item} />}</Static>
      <Box flexDirection="column">
        <Header header={state.header} resumed={state.resumed} />
        <StageBar stages={state.stages} />
        {current && !state.question ? <CurrentStep step={current} tail={state.tail} width={columns} /> : null}
        {state.question ? <QuestionPrompt question={state.question.question} prompt={state.question.prompt} /> : null}
        {state.outcome ? <Outcome outcome={state.outcome} /> : <Footer question={state.question?.question.kind} />}
      </Box>
    </>
  );
}
