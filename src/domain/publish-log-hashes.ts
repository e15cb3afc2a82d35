import { stripLogTimestamp } from './job-log';
import { stripAnsi } from './strip-ansi';

/*
 * The hashes `pypa/gh-action-pypi-publish` logs before it uploads, when its input `print-hash`
 * (or `verbose`) is on. Its print-hash.py writes one header, then for each entry of the packages
 * directory the absolute path (`/github/workspace/dist/<file>` in the action's container), a blank
 * line, `SHA256: <hex>`, `MD5: <hex>`, `BLAKE2-256: <hex>` and a blank line:
 *
 *   Showing hash values of files to be uploaded:
 *   /github/workspace/dist/acme-1.0.tar.gz
 *
 *   SHA256: 6f1e…
 *   MD5: 0b9c…
 *   BLAKE2-256: 3d2a…
 *
 * The directory may hold more than the dists (`*.publish.attestation` files once attestations are
 * made); those are listed too. A job log downloaded from GitHub puts a timestamp in front of every
 * line, and stderr lines (warnings, tracebacks) can land between the block's lines.
 */

export const PRINT_HASH_HEADER = 'Showing hash values of files to be uploaded:';

const SHA256_LINE = /^SHA256: ?([0-9a-fA-F]{64})$/;
const OTHER_HASH_LINE = /^(?:MD5|BLAKE2-256): ?[0-9a-fA-F]+$/;
// What print-hash.py prints for a file: an absolute path, POSIX or Windows (a self-hosted runner).
const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/])/;
// twine's first line, once the hashes are out; or the log moving on to another step.
const BLOCK_END = /^(?:Uploading distributions to |##\[(?:group|endgroup)\])/;
const SKIPPED = /\bSkipping (\S+) because it appears to already exist\b/;

/** The log's lines without the byte-order mark, the timestamps, colour codes and trailing blanks. */
function plainLines(logText: string): string[] {
  return logText
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => stripAnsi(stripLogTimestamp(line)).trimEnd());
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * File name → sha256 (lower-case hex) of every file the publish action listed under its
 * "Showing hash values" header, in any number of such blocks; empty when the log has none (the
 * action ran without `print-hash`). A file whose SHA256 line never came is left out.
 */
export function hashesFromPublishLog(logText: string): Map<string, string> {
  const hashes = new Map<string, string>();
  let inBlock = false;
  let current: string | undefined;
  for (const line of plainLines(logText)) {
    if (line === PRINT_HASH_HEADER) {
      inBlock = true;
      current = undefined;
      continue;
    }
    if (!inBlock) continue;
    if (BLOCK_END.test(line)) {
      inBlock = false;
      continue;
    }
    const sha256 = SHA256_LINE.exec(line);
    if (sha256) {
      // The first SHA256 after a path is that file's; anything else is not ours to guess.
      if (current !== undefined && !hashes.has(current)) hashes.set(current, sha256[1]!.toLowerCase());
      current = undefined;
    } else if (ABSOLUTE_PATH.test(line) && !OTHER_HASH_LINE.test(line)) {
      current = basename(line);
      // A file listed again (a second block) is hashed again: the later listing wins.
      hashes.delete(current);
    }
    // Blank lines, MD5 and BLAKE2-256, interleaved stderr: nothing to take.
  }
  return hashes;
}

/**
 * The files twine did not upload because the index already had them (`skip-existing`): what the
 * index serves under those names came from an earlier upload, not from the files hashed here.
 */
export function skippedInPublishLog(logText: string): Set<string> {
  const skipped = new Set<string>();
  for (const line of plainLines(logText)) {
    const match = SKIPPED.exec(line);
    if (match) skipped.add(basename(match[1]!));
  }
  return skipped;
}
