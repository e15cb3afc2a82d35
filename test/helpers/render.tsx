import { render as inkRender } from 'ink-testing-library';
import type { ReactNode } from 'react';
import { UiContext, defaultUiSettings, type UiSettings } from '../../src/ui/ui-context';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  space: ' ',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

export interface Rendered {
  lastFrame(): string;
  /** Types into the app's stdin. */
  type(text: string): void;
  /** Polls the screen until `predicate` holds; on timeout fails showing the last frame seen. */
  waitForFrame(predicate: (frame: string) => boolean, description?: string, timeoutMs?: number): Promise<string>;
  rerender(node: ReactNode): void;
  unmount(): void;
}

/**
 * The one wrapper around ink-testing-library: fixed settings (no colour, a still spinner, a fixed
 * clock) so frames are deterministic, and a wait that polls instead of sleeping for a guess.
 */
export function renderUi(node: ReactNode, settings: Partial<UiSettings> = {}): Rendered {
  const fixed: UiSettings = { ...defaultUiSettings, color: false, spinnerFrames: ['*'], now: () => 0, ...settings };
  const wrap = (child: ReactNode) => <UiContext.Provider value={fixed}>{child}</UiContext.Provider>;
  const instance = inkRender(wrap(node));
  const lastFrame = () => instance.lastFrame() ?? '';
  return {
    lastFrame,
    type: (text) => instance.stdin.write(text),
    rerender: (child) => instance.rerender(wrap(child)),
    unmount: () => instance.unmount(),
    waitForFrame: async (predicate, description = 'the expected frame', timeoutMs = 3000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = lastFrame();
        if (predicate(frame)) return frame;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${description}. Last frame:\n${frame}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
