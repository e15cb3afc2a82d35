/** One row of the smoke test: a console script, the import check, or an extra smoke command. */
export interface SmokeRow {
  /** The script name, `import <module>`, or the command as typed. */
  name: string;
  kind: 'script' | 'import' | 'command' | 'install' | 'version';
  status: 'passed' | 'failed' | 'skipped';
  /** null when it did not run, timed out, or could not be started. */
  exitCode: number | null;
  expectedExit: number;
  timedOut: boolean;
  /** Wall time of the run; 0 when skipped. */
  seconds: number;
  /** Its output, stdout and stderr in arrival order. */
  output: string[];
  /** Why it was skipped or why it failed, in words. */
  note?: string;
}

const SYMBOL = { passed: '✓', failed: '✗', skipped: '-' } as const;
const FIRST_LINE_WIDTH = 60;

function firstLine(row: SmokeRow): string {
  if (row.status === 'skipped') return row.note ?? '';
  const line = row.output.find((text) => text.trim() !== '')?.trim() ?? '';
  return line.length > FIRST_LINE_WIDTH ? `${line.slice(0, FIRST_LINE_WIDTH - 1)}…` : line;
}

function exitCell(row: SmokeRow): string {
  // A check made inside pyrelease (the installed version) runs no program: it has no exit code.
  if (row.status === 'skipped' || row.kind === 'version') return '-';
  if (row.timedOut) return 'timeout';
  return row.exitCode === null ? '?' : String(row.exitCode);
}

/** `name | result | exit | seconds | first output line`, columns aligned, a rule under the header. */
export function renderSmokeTable(rows: readonly SmokeRow[]): string[] {
  const cells = rows.map((row) => [
    row.name,
    SYMBOL[row.status],
    exitCell(row),
    row.status === 'skipped' ? '-' : row.seconds.toFixed(1),
    firstLine(row),
  ]);
  const header = ['name', 'result', 'exit', 'seconds', 'first output line'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => (cell[column] ?? '').length)),
  );
  const format = (cell: string[]) =>
    cell
      .map((text, column) => (column === cell.length - 1 ? text : text.padEnd(widths[column] ?? 0)))
      .join(' │ ')
      .trimEnd();
  // The last column is as wide as its longest cell, and never empty.
  const rule = widths.map((width, column) => '─'.repeat(column === widths.length - 1 ? Math.max(width, 1) : width));
  return [format(header), rule.join('─┼─'), ...cells.map(format)];
}
