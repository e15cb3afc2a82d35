import { createWriteStream, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { stateFileError } from './state-file-errors';

/**
 * The full, uncut record of a session's output, beside the journal. Lines arrive redacted.
 *
 * A log that cannot be opened (a full disk, no permission, a read-only or immutable directory) stops the
 * command before anything runs, with `log.unwritable`. A write that fails later (the disk filled up) ends
 * the log, not the release: `onError` hears of it once, and the journal, which resume relies on, says
 * for itself whether it can still be saved.
 */
export class LogFile {
  private readonly stream: WriteStream;
  private failed = false;

  constructor(
    readonly path: string,
    onError: (error: unknown) => void = () => undefined,
  ) {
    const problem = (doing: string) => ({ code: 'log.unwritable', doing, path, dir: dirname(path) });
    let fd: number;
    try {
      mkdirSync(dirname(path), { recursive: true });
      // Opened here, not by the stream: a stream reports a failed open later, as an event nobody may hear.
      fd = openSync(path, 'a', 0o600);
    } catch (error) {
      throw stateFileError(error, problem('open the log'));
    }
    this.stream = createWriteStream(path, { fd });
    this.stream.on('error', (error) => {
      if (this.failed) return;
      this.failed = true;
      onError(stateFileError(error, problem('write the log to')));
    });
  }

  write(line: string): void {
    if (this.failed) return;
    this.stream.write(line.endsWith('\n') ? line : `${line}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.failed || this.stream.destroyed) resolve();
      else this.stream.end(resolve);
    });
  }
}
