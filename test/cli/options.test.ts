// Unit tests of the option parser: no binary is run here.
import { describe, expect, it } from 'vitest';
import { COMMANDS, STAGE_IDS, parseOptions } from '../../src/cli/options';
import { PyreleaseError, exitCodeFor } from '../../src/domain/errors';
import { helpText } from '../../src/cli/help';
import { releasePlan } from '../../src/engine/flows/release-flow';
import { RELEASE_STOP_AFTER } from '../../src/engine/flows/release-stages';

/** The usage error `parseOptions` throws for `argv`; fails the test when it does not throw one. */
function usageError(argv: string[]): PyreleaseError {
  let thrown: unknown;
  try {
    parseOptions(argv, '/project');
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof PyreleaseError))
    throw new Error(`expected a PyreleaseError for ${argv.join(' ')}, got ${String(thrown)}`);
  expect(thrown.kind).toBe('usage');
  expect(thrown.code).toBe('usage');
  expect(exitCodeFor(thrown)).toBe(2);
  return thrown;
}

describe('--stop-after', () => {
  it('is accepted by `pyrelease`, for every stage it names', () => {
    for (const stage of STAGE_IDS) {
      const options = parseOptions(['--stop-after', stage], '/project');
      expect(options.command).toBe('release');
      expect(options.stopAfter).toBe(stage);
    }
  });

  it('is accepted by `pyrelease demo`, also written --stop-after=STAGE', () => {
    expect(parseOptions(['demo', '--stop-after=tag', '--yes'], '/project')).toMatchObject({
      command: 'demo',
      stopAfter: 'tag',
      yes: true,
    });
  });

  it('goes with --resume and --dry-run', () => {
    expect(parseOptions(['--resume', '--stop-after', 'publish'], '/project')).toMatchObject({
      resume: true,
      stopAfter: 'publish',
    });
    expect(parseOptions(['--dry-run', '--stop-after', 'prepare'], '/project')).toMatchObject({
      dryRun: true,
      stopAfter: 'prepare',
    });
  });

  it('is undefined when not given', () => {
    expect(parseOptions([], '/project').stopAfter).toBeUndefined();
    expect(parseOptions(['demo'], '/project').stopAfter).toBeUndefined();
  });

  it.each(COMMANDS.filter((command) => command !== 'release' && command !== 'demo'))(
    'is refused by `pyrelease %s`',
    (command) => {
      const error = usageError([command, '--stop-after', 'tag']);
      expect(error.message).toBe(`--stop-after does not apply to \`pyrelease ${command}\`.`);
    },
  );

  it('refuses an unknown stage, naming the stages and suggesting the closest', () => {
    const error = usageError(['--stop-after', 'testpyp']);
    expect(error.message).toBe(
      '--stop-after takes a stage: prepare, testpypi, tag, publish, smoke; "testpyp" is none of them.',
    );
    expect(error.hint).toBe('Did you mean `--stop-after testpypi`?');
    expect(usageError(['demo', '--stop-after', 'pubish']).hint).toBe('Did you mean `--stop-after publish`?');
    expect(usageError(['--stop-after', 'smok']).hint).toBe('Did you mean `--stop-after smoke`?');
  });

  it('refuses a stage far from any, without a wrong suggestion', () => {
    const error = usageError(['--stop-after', 'everything']);
    expect(error.message).toContain('prepare, testpypi, tag, publish, smoke');
    expect(error.hint).not.toContain('--stop-after ');
  });

  it('refuses the last stage: there is nothing after it to pause before', () => {
    expect(usageError(['--stop-after', 'finalize']).message).toContain('"finalize" is none of them');
  });

  it('takes stage names in any case, as people write them', () => {
    expect(parseOptions(['--stop-after', 'TestPyPI']).stopAfter).toBe('testpypi');
    expect(usageError(['--stop-after', 'Tags']).message).toContain(
      'prepare, testpypi, tag, publish, smoke; "tags" is none of them',
    );
  });

  it('needs a value', () => {
    expect(usageError(['--stop-after']).message).toContain('--stop-after');
  });
});

describe('STAGE_IDS', () => {
  it('are the release plan’s stage ids but the last, in plan order', () => {
    const ids = releasePlan().stages.map((stage) => stage.id);
    expect(ids.length).toBeGreaterThan(1);
    expect([...STAGE_IDS]).toEqual(ids.slice(0, -1));
  });
});

describe('--hotfix', () => {
  it('says it is not available yet, instead of running a normal release from the default branch', () => {
    const error = usageError(['--hotfix']);
    expect(error.message).toBe('--hotfix is not available in this version of pyrelease yet.');
    expect(error.hint).toContain('release/X.Y');
  });

  it('still refuses to be combined with --resume, which continues whatever is in progress', () => {
    expect(usageError(['--resume', '--hotfix']).message).toContain('drop --hotfix');
  });
});

describe('--help', () => {
  it('names the stages --stop-after takes from the release flow itself', () => {
    expect(helpText()).toContain(`pause once a stage is done (${RELEASE_STOP_AFTER.join(', ')})`);
    expect(RELEASE_STOP_AFTER).toEqual(
      releasePlan()
        .stages.slice(0, -1)
        .map((stage) => stage.id),
    );
  });
});
