import { formatDuration } from '../../../domain/step-symbols';
import type { StepRecord } from '../../../ports/journal-store';
import type { ReadStep, StepResult } from '../../step';
import type { ReleasePorts } from '../release-ports';
import { projectPageUrl } from '../shared/index-urls';
import {
  CandidateRun,
  ChosenVersion,
  NextMilestone,
  PublishRun,
  PublishTrigger,
  PublishedRelease,
  ReleaseSummary,
} from '../facts';

/** A stage as the summary names it. */
export interface StageTitle {
  id: string;
  title: string;
}

/** Time spent in each stage's steps (step ids start with their stage's id), over every session of the flow. */
export function stageDurations(
  records: Readonly<Record<string, Readonly<StepRecord>>>,
  stages: readonly StageTitle[],
): { title: string; ms: number }[] {
  return stages.flatMap(({ id, title }) => {
    let ms = 0;
    for (const [stepId, record] of Object.entries(records)) {
      if (!stepId.startsWith(`${id}.`) || !record.startedAt || !record.finishedAt) continue;
      ms += Math.max(0, Date.parse(record.finishedAt) - Date.parse(record.startedAt));
    }
    return Object.keys(records).some((stepId) => stepId.startsWith(`${id}.`)) ? [{ title, ms }] : [];
  });
}

/** Stage 6: where the release is now, as links, and how long each of the flow's stages took. */
export function releaseSummary(stages: readonly StageTitle[]): ReadStep<ReleasePorts> {
  return {
    id: 'finalize.summary',
    title: 'Summary',
    effect: 'read',
    needs: [ChosenVersion, PublishedRelease],
    gives: [ReleaseSummary],
    async run(ctx): Promise<StepResult> {
      const { config, project } = await ctx.reads.session.project();
      const { version } = ctx.need(ChosenVersion);
      const candidate = ctx.get(CandidateRun);
      const rows: [string, string | undefined][] = [
        ['PyPI', projectPageUrl(config, 'pypi', project.name, version)],
        ['GitHub Release', ctx.get(PublishedRelease)?.url ?? ctx.get(PublishTrigger)?.releaseUrl],
        ['Publish run', ctx.get(PublishRun)?.runUrl],
        ['TestPyPI dry run', candidate?.runUrl ? `${candidate.runUrl} (${candidate.version})` : undefined],
        ['Next milestone', ctx.get(NextMilestone)?.url],
      ];
      const shown = rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
      const width = Math.max(...shown.map(([label]) => label.length));
      const durations = stageDurations(ctx.stepRecords(), stages);
      ctx.report([
        `${project.name} ${version} is on PyPI, installed and smoke-tested from there.`,
        ...shown.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
        `Time per stage: ${durations.map((stage) => `${stage.title} ${formatDuration(stage.ms)}`).join(' · ')}`,
      ]);
      await ctx.give(ReleaseSummary, { links: Object.fromEntries(shown), durations });
      return { detail: `${project.name} ${version} released` };
    },
  };
}
