import { field, isMapping } from './parse-triggers';

export type UploadTarget = 'pypi' | 'testpypi' | 'other' | 'expression';

export interface PublishStep {
  readonly job: string;
  readonly step: number;
  /** `with:` of the step. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Where `repository-url` points; no URL means PyPI (TECH-FACTS §4.3). */
  readonly target: UploadTarget;
}

const PUBLISH_ACTION = /^pypa\/gh-action-pypi-publish(?:@|$)/i;

export function stepsOf(job: unknown): unknown[] {
  const steps = field(job, 'steps');
  return Array.isArray(steps) ? steps : [];
}

/** Every step of every job that uses `pypa/gh-action-pypi-publish`, whatever the ref. */
export function findPublishSteps(jobs: Readonly<Record<string, unknown>>): PublishStep[] {
  const found: PublishStep[] = [];
  for (const job of Object.keys(jobs)) {
    stepsOf(jobs[job]).forEach((step, index) => {
      const uses = field(step, 'uses');
      if (typeof uses !== 'string' || !PUBLISH_ACTION.test(uses.trim())) return;
      const inputs = field(step, 'with');
      const withInputs = isMapping(inputs) ? inputs : {};
      found.push({ job, step: index, inputs: withInputs, target: uploadTarget(withInputs) });
    });
  }
  return found;
}

/** `repository-url`, or its deprecated snake_case alias. */
export function repositoryUrlOf(inputs: Readonly<Record<string, unknown>>): unknown {
  return field(inputs, 'repository-url') ?? field(inputs, 'repository_url');
}

function uploadTarget(inputs: Readonly<Record<string, unknown>>): UploadTarget {
  const url = repositoryUrlOf(inputs);
  if (url === undefined || url === null || url === '') return 'pypi';
  const text = String(url);
  if (text.includes('${{')) return 'expression';
  const host = URL.canParse(text) ? new URL(text).hostname : '';
  if (host === 'test.pypi.org') return 'testpypi';
  return host === 'upload.pypi.org' || host === 'pypi.org' ? 'pypi' : 'other';
}

/** Jobs that call a reusable workflow (`jobs.<id>.uses`). */
export function reusableWorkflowJobs(jobs: Readonly<Record<string, unknown>>): { job: string; uses: string }[] {
  return Object.keys(jobs).flatMap((job) => {
    const uses = field(jobs[job], 'uses');
    return typeof uses === 'string' ? [{ job, uses }] : [];
  });
}
