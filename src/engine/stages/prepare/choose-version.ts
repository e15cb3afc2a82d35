import { readPyproject } from '../../../domain/pyproject';
import { compareSupport, minimumBumpFor, minimumBumpReason } from '../../../domain/support';
import { formatTag, versionOfTag } from '../../../domain/tags';
import { classifyBump, parseVersion, requiresMigrationNotes } from '../../../domain/version';
import { checkNewVersion, versionChoices } from '../../../domain/version-choice';
import type { ProbeResult, ReadStep, StepResult } from '../../step';
import { ChosenVersion } from '../facts';
import type { ReleasePorts } from '../release-ports';

type Taken = { version: string; source: 'tag' | 'PyPI' | 'TestPyPI' };

export const chooseVersion: ReadStep<ReleasePorts> = {
  id: 'prepare.version',
  title: 'Choose the version',
  effect: 'read',
  gives: [ChosenVersion],
  asks: ['version.choice', 'version.custom'],
  // The choice is a decision of this release: on resume it stands, even though the project's
  // current version has moved to it by then (a relative answer like "patch" would move it again).
  async probe(ctx): Promise<ProbeResult> {
    const earlier = ctx.get(ChosenVersion);
    if (!earlier) return { state: 'todo' };
    await ctx.setRelease({ to: earlier.version });
    return { state: 'done', detail: `${earlier.version}, chosen earlier` };
  },
  async run(ctx): Promise<StepResult> {
    const snapshot = await ctx.reads.session.project();
    const { config, project, versionSource, latest } = snapshot;
    const current = versionSource.currentVersion ?? '0.0.0';

    // PyPI never lets a version be used twice, even deleted or yanked: every one is taken.
    const tags = (await ctx.reads.git.tags()).flatMap((tag) => {
      const version = versionOfTag(config.tagFormat, tag);
      return version ? [{ version, source: 'tag' as const }] : [];
    });
    const onIndex = async (index: 'pypi' | 'testpypi', source: 'PyPI' | 'TestPyPI'): Promise<Taken[]> =>
      ((await ctx.reads[index].releases(project.name)) ?? []).map((release) => ({ version: release.version, source }));
    const taken: Taken[] = [...tags, ...(await onIndex('pypi', 'PyPI')), ...(await onIndex('testpypi', 'TestPyPI'))];
    const latestOf = (source: Taken['source']) =>
      taken
        .filter((entry) => entry.source === source)
        .map((entry) => entry.version)
        .at(-1);

    // A changed requires-python floor or a dropped Python version since the last tag is not a patch.
    const before = latest ? await ctx.reads.git.fileAt(latest.tag, 'pyproject.toml') : undefined;
    const changes = compareSupport(before === undefined ? undefined : readPyproject(before), project);
    const minimumBump = minimumBumpFor(changes);
    const reason = minimumBumpReason(changes);
    const rules = {
      current,
      taken,
      ...(minimumBump ? { minimumBump } : {}),
      ...(reason ? { minimumBumpReason: reason } : {}),
    };

    const choices = versionChoices(rules);
    const offered = choices.filter((choice) => !choice.refusedBecause);
    const detail = [
      `Current version ${current} (${versionSource.kind} in ${versionSource.file}) · ` +
        `latest tag ${latest?.tag ?? 'none'} · PyPI ${latestOf('PyPI') ?? 'none'} · TestPyPI ` +
        `${latestOf('TestPyPI') ?? 'none'}`,
      ...choices
        .filter((choice) => choice.refusedBecause)
        .map((choice) => `  ${choice.kind} ${choice.version} is not offered: ${choice.refusedBecause}`),
    ].join('\n');
    const answer = await ctx.ask({
      kind: 'select',
      id: 'version.choice',
      message: 'Which version?',
      detail,
      choices: [
        ...offered.map((choice) => ({
          value: choice.kind,
          label: choice.version,
          hint: choice.kind === 'rc' ? 'release candidate' : choice.bumpClass,
        })),
        { value: 'custom', label: 'Another version…', hint: 'PEP 440' },
      ],
      default: offered[0]?.kind ?? 'custom',
    });
    let requested = offered.find((choice) => choice.kind === answer)?.version;
    if (requested === undefined) {
      requested = await ctx.ask({
        kind: 'text',
        id: 'version.custom',
        message: 'Version (PEP 440)',
        validate: (text) => {
          try {
            checkNewVersion(text, rules);
            return undefined;
          } catch (error) {
            return error instanceof Error ? error.message : String(error);
          }
        },
      });
    }
    const { version, normalizedFrom } = checkNewVersion(requested, rules);
    if (normalizedFrom) ctx.log(`Using ${version}, the normal form of ${normalizedFrom} (PEP 440).`);
    const bumpClass = classifyBump(current, version);
    const migrationRequired = requiresMigrationNotes(current, version);
    await ctx.give(ChosenVersion, {
      version,
      tag: formatTag(config.tagFormat, version),
      bumpClass,
      migrationRequired,
      prerelease: parseVersion(version)?.isPrerelease ?? false,
      file: versionSource.file,
      supportChanges: changes.map((change) => change.description),
    });
    await ctx.setRelease({ to: version });
    return {
      detail: `${current} → ${version} (${bumpClass}${migrationRequired ? ', migration notes required' : ''})`,
    };
  },
};
