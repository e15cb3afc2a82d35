import { render } from 'ink';
import { App, type EventSource } from './App';
import { InkPrompter } from './ink-prompter';
import { UiContext, defaultUiSettings } from './ui-context';

export interface InkFrontEnd {
  prompter: InkPrompter;
  /** Resolves once the app listens to events. */
  ready: Promise<void>;
  /** Renders the last frame and releases the terminal. */
  close(): Promise<void>;
  /** Hands the terminal to a child (an editor); call the returned function to take it back. */
  suspend(): Promise<() => Promise<void>>;
}

export interface InkOptions {
  events: EventSource;
  onCancel: () => void;
  color: boolean;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

export function startInk(options: InkOptions): InkFrontEnd {
  const stdout = options.stdout ?? process.stdout;
  const prompter = new InkPrompter();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let markShown: () => void = () => {};
  const outcomeShown = new Promise<void>((resolve) => (markShown = resolve));
  let finished = false;
  let suspender: (() => Promise<{ resume: () => Promise<void> }>) | undefined;
  const unsubscribe = options.events.subscribe((event) => {
    if (event.type === 'finished') finished = true;
  });
  const instance = render(
    <UiContext.Provider value={{ ...defaultUiSettings, color: options.color, hyperlinks: options.color }}>
      <App
        events={options.events}
        onAnswer={prompter.answer}
        onCancel={options.onCancel}
        onReady={markReady}
        onOutcome={markShown}
        onSuspender={(suspend) => (suspender = suspend)}
        columns={stdout.columns || 100}
        rows={stdout.rows || 30}
      />
    </UiContext.Provider>,
    // Chosen only for a real terminal (see front-end.ts): say so, rather than let Ink guess from CI variables.
    { stdout, stdin: options.stdin ?? process.stdin, exitOnCtrlC: false, patchConsole: false, interactive: true },
  );
  return {
    prompter,
    ready,
    suspend: async () => {
      if (!suspender) return async () => {};
      const suspension = await suspender();
      return () => suspension.resume();
    },
    close: async () => {
      unsubscribe();
      // The last frame (the outcome) must reach the screen before the app goes away.
      if (finished) await outcomeShown;
      await instance.waitUntilRenderFlush();
      instance.unmount();
      await instance.waitUntilExit().catch(() => undefined);
    },
  };
}
