import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { PRINT_HASH_HEADER } from '../../domain/publish-log-hashes';
import { normalizeVersion } from '../../domain/version';
import { PYRELEASE_NPX } from '../../domain/workflows';
import type { GitHubSim } from '../github-sim';
import { blake2b256Hex } from '../index-server/blake2b';
import { parseDistFilename } from '../index-server/dist-filename';
import { buildDistributions, type BuiltDistributions } from './build-distributions';
import type { ActionsScenario } from './scenario';
import { uploadToIndex } from './upload-to-index';
import type { JobPlan, WorkflowPlan } from './workflow-catalog';

export interface RunnerWorld {
  sim: GitHubSim;
  remoteDir: string;
  workRoot: string;
  python: string;
  uploadUrls: { pypi: string; testpypi: string };
  scenario: ActionsScenario;
  log: (line: string) => void;
  /** Resolves when the run's pending deployment is reviewed: true = approved. */
  awaitReview: (runId: number) => Promise<boolean>;
}

export interface RunTrigger {
  event: 'push' | 'workflow_dispatch' | 'release';
  /** Tag or branch name. */
  ref: string;
  sha: string;
  inputs: Record<string, string>;
  prerelease: boolean;
}

/** The few `if:` conditions publish workflows use, evaluated as Actions would. */
function jobRuns(condition: string | undefined, trigger: RunTrigger, isTag: boolean): boolean {
  if (!condition) return true;
  if (condition.includes('github.event.release.prerelease')) return trigger.event !== 'release' || trigger.prerelease;
  if (condition.includes("startsWith(github.ref, 'refs/tags/')")) return isTag;
  return true;
}

class StepFailure extends Error {}

/**
 * What the publish action's print-hash.py logs before the upload: a header, then per file its
 * path in the action's container, a blank line, its SHA256, MD5 and BLAKE2-256, a blank line.
 */
async function printHashes(paths: string[], say: (line: string) => void): Promise<void> {
  say(PRINT_HASH_HEADER);
  for (const path of paths) {
    const bytes = await readFile(path);
    say(`/github/workspace/dist/${basename(path)}`);
    say('');
    say(`SHA256: ${createHash('sha256').update(bytes).digest('hex')}`);
    say(`MD5: ${createHash('md5').update(bytes).digest('hex')}`);
    say(`BLAKE2-256: ${blake2b256Hex(bytes)}`);
    say('');
  }
}

/** Drives one run through its jobs and steps; returns when the run has concluded. */
export class RunDriver {
  private readonly artifacts = new Map<number, BuiltDistributions>();
  /** The version a run's "Set the version to rehearse" step set, for its build. */
  private readonly versions = new Map<number, string>();

  constructor(private readonly world: RunnerWorld) {}

  async drive(runId: number, plan: WorkflowPlan, trigger: RunTrigger, only?: Map<string, number>): Promise<void> {
    const { sim } = this.world;
    const isTag = trigger.event !== 'workflow_dispatch' || /^v?\d/.test(trigger.ref);
    sim.updateRun(runId, { status: 'in_progress' });
    let failed = false;
    let ranAny = false;
    // As on GitHub: a job whose `needs` did not all succeed is skipped (a re-run keeps earlier results).
    const results = new Map<string, 'success' | 'failure' | 'skipped'>(
      sim
        .jobs(runId)
        .filter((entry) => entry.conclusion !== null)
        .map((entry) => [
          plan.jobs.find((planned) => planned.name === entry.name)?.id ?? entry.name,
          entry.conclusion === 'success' ? 'success' : entry.conclusion === 'skipped' ? 'skipped' : 'failure',
        ]),
    );
    for (const job of plan.jobs) {
      const existing = only?.get(job.name);
      if (only && existing === undefined) continue;
      const blocked = job.needs.some((need) => results.get(need) !== 'success');
      if (blocked || !jobRuns(job.condition, trigger, isTag)) {
        if (existing !== undefined) sim.updateJob(existing, { status: 'completed', conclusion: 'skipped' });
        else sim.addJob(runId, { name: job.name, status: 'completed', conclusion: 'skipped', steps: [] });
        results.set(job.id, 'skipped');
        continue;
      }
      ranAny = true;
      const ok = await this.driveJob(runId, plan, job, trigger, existing);
      results.set(job.id, ok ? 'success' : 'failure');
      if (!ok) failed = true;
    }
    sim.updateRun(runId, { status: 'completed', conclusion: failed ? 'failure' : ranAny ? 'success' : 'skipped' });
    this.world.log(`run ${runId} (${plan.file}) concluded ${failed ? 'failure' : ranAny ? 'success' : 'skipped'}`);
  }

