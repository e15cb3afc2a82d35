// GitHub's job logs, as downloaded: every line prefixed with an ISO timestamp carrying seven
// fractional digits (`2026-05-01T10:00:00.1234567Z `).
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?/;

/** The line of a downloaded job log without the timestamp GitHub put in front of it. */
export function stripLogTimestamp(line: string): string {
  return line.replace(TIMESTAMP, '');
}
