import type { EventHub } from '../engine/event-hub';
import type { Prompter } from '../engine/prompter';
import { InquirerPrompter } from '../plain/inquirer-prompter';
import { LineRenderer } from '../plain/line-renderer';

export interface FrontEnd {
  kind: 'ink' | 'plain';
  /** Undefined when nobody can answer: questions then need --answer. */
  prompter: Prompter | undefined;
  ready: Promise<void>;
  close(): Promise<void>;
  /** Hands the terminal to a child process; the returned function takes it back. */
  suspend(): Promise<() => Promise<void>>;
}

export interface Terminal {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
}

/** Plain lines when asked, or when nobody is looking at a real terminal. */
export function wantsPlain(plainFlag: boolean, terminal: Terminal): boolean {
  const { env } = terminal;
  return plainFlag || !terminal.stdout.isTTY || !terminal.stdin.isTTY || env['TERM'] === 'dumb' || isCi(env);
}

export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function wantsColor(terminal: Terminal): boolean {
  const { env } = terminal;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined) return env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false';
  return Boolean(terminal.stdout.isTTY) && env['TERM'] !== 'dumb';
}

export async function startFrontEnd(options: {
  plain: boolean;
  terminal: Terminal;
  hub: EventHub;
  onCancel: () => void;
}): Promise<FrontEnd> {
  const { terminal, hub } = options;
  const color = wantsColor(terminal);
  if (wantsPlain(options.plain, terminal)) {
    const renderer = new LineRenderer(color);
    const unsubscribe = hub.subscribe((event) => {
      for (const line of renderer.render(event)) terminal.stdout.write(`${line}\n`);
    });
    const interactive = Boolean(terminal.stdin.isTTY && terminal.stdout.isTTY) && !isCi(terminal.env);
    return {
      kind: 'plain',
      prompter: interactive ? new InquirerPrompter() : undefined,
      ready: Promise.resolve(),
      close: async () => unsubscribe(),
      // Plain lines own nothing of the terminal between events.
      suspend: async () => async () => {},
    };
  }
  // Ink and React load only when the full-screen interface is really wanted: plain runs start faster.
  const { startInk } = await import('../ui/start-ink');
  const ink = startInk({
    events: hub,
    onCancel: options.onCancel,
    color,
    stdout: terminal.stdout,
    stdin: terminal.stdin,
  });
  return { kind: 'ink', prompter: ink.prompter, ready: ink.ready, close: ink.close, suspend: ink.suspend };
}
