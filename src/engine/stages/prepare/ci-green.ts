import { PyreleaseError } from '../../../domain/errors';
import { formatDuration } from '../../../domain/step-symbols';
import type { ProbeResult, ReadStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { CiVerdict, ReleaseCommit } from '../facts';
import { waitingNotice } from '../shared/waiting-notice';

type CheckState = {
  name: string;
  state: 'pending' | 'success' | 'failure' | 'neutral';
  url: string | null;
  since: string | null;
  until: string | null;
  kind: 'check' | 'status';
};

const FAILED = new Set(['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure', 'stale']);

function symbol(state: CheckState['state']): string {
  return state === 'success' ? '✓' : state === 'failure' ? '✗' : state === 'neutral' ? '-' : '…';
}

/** Every check run and commit status on the release commit; the required ones must all be green. */
export const ciGreen: ReadStep<ReleasePorts> = {
  id: 'prepare.ci',
  title: 'CI green on the release commit',
  effect: 'read',
  needs: [ReleaseCommit],
  gives: [CiVerdict],
  // A gate passed once for this commit stays passed: later runs on the same commit (the TestPyPI and
  // publish workflows' own jobs, a failed publish among them) are not CI's verdict on the release.
  async probe(ctx): Promise<ProbeResult> {
    const earlier = ctx.get(CiVerdict);
    const sha = ctx.need(ReleaseCommit).sha;
    return earlier?.sha === sha ? { state: 'done', detail: `green on ${sha.slice(0, 7)} earlier` } : { state: 'todo' };
  },
  async run(ctx): Promise<StepResult> {
    const sha = ctx.need(ReleaseCommit).sha;
    const { config } = await ctx.reads.session.project();
    const required = new Set(config.requiredChecks);
    const deadline = ctx.reads.clock.now() + config.ciTimeout * 60_000;
    const shown = new Map<string, string>();
    const notice = waitingNotice(ctx);
    for (;;) {
      const [runs, combined] = await Promise.all([
        ctx.reads.github.checkRunsForRef(sha, { filter: 'latest' }),
        ctx.reads.github.combinedStatus(sha),
      ]);
      const checks: CheckState[] = [
        ...runs.map((run): CheckState => ({
          name: run.name,
          state:
            run.status !== 'completed'
              ? 'pending'
              : run.conclusion === 'success'
                ? 'success'
                : run.conclusion && FAILED.has(run.conclusion)
                  ? 'failure'
                  : 'neutral',
          url: run.htmlUrl,
          since: run.startedAt,
          until: run.completedAt,
          kind: 'check',
        })),
        ...combined.statuses.map((status): CheckState => ({
          name: status.context,
          state: status.state === 'success' ? 'success' : status.state === 'pending' ? 'pending' : 'failure',
          url: status.targetUrl,
          since: status.createdAt,
          until: null,
          kind: 'status',
        })),
      ];
      // A line per check whenever its state changes: the live view of the wait.
      for (const check of checks) {
        const elapsed =
          check.since && check.until ? ` in ${formatDuration(Date.parse(check.until) - Date.parse(check.since))}` : '';
        const name = `${check.name}${required.has(check.name) ? ' (required)' : ''}`;
        const line = `${symbol(check.state)} ${name}: ${check.state}${elapsed}`;
        if (shown.get(check.name) !== line) ctx.log(line);
        shown.set(check.name, line);
      }
      const failed = checks.find((check) => check.state === 'failure');
      if (failed) {
        throw new PyreleaseError(
          'ci.failed',
          `${failed.name} failed on the release commit ${sha.slice(0, 7)}${failed.url ? `: ${failed.url}` : '.'}`,
          {
            hint:
              'Fix it on the release branch (the release commit changes, so run ' +
              '`pyrelease` again), or re-run a flaky check and `pyrelease --resume`.',
          },
        );
      }
      const missing = [...required].filter((name) => !checks.some((check) => check.name === name));
      const pending = checks.filter((check) => check.state === 'pending');
      if (missing.length === 0 && pending.length === 0) {
        const others = checks.length - required.size;
        await ctx.give(CiVerdict, { sha, checks: checks.map((check) => check.name) });
        return { detail: `${required.size} required check(s) green${others > 0 ? `, ${others} other(s)` : ''}` };
      }
      notice(
        [
          ...missing.map((name) => `${name} (not reported yet)`),
          ...pending.map((check) => `${check.name}${required.has(check.name) ? '' : ' (not required)'}`),
        ].join(', '),
      );
      if (ctx.reads.clock.now() > deadline) {
        const waiting = [
          ...missing.map((name) => `${name} (never reported)`),
          ...pending.map((check) => `${check.name} (still ${check.state})`),
        ];
        throw new PyreleaseError(
          'ci.timeout',
          `After ${config.ciTimeout} minutes these checks are not green: ${waiting.join(', ')}.`,
          {
            hint:
              'Check that CI runs on pushes to the release branch and that the names ' +
              'match `required-checks` in [tool.pyrelease]; then `pyrelease --resume`.',
          },
        );
      }
      await ctx.reads.clock.sleep(ctx.reads.pacing.pollIntervalMs, ctx.signal);
    }
  },
};
