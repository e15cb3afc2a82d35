import type { OutputLine } from './view-state';

/**
 * Collects output lines and hands them over at most every `intervalMs`: a busy child can print
 * thousands of lines a second, and one React render per line costs quadratic time.
 * Only the newest `keep` lines survive a flush: the screen shows fewer than that anyway.
 */
export class OutputBatcher {
  private pending: OutputLine[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deliver: (lines: OutputLine[]) => void,
    private readonly intervalMs = 50,
    private readonly keep = 200,
  ) {}

  push(line: OutputLine): void {
    this.pending.push(line);
    if (this.pending.length > this.keep * 2) this.pending = this.pending.slice(-this.keep);
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const lines = this.pending.length > this.keep ? this.pending.slice(-this.keep) : this.pending;
    this.pending = [];
    this.deliver(lines);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
