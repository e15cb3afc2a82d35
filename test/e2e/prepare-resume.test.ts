import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { releasePlan } from '../../src/engine/flows/release-flow';
import type { Sandbox } from '../../src/sandbox/sandbox';
import { sandboxGit } from '../../src/sandbox/sample-project/sandbox-git';
import { fastSandbox, runInSandbox, startInSandbox } from '../helpers/sandbox-cli';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

const prepare = releasePlan().stages.find((stage) => stage.id === 'prepare')!;

describe('Prepare, killed at any step and resumed', () => {
  it.each(prepare.steps.map((step) => [step.id, step.title]))(
    'killed at %s, --resume finishes with one bump commit, one draft release, the checklist kept',
    async (_id, title) => {
      sandbox = await fastSandbox();
      const child = startInSandbox(sandbox, ['--stop-after', 'prepare', '--yes']);
      child.stdout?.setEncoding('utf8');
      let seen = '';
      await new Promise<void>((resolve) => {
        child.stdout?.on('data', (chunk: string) => {
          seen += chunk;
          // Started (›), or found done already (✓ … already done): either way, the step is here.
          if (seen.includes(`› ${title}\n`) || seen.includes(`✓ ${title} — already done`)) resolve();
        });
        void child.then(() => resolve());
      });
      child.kill('SIGKILL');
      await child;

      const resumed = await runInSandbox(sandbox, ['--resume', '--stop-after', 'prepare', '--yes']);
      expect(resumed.stderr).toBe('');
      expect(resumed.exitCode).toBe(0);
      const subjects = (await sandboxGit(sandbox.project.remoteDir, ['log', '--format=%s', 'main'])).split('\n');
      expect(subjects.filter((subject) => subject === 'Release 0.1.1')).toHaveLength(1);
      expect(sandbox.github.releases().filter((release) => release.tagName === 'v0.1.1')).toHaveLength(1);
      const record = JSON.parse(
        readFileSync(join(sandbox.project.projectDir, '.git', 'pyrelease', 'journal.json'), 'utf8'),
      ) as { answers: Record<string, unknown>; steps: Record<string, { state: string }> };
      expect(Object.keys(record.answers).filter((id) => id.startsWith('checklist.'))).toHaveLength(3);
      expect(Object.values(record.steps).every((step) => step.state === 'done')).toBe(true);
    },
  );
});
