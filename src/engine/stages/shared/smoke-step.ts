import type { Json } from '../../../ports/journal-store';
import type { StepOutputs } from '../../journal';
import type { ProbeResult, ReadStep, StepContext } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { simpleUrl } from './index-urls';
import { recordedForVersion, type IndexStepSpec } from './index-wait-step';
import { smokeInVenv } from './smoke-venv';

/** The files a wait step recorded, to check that pip installed one of them. */
function recordedFiles(outputs: StepOutputs | undefined): { url: string }[] | undefined {
  const files = outputs?.['files'];
  if (!Array.isArray(files)) return undefined;
  const urls = files.flatMap((file) =>
    typeof file === 'object' && file !== null && !Array.isArray(file) && typeof file['url'] === 'string'
      ? [{ url: file['url'] }]
      : [],
  );
  return urls.length > 0 ? urls : undefined;
}

/**
 * The smoke test of a stage: `version` from `index` (TestPyPI takes its dependencies from PyPI),
 * with the files the wait step saw. Returns the step's outputs, results included, for the record.
 */
export async function smokeFromIndex(
  ctx: StepContext<ReleasePorts>,
  options: { index: 'pypi' | 'testpypi'; version: string; waitStep: string },
): Promise<StepOutputs> {
  const { config, project } = await ctx.reads.project.load();
  const expectedFiles = recordedFiles(ctx.outputsOf(options.waitStep));
  const outcome = await smokeInVenv(
    ctx,
    { python: ctx.reads.python },
    {
      project: project.name,
      version: options.version,
      indexUrl: simpleUrl(config, options.index),
      ...(options.index === 'testpypi' ? { extraIndexUrl: simpleUrl(config, 'pypi') } : {}),
      entrypoints: project.entrypoints,
      config,
      userEnv: ctx.reads.env,
      ...(expectedFiles ? { expectedFiles } : {}),
    },
  );
  const passed = outcome.results.filter((row) => row.status === 'passed').length;
  const results: Json = outcome.results.map((row) => ({
    name: row.name,
    kind: row.kind,
    status: row.status,
    exitCode: row.exitCode,
    seconds: Math.round(row.seconds * 10) / 10,
  }));
  return {
    summary: `${passed} of ${outcome.results.length} passed; the venv was removed`,
    version: options.version,
    passed: true,
    results,
    ...(outcome.installedFrom ? { installedFrom: outcome.installedFrom } : {}),
  };
}

export interface SmokeStepSpec extends IndexStepSpec {
  /** The step that waited for the index and recorded the files pip must install one of. */
  waitStep: string;
}

/** A smoke-test step: done already when it passed for that same version. */
export function smokeStep(spec: SmokeStepSpec): ReadStep<ReleasePorts> {
  return {
    id: spec.id,
    title: spec.title,
    effect: 'read',
    needs: [spec.runStep],
    async probe(ctx): Promise<ProbeResult> {
      return recordedForVersion(ctx, spec)?.['passed'] === true
        ? { state: 'done', detail: `passed for ${spec.version(ctx)}` }
        : { state: 'todo' };
    },
    run: (ctx) => smokeFromIndex(ctx, { index: spec.index, version: spec.version(ctx), waitStep: spec.waitStep }),
  };
}
