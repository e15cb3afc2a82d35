import type { Fact } from '../../fact';
import type { ProbeResult, ReadStep, StepContext, StepResult } from '../../step';
import type { SmokeRecord } from '../facts';
import type { ReleasePorts } from '../release-ports';
import { simpleUrl } from './index-urls';
import { filesForVersion, type IndexStepSpec } from './index-wait-step';
import { smokeInVenv } from './smoke-venv';

/**
 * The smoke test of a stage: the spec's version from its index (TestPyPI takes its dependencies
 * from PyPI), checked against the files the wait step saw, its results recorded in `smoke`.
 */
async function smokeFromIndex(ctx: StepContext<ReleasePorts>, spec: SmokeStepSpec): Promise<StepResult> {
  const { config, project } = await ctx.reads.session.project();
  const version = spec.version(ctx);
  const files = filesForVersion(ctx, spec)?.files;
  const outcome = await smokeInVenv(
    ctx,
    { python: ctx.reads.python },
    {
      project: project.name,
      version,
      indexUrl: simpleUrl(config, spec.index),
      ...(spec.index === 'testpypi' ? { extraIndexUrl: simpleUrl(config, 'pypi') } : {}),
      entrypoints: project.entrypoints,
      config,
      userEnv: ctx.reads.env,
      ...(files && files.length > 0 ? { expectedFiles: files.map(({ url }) => ({ url })) } : {}),
    },
  );
  const passed = outcome.results.filter((row) => row.status === 'passed').length;
  await ctx.give(spec.smoke, {
    version,
    passed: true,
    results: outcome.results.map((row) => ({
      name: row.name,
      kind: row.kind,
      status: row.status,
      exitCode: row.exitCode,
      seconds: Math.round(row.seconds * 10) / 10,
    })),
    ...(outcome.installedFrom ? { installedFrom: outcome.installedFrom } : {}),
  });
  return { detail: `${passed} of ${outcome.results.length} passed; the venv was removed` };
}

export interface SmokeStepSpec extends IndexStepSpec {
  /** What the smoke test records. */
  smoke: Fact<SmokeRecord>;
}

/** A smoke-test step: done already when it passed for that same version. */
export function smokeStep(spec: SmokeStepSpec): ReadStep<ReleasePorts> {
  return {
    id: spec.id,
    title: spec.title,
    effect: 'read',
    needs: [spec.run, ...spec.versionNeeds],
    gives: [spec.smoke],
    async probe(ctx): Promise<ProbeResult> {
      const version = spec.version(ctx);
      const recorded = ctx.get(spec.smoke);
      return recorded?.version === version && recorded.passed
        ? { state: 'done', detail: `passed for ${version}` }
        : { state: 'todo' };
    },
    run: (ctx) => smokeFromIndex(ctx, spec),
  };
}
