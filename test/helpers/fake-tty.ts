import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';

/** A terminal's output: everything written, readable as plain text. */
export class FakeTtyOut extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 110;
  readonly rows = 40;
  private chunks: string[] = [];

  write = (chunk: string | Uint8Array, encoding?: unknown, callback?: () => void): boolean => {
    this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };

  /** All output so far, escape sequences removed. */
  text(): string {
    return stripVTControlCharacters(this.chunks.join(''));
  }

  /** Waits (polling, never sleeping blindly) until the output holds `needle` `times` times. */
  async waitFor(needle: string, times = 1, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.text().split(needle).length - 1 >= times) return;
      if (Date.now() > deadline)
        throw new Error(
          `Timed out waiting for ${JSON.stringify(needle)}. The screen so far ends:\n${this.text().slice(-1500)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/**
 * A terminal's keyboard: what Ink reads in raw mode. Like a real stream, typed keys wait in a
 * buffer until read, and a `readable` listener added later is told about them.
 */
export class FakeTtyIn extends EventEmitter {
  readonly isTTY = true;
  private buffered: string[] = [];

  constructor() {
    super();
    this.on('newListener', (event) => {
      if (event === 'readable' && this.buffered.length > 0) setImmediate(() => this.emit('readable'));
    });
  }

  type(text: string): void {
    this.buffered.push(text);
    this.emit('readable');
  }

  read = (): string | null => {
    const data = this.buffered.shift();
    return data ?? null;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}
