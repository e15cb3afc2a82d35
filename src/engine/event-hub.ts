import type { EngineEvent } from './events';

export type EventListener = (event: EngineEvent) => void;

/** Fans engine events out to the front end, the log file and anyone else listening. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readonly emit = (event: EngineEvent): void => {
    for (const listener of this.listeners) listener(event);
  };
}
