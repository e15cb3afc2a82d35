import { formatDuration } from '../../../domain/step-symbols';
import type { StepRecord } from '../../../ports/journal-store';
import type { StepOutputs } from '../../journal';
import type { ReadStep } from '../../step';
import { chosenVersion } from '../prepare/outputs';
import type { ReleasePorts } from '../release-ports';
import { projectPageUrl } from '../shared/index-urls';

/** Step ids start with their stage's id; the titles as the plan shows them. */
const STAGES: readonly (readonly [string, string])[] = [
  ['prepare', 'Prepare'],
  ['testpypi', 'TestPyPI dry run'],
  ['tag', 'Tag'],
  ['publish', 'Publish to PyPI'],
  ['smoke', 'Smoke-test from PyPI'],
  ['finalize', 'Finalize'],
];

/** Time spent in each stage's steps, over every session of the release (waits for a person included). */
export function stageDurations(
  records: Readonly<Record<string, Readonly<StepRecord>>>,
): { title: string; ms: number }[] {
  return STAGES.flatMap(([id, title]) => {
    let ms = 0;
    for (const [stepId, record] of Object.entries(records)) {
      if (!stepId.startsWith(`${id}.`) || !record.startedAt || !record.finishedAt) continue;
      ms += Math.max(0, Date.parse(record.finishedAt) - Date.parse(record.startedAt));
    }
    return Object.keys(records).some((stepId) => stepId.startsWith(`${id}.`)) ? [{ title, ms }] : [];
  });
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Stage 6: where the release is now, as links, and how long each stage took. */
export const releaseSummary: ReadStep<ReleasePorts> = {
  id: 'finalize.summary',
  title: 'Summary',
  effect: 'read',
  needs: ['finalize.release'],
  async run(ctx): Promise<StepOutputs> {
    const { config, project } = await ctx.reads.project.load();
    const { version } = chosenVersion(ctx);
    const out = (id: string, key: string) => text(ctx.outputsOf(id)?.[key]);
    const rows: [string, string | undefined][] = [
      ['PyPI', projectPageUrl(config, 'pypi', project.name, version)],
      ['GitHub Release', out('finalize.release', 'url') ?? out('tag.create', 'releaseUrl')],
      ['Publish run', out('publish.watch', 'runUrl')],
      [
        'TestPyPI dry run',
        out('testpypi.publish', 'runUrl')
          ? `${out('testpypi.publish', 'runUrl')} (${out('testpypi.publish', 'version') ?? '?'})`
          : undefined,
      ],
      ['Next milestone', out('finalize.milestone', 'url')],
    ];
    const shown = rows.filter((row): row is [string, string] => row[1] !== undefined);
    const width = Math.max(...shown.map(([label]) => label.length));
    const durations = stageDurations(ctx.stepRecords());
    ctx.report([
      `${project.name} ${version} is on PyPI, installed and smoke-tested from there.`,
      ...shown.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
      `Time per stage: ${durations.map((stage) => `${stage.title} ${formatDuration(stage.ms)}`).join(' · ')}`,
    ]);
    return {
      summary: `${project.name} ${version} released`,
      links: Object.fromEntries(shown),
      durations: durations.map((stage) => ({ ...stage })),
    };
  },
};