  private async driveJob(
    runId: number,
    plan: WorkflowPlan,
    job: JobPlan,
    trigger: RunTrigger,
    existingJobId?: number,
  ): Promise<boolean> {
    const { sim, scenario } = this.world;
    const jobId =
      existingJobId ??
      sim.addJob(runId, { name: job.name, status: 'queued', steps: job.steps.map((name) => ({ name })) }).id;
    const lines: string[] = [];
    const say = (line: string) => lines.push(line);

    if (job.environment && scenario.reviewers.includes(job.environment)) {
      sim.updateJob(jobId, { status: 'waiting' });
      sim.updateRun(runId, { status: 'waiting' });
      sim.addPendingDeployment(runId, { environment: job.environment, currentUserCanApprove: true });
      this.world.log(`run ${runId}: job "${job.name}" waits for approval of the ${job.environment} environment`);
      const after = scenario.colleagueApprovesAfterMs;
      if (after !== undefined) {
        setTimeout(() => {
          if (sim.approveAsColleague(runId, 'maintainer'))
            this.world.log(`run ${runId}: a colleague approved the ${job.environment} environment`);
        }, after).unref();
      }
      const approved = await this.world.awaitReview(runId);
      if (!approved) {
        sim.updateJob(jobId, { status: 'completed', conclusion: 'failure' });
        return false;
      }
      sim.updateRun(runId, { status: 'in_progress' });
    }

    sim.updateJob(jobId, { status: 'in_progress', runnerName: 'GitHub Actions 2' });
    let ok = true;
    for (const [index, name] of job.steps.entries()) {
      const number = index + 1;
      if (!ok) {
        sim.updateStep(jobId, number, { status: 'completed', conclusion: 'skipped' });
        continue;
      }
      sim.updateStep(jobId, number, { status: 'in_progress' });
      say(`##[group]${name}`);
      try {
        this.injectedFailure(plan.file, name);
        await this.step(runId, job, index, trigger, say);
        sim.updateStep(jobId, number, { status: 'completed', conclusion: 'success' });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.world.log(`run ${runId}: step "${name}" of job "${job.name}" failed: ${message}`);
        say(`##[error]${message}`);
        say('##[error]Process completed with exit code 1.');
        sim.updateStep(jobId, number, { status: 'completed', conclusion: 'failure' });
        ok = false;
      }
      say('##[endgroup]');
      await delay(scenario.stepDelayMs);
    }
    sim.setJobLog(jobId, lines.join('\n'));
    sim.updateJob(jobId, { status: 'completed', conclusion: ok ? 'success' : 'failure' });
    return ok;
  }

  private injectedFailure(workflow: string, step: string): void {
    const failure = this.world.scenario.failures.find(
      (entry) => entry.times > 0 && step.includes(entry.step) && (!entry.workflow || entry.workflow === workflow),
    );
    if (!failure) return;
    failure.times -= 1;
    throw new StepFailure(failure.reason);
  }

  private async step(
    runId: number,
    job: JobPlan,
    index: number,
    trigger: RunTrigger,
    say: (line: string) => void,
  ): Promise<void> {
    const name = job.steps[index] ?? '';
    if (job.setsVersion.includes(index)) {
      this.setVersion(runId, trigger, say);
    } else if (name.includes('actions/checkout')) {
      say(`Checking out ${trigger.ref} at ${trigger.sha}`);
    } else if (/build the sdist|python -m build/i.test(name)) {
      const version = this.versions.get(runId);
      const built = await buildDistributions({
        remoteDir: this.world.remoteDir,
        ref: trigger.sha,
        workDir: join(this.world.workRoot, `run-${runId}-${Date.now()}`),
        python: this.world.python,
        ...(version === undefined ? {} : { version }),
        onLine: say,
      });
      this.artifacts.set(runId, built);
    } else if (/tag matches|tag.*version/i.test(name)) {
      this.checkVersion(runId, trigger, say);
    } else if (name.includes('pypa/gh-action-pypi-publish')) {
      await this.publish(runId, job, say);
    } else {
      say(`${name}: done`);
    }
  }

