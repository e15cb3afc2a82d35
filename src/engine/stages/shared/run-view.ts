import { stripLogTimestamp } from '../../../domain/job-log';
import { formatDuration } from '../../../domain/step-symbols';
import { stripAnsi } from '../../../domain/strip-ansi';
import type { JobStep, RunConclusion, WorkflowJob } from '../../../ports/github';

// Pure rendering of a workflow run as engine output lines, the way `gh run watch` draws its tree
// (TECH-FACTS §6), except that only what changed since the last poll is printed: a log, not a
// redrawn screen (STYLE.md §3.7).

/** What the watcher reads of a step. */
export type StepView = Pick<JobStep, 'name' | 'number' | 'status' | 'conclusion' | 'startedAt' | 'completedAt'>;

/** What the watcher reads of a job. */
export type JobView = Pick<WorkflowJob, 'name' | 'status' | 'conclusion' | 'startedAt' | 'completedAt'> & {
  steps: StepView[];
};

/** Conclusions that count as a failure of a job or a run (re-running may help). */
export const FAILED_CONCLUSIONS: ReadonlySet<string> = new Set<RunConclusion>([
  'failure',
  'timed_out',
  'cancelled',
  'startup_failure',
  'action_required',
  'stale',
]);

/** gh's `Symbol(status, conclusion)`: ✓ success, - skipped or neutral, ✗ any other end, * not finished. */
export function runSymbol(status: string | null, conclusion: string | null): string {
  if (status !== 'completed') return '*';
  if (conclusion === 'success') return '✓';
  if (conclusion === 'skipped' || conclusion === 'neutral') return '-';
  return '✗';
}

/** ` in 8.0s` when both ends are known and in order, else nothing. */
function elapsed(startedAt: string | null, completedAt: string | null): string {
  if (!startedAt || !completedAt) return '';
  const ms = Date.parse(completedAt) - Date.parse(startedAt);
  return Number.isNaN(ms) || ms < 0 ? '' : ` in ${formatDuration(ms)}`;
}

/** Whole seconds a job took, or null when it has not finished. */
export function jobSeconds(job: Pick<JobView, 'startedAt' | 'completedAt'>): number | null {
  if (!job.completedAt) return null;
  const ms = Date.parse(job.completedAt) - Date.parse(job.startedAt);
  return Number.isNaN(ms) ? null : Math.max(0, Math.round(ms / 1000));
}

export function jobLine(job: JobView): string {
  // `in_progress` is what `*` means; the other unfinished states are named.
  const note = job.status === 'completed' || job.status === 'in_progress' ? '' : ` (${job.status})`;
  const took = job.status === 'completed' ? elapsed(job.startedAt, job.completedAt) : '';
  return `${runSymbol(job.status, job.conclusion)} ${job.name}${note}${took}`;
}

/** A step line, or undefined while the step is queued (a tree of queued steps is noise). */
export function stepLine(step: StepView): string | undefined {
  if (step.status === 'queued') return undefined;
  const took = step.status === 'completed' ? elapsed(step.startedAt, step.completedAt) : '';
  return `  ${runSymbol(step.status, step.conclusion)} ${step.name}${took}`;
}

/** A finished job that runs again (re-run) or ended otherwise: none of its old steps count as shown. */
function restarted(old: JobView | undefined, job: JobView): boolean {
  if (old?.status !== 'completed') return false;
  return job.status !== 'completed' || job.conclusion !== old.conclusion || job.startedAt !== old.startedAt;
}

/**
 * The lines that tell what changed between two polls of a run's jobs (`previous` undefined: nothing
 * shown yet). Jobs are matched by name, so a re-run attempt (new job ids, passed jobs carried over)
 * prints only the jobs that run again, each from its first step. A job that starts is printed before its steps; a job
 * that
 * finishes, after them, so the log reads in the order things happened.
 */
export function describeRunChanges(previous: readonly JobView[] | undefined, current: readonly JobView[]): string[] {
  const before = new Map((previous ?? []).map((job) => [job.name, job]));
  const lines: string[] = [];
  for (const job of current) {
    const old = before.get(job.name);
    const oldSteps = new Map((restarted(old, job) ? [] : (old?.steps ?? [])).map((step) => [step.number, step]));
    const steps: string[] = [];
    for (const step of job.steps) {
      const line = stepLine(step);
      const oldStep = oldSteps.get(step.number);
      const was = oldStep && oldStep.name === step.name ? stepLine(oldStep) : undefined;
      if (line !== undefined && line !== was) steps.push(line);
    }
    const line = jobLine(job);
    const changed = old === undefined || jobLine(old) !== line;
    if (changed && job.status === 'completed') lines.push(...steps, line);
    else if (changed) lines.push(line, ...steps);
    else lines.push(...steps);
  }
  return lines;
}

// GitHub's job logs: a byte-order mark, then every line prefixed with an ISO timestamp carrying
// seven fractional digits (`2026-05-01T10:00:00.1234567Z `), plus workflow commands for grouping.
/** The last `count` lines of a job log, without the BOM, timestamps, colour codes or group markers. */
export function tailOfJobLog(text: string, count = 25): string[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => stripAnsi(stripLogTimestamp(line)))
    .filter((line) => line !== '##[endgroup]')
    .map((line) =>
      line
        .replace(/^##\[group\]/, '▸ ')
        .replace(/^##\[error\]/, 'Error: ')
        .replace(/^##\[warning\]/, 'Warning: '),
    );
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  return lines.slice(-count);
}
