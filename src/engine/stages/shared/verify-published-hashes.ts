/*
 * Stage 4, after PyPI lists the release: are the files it serves the ones the publish run
 * uploaded? `pypa/gh-action-pypi-publish` logs their hashes before the upload when the step sets
 * `print-hash: true` (the workflows `pyrelease init` writes do); the index's JSON API gives the
 * sha256 of what it received. A file in both with two different hashes means someone else
 * uploaded it, and the release must not be trusted. A run that logs no hashes (an older workflow)
 * or a log that cannot be read is said, not a failure.
 */
import type { ReleaseConfig } from '../../../domain/config';
import { PyreleaseError } from '../../../domain/errors';
import { hashesFromPublishLog, skippedInPublishLog } from '../../../domain/publish-log-hashes';
import type { WorkflowJob } from '../../../ports/github';
import type { StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { projectPageUrl } from './index-urls';
import type { IndexedReleaseFile } from './wait-for-index';

const PUBLISH_ACTION = 'pypa/gh-action-pypi-publish';
const INDEX_NAMES = { pypi: 'PyPI', testpypi: 'TestPyPI' } as const;

export interface PublishedHashesOptions {
  index: 'pypi' | 'testpypi';
  /** What is known of the publishing run (`PublishRun`, `CandidateRun`). */
  run: { runId?: number | undefined; runUrl?: string | undefined };
  /** What the index's JSON API lists for the release, with its sha256. */
  files: IndexedReleaseFile[];
  project: string;
  version: string;
  config: ReleaseConfig;
}

/** What the run's log says: the hashes (empty when none), and why no log was read, if so. */
interface LoggedHashes {
  hashes: Map<string, string>;
  skipped: Set<string>;
  unreadable: string[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the logs of the run's jobs, the ones with a pypi-publish step first (else every job that
 * ran), until one holds the hashes the action printed.
 */
async function loggedHashes(ctx: StepContext<ReleasePorts>, jobs: WorkflowJob[]): Promise<LoggedHashes> {
  const ran = jobs.filter((job) => job.conclusion !== 'skipped');
  const publishing = ran.filter((job) => job.steps.some((step) => step.name.includes(PUBLISH_ACTION)));
  const unreadable: string[] = [];
  for (const job of publishing.length > 0 ? publishing : ran) {
    let text: string | undefined;
    try {
      text = await ctx.reads.github.jobLog(job.id);
    } catch (error) {
      unreadable.push(`the log of ${job.name} could not be read (${errorText(error)})`);
      continue;
    }
    if (text === undefined) {
      unreadable.push(`the log of ${job.name} is not available`);
      continue;
    }
    const hashes = hashesFromPublishLog(text);
    if (hashes.size > 0) return { hashes, skipped: skippedInPublishLog(text), unreadable };
  }
  return { hashes: new Map(), skipped: new Set(), unreadable };
}

/**
 * Compares the sha256 the index (PyPI or TestPyPI) lists for each file with the one the publish run logged. Logs a line
 * per matching file; throws `publish.hash-mismatch` when a file in both differs. True when every
 * file the index lists was found to be what the run uploaded.
 */
export async function verifyPublishedHashes(
  ctx: StepContext<ReleasePorts>,
  options: PublishedHashesOptions,
): Promise<boolean> {
  const name = INDEX_NAMES[options.index];
  const { runId, runUrl } = options.run;
  if (runId === undefined) {
    ctx.log(`No publish run is recorded, so the files on ${name} were not compared with what it uploaded.`);
    return false;
  }
  let jobs: WorkflowJob[];
  try {
    jobs = await ctx.reads.github.jobs(runId);
  } catch (error) {
    ctx.log(
      `The jobs of run ${runId} could not be read (${errorText(error)}): the files on ${name} were not ` +
        `compared with what it uploaded.`,
    );
    return false;
  }
  const logged = await loggedHashes(ctx, jobs);
  if (logged.hashes.size === 0) {
    if (logged.unreadable.length > 0) {
      ctx.log(
        `In run ${runId}, ${logged.unreadable.join('; ')}: the files on ${name} were not compared with what it ` +
          `uploaded.`,
      );
    } else {
      ctx.log(
        `Run ${runId} did not log the hashes of what it uploaded (\`print-hash: ` +
          `true\` on its ${PUBLISH_ACTION} step does): the files on ${name} were not compared with ` +
          `them.`,
      );
    }
    return false;
  }

  const mismatches: string[] = [];
  let verified = 0;
  for (const file of options.files) {
    const uploaded = logged.hashes.get(file.filename);
    if (logged.skipped.has(file.filename)) {
      ctx.log(
        `Run ${runId} skipped ${file.filename} as already on ${name}: that file came from an earlier ` +
          `upload, not compared.`,
      );
    } else if (uploaded === undefined) {
      ctx.log(`${file.filename} is on ${name} but not among the files run ${runId} hashed: not compared.`);
    } else if (uploaded === file.sha256.toLowerCase()) {
      ctx.log(`sha256 of ${file.filename} matches what run ${runId} uploaded`);
      verified += 1;
    } else {
      mismatches.push(
        `${file.filename}: ${name} serves sha256 ${file.sha256}, run ${runId} uploaded sha256 ${uploaded}`,
      );
    }
  }
  if (mismatches.length > 0) {
    const base = options.config.index[options.index].replace(/\/+$/, '');
    throw new PyreleaseError(
      'publish.hash-mismatch',
      [
        `${name} serves ${mismatches.length === 1 ? 'a file' : 'files'} of ${options.project} ${options.version} ` +
          `that run ${runId} did not upload:`,
        ...mismatches.map((line) => `  ${line}`),
      ].join('\n'),
      {
        hint:
          `Do not install ${options.project} ${options.version}. Yank the release on ${name} ` +
          `(${base}/manage/project/${options.project}/release/${options.version}/; ` +
          `its page: ${projectPageUrl(options.config, options.index, options.project, options.version)}), ` +
          `then investigate who uploaded those files: ` +
          (`the project's security history on ${name}, its API tokens and trusted ` +
            `publishers${runUrl ? `, and the run's log (${runUrl})` : ''}.`),
      },
    );
  }
  return verified === options.files.length && verified > 0;
}
