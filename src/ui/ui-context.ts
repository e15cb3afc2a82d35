import { createContext, useContext } from 'react';

export interface UiSettings {
  /** False under NO_COLOR: components then render no colour at all. */
  color: boolean;
  /** URLs in reports become OSC 8 terminal hyperlinks (only with colour: a terminal that shows colour handles them). */
  hyperlinks: boolean;
  /** The clock used for elapsed times (injected so tests are deterministic). */
  now: () => number;
  /** Spinner frames; tests pass one frame so the screen does not change under them. */
  spinnerFrames: readonly string[];
  spinnerInterval: number;
}

export const defaultUiSettings: UiSettings = {
  color: true,
  hyperlinks: false,
  now: () => Date.now(),
  spinnerFrames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'],
  spinnerInterval: 80,
};

export const UiContext = createContext<UiSettings>(defaultUiSettings);

export function useUi(): UiSettings {
  return useContext(UiContext);
}

export function useHyperlinks(): boolean {
  return useUi().hyperlinks;
}

/** A colour prop that disappears when colour is off. */
export function useTone(): (color: string | undefined) => string | undefined {
  const { color } = useUi();
  return (value) => (color ? value : undefined);
}