  /**
   * What the generated TestPyPI workflow's version step does: the dispatch's `version` input, or
   * the release tag without the sandbox's `v` prefix, becomes the version the build produces.
   */
  private setVersion(runId: number, trigger: RunTrigger, say: (line: string) => void): void {
    this.versions.delete(runId);
    const tag = trigger.event === 'release' ? trigger.ref : undefined;
    if (tag !== undefined && !tag.startsWith('v'))
      throw new StepFailure(`Tag ${tag} is not a release tag of the form v<version>`);
    const wanted = (tag === undefined ? (trigger.inputs['version'] ?? '') : tag.slice(1)).replace(/\s/g, '');
    if (!wanted) {
      say('No version given: building the version the project files hold.');
      return;
    }
    const version = normalizeVersion(wanted);
    if (version === undefined)
      throw new StepFailure(
        `pyrelease: Version "${wanted}" is not a PEP 440 version; write it like 1.2.4 or 1.3.0rc1.`,
      );
    if (version.includes('+')) throw new StepFailure(`pyrelease: ${version} is a local version, and PyPI refuses them`);
    say(`SETUPTOOLS_SCM_PRETEND_VERSION=${wanted} and PDM_BUILD_SCM_VERSION=${wanted} added to $GITHUB_ENV`);
    say(`npx --yes ${PYRELEASE_NPX} bump --set ${wanted}`);
    this.versions.set(runId, version);
  }

  /** The same comparison the generated workflow's Python step makes. */
  private checkVersion(runId: number, trigger: RunTrigger, say: (line: string) => void): void {
    const built = this.mustHaveArtifacts(runId);
    const versions = new Set(
      [built.sdist, built.wheel].map((path) => {
        const parsed = parseDistFilename(path.split('/').pop() ?? '');
        return parsed.ok ? parsed.value.version.text : 'unparsable';
      }),
    );
    const wanted =
      trigger.event === 'workflow_dispatch' ? trigger.inputs['version']?.trim() : trigger.ref.replace(/^v/, '');
    if (!wanted) {
      say('No version input given: nothing to compare the build with.');
      return;
    }
    const expected = normalizeVersion(wanted);
    if (!expected || versions.size !== 1 || !versions.has(expected)) {
      throw new StepFailure(
        `${trigger.event === 'workflow_dispatch' ? 'the version input' : `tag ${trigger.ref}`} says ${wanted}, but the build produced ` +
          `${[...versions].join(', ')}: fix the version, then tag ` +
          `again`,
      );
    }
    say(`${trigger.ref} matches the built version ${expected}`);
  }

  private async publish(runId: number, job: JobPlan, say: (line: string) => void): Promise<void> {
    const built = this.mustHaveArtifacts(runId);
    const testpypi = job.repositoryUrl?.includes('test.pypi.org') ?? false;
    const uploadUrl = testpypi ? this.world.uploadUrls.testpypi : this.world.uploadUrls.pypi;
    say(
      `Checking for trusted publishing: exchanging the OIDC token for a ` +
        `short-lived upload token (${testpypi ? 'testpypi' : 'pypi'})`,
    );
    if (job.printHash) await printHashes([built.sdist, built.wheel], say);
    for (const path of [built.sdist, built.wheel]) {
      const result = await uploadToIndex(uploadUrl, path, `pypi-sandbox-run-${runId}`);
      if (result.status === 200) {
        say(`Uploading ${result.filename} ... 200 OK`);
      } else if (job.skipExisting && result.text.startsWith('File already exists')) {
        say(`Skipping ${result.filename} because it appears to already exist`);
      } else {
        throw new StepFailure(`HTTPError: ${result.status} ${result.text.trim()}`);
      }
    }
  }

  private mustHaveArtifacts(runId: number): BuiltDistributions {
    const built = this.artifacts.get(runId);
    if (!built)
      throw new StepFailure(
        'Unable to download artifact(s): Artifact not found for name: python-package-distributions',
      );
    return built;
  }
}
