import { sandboxGit } from '../sample-project/sandbox-git';
import { mirrorCreatedTag } from './remote-tags';
import { runRequiredChecks, type CheckOutcome } from './required-checks';
import { RunDriver, type RunTrigger, type RunnerWorld } from './run-driver';
import { triggeredByRelease, triggeredByTag, workflowsAt, type WorkflowPlan } from './workflow-catalog';

export interface WorkflowsSim {
  /** Resolves once every run and check started so far has concluded. */
  idle(): Promise<void>;
  /** How many runs each kind of trigger produced (tests count dispatches). */
  counts(): { push: number; dispatch: number; release: number; rerun: number };
  /** Runs the required checks on a commit, as a push to the default branch does; resolves with their conclusions. */
  requiredChecks(sha: string): Promise<CheckOutcome[]>;
  /** Counts work begun outside (the merge bot) as activity: `idle()` waits for it, and its errors go to the log. */
  track(work: Promise<void>): void;
  stop(): void;
}

/**
 * GitHub Actions, simulated: pushes of tags start the publish workflow whose `on.push.tags` match,
 * dispatches and published releases start theirs, pushes to the default branch get the required
 * checks. A tag GitHub creates itself (publishing a release) is written to the bare remote. Jobs really check out,
 * build and upload; approvals, reruns and failures behave as on GitHub.
 */
export async function attachWorkflowsSim(
  world: Omit<RunnerWorld, 'awaitReview'> & { defaultBranch: string },
): Promise<WorkflowsSim> {
  const { sim, remoteDir } = world;
  const reviews = new Map<number, (approved: boolean) => void>();
  const pending = new Set<Promise<void>>();
  const plans = new Map<number, { plan: WorkflowPlan; trigger: RunTrigger }>();
  const counts = { push: 0, dispatch: 0, release: 0, rerun: 0 };
  /** Tags on their way into the bare remote, by name. */
  const tagsWritten = new Map<string, Promise<void>>();
  const driver = new RunDriver({
    ...world,
    awaitReview: (runId) => new Promise<boolean>((resolve) => reviews.set(runId, resolve)),
  });
  const track = (work: Promise<void>) => {
    const guarded = work.catch((error: unknown) =>
      world.log(`simulator error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    );
    pending.add(guarded);
    void guarded.finally(() => pending.delete(guarded));
  };
  const start = (plan: WorkflowPlan, trigger: RunTrigger, runId?: number) => {
    const id =
      runId ??
      sim.createRun({ workflow: plan.file, event: trigger.event, headBranch: trigger.ref, headSha: trigger.sha }).id;
    plans.set(id, { plan, trigger });
    world.log(`run ${id}: ${plan.file} on ${trigger.event} of ${trigger.ref} (${trigger.sha.slice(0, 7)})`);
    track(driver.drive(id, plan, trigger));
  };

  // The workflows GitHub knows about: those on the default branch (dispatch needs them there).
  const head = sim.ref(`refs/heads/${world.defaultBranch}`);
  if (head)
    for (const plan of await workflowsAt(remoteDir, head))
      sim.defineWorkflow({ file: plan.file, name: plan.name, triggers: [...plan.triggers.events] });

  const checks = (sha: string) => track(runRequiredChecks(sim, world.scenario, sha).then(() => undefined));

  const unsubscribe = [
    sim.on('push', (event) => {
      if (event.deleted) return;
      if (event.ref === `refs/heads/${world.defaultBranch}`) checks(event.sha);
      const tag = event.ref.startsWith('refs/tags/') ? event.ref.slice('refs/tags/'.length) : undefined;
      if (!tag) return;
      const written = event.created
        ? mirrorCreatedTag(remoteDir, tag, event.sha).then((created) => {
            if (created) world.log(`tag ${tag} created by GitHub at ${event.sha.slice(0, 7)}`);
          })
        : Promise.resolve();
      tagsWritten.set(tag, written);
      track(
        (async () => {
          await written;
          // An annotated tag's ref names the tag object; runs are for the commit it points at.
          const commit = await sandboxGit(remoteDir, ['rev-parse', `${event.sha}^{commit}`]);
          for (const plan of (await workflowsAt(remoteDir, commit)).filter((entry) => triggeredByTag(entry, tag))) {
            counts.push += 1;
            start(plan, { event: 'push', ref: tag, sha: commit, inputs: {}, prerelease: false });
          }
        })(),
      );
    }),
    sim.on('dispatch', (event) => {
      counts.dispatch += 1;
      track(
        (async () => {
          const plan = (await workflowsAt(remoteDir, event.sha)).find((entry) => entry.file === event.workflow.file);
          if (!plan) {
            sim.updateRun(event.runId, { status: 'completed', conclusion: 'startup_failure' });
            return;
          }
          start(
            plan,
            { event: 'workflow_dispatch', ref: event.ref, sha: event.sha, inputs: event.inputs, prerelease: false },
            event.runId,
          );
        })(),
      );
    }),
    sim.on('release-published', (event) => {
      track(
        (async () => {
          // Publishing created the tag a moment ago (the push just before): the run sees it, as on GitHub.
          await tagsWritten.get(event.release.tagName)?.catch(() => undefined);
          for (const plan of (await workflowsAt(remoteDir, event.sha)).filter(triggeredByRelease)) {
            counts.release += 1;
            start(plan, {
              event: 'release',
              ref: event.release.tagName,
              sha: event.sha,
              inputs: {},
              prerelease: event.release.prerelease,
            });
          }
        })(),
      );
    }),
    sim.on('deployment-reviewed', (event) => {
      reviews.get(event.runId)?.(event.state === 'approved');
      reviews.delete(event.runId);
    }),
    sim.on('rerun', (event) => {
      const known = plans.get(event.runId);
      if (!known) return;
      counts.rerun += 1;
      const jobs = new Map(
        sim
          .jobs(event.runId)
          .filter((job) => event.jobIds.includes(job.id))
          .map((job) => [job.name, job.id]),
      );
      track(driver.drive(event.runId, known.plan, known.trigger, jobs));
    }),
  ];

  return {
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    counts: () => ({ ...counts }),
    requiredChecks: (sha) => runRequiredChecks(sim, world.scenario, sha),
    track,
    stop: () => unsubscribe.forEach((off) => off()),
  };
}
