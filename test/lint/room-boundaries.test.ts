import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The probe files exist only in memory: let the type-aware parser accept them by name.
const eslint = new ESLint({
  overrideConfigFile: '.config/eslint.config.js',
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['src/*/lint-probe.ts'] } } },
  },
});

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

describe('room boundaries (lint)', () => {
  it.each([
    [
      'src/engine/lint-probe.ts',
      "import { useState } from 'react';\nexport const x = useState;\n",
      'engine/ is headless',
    ],
    [
      'src/engine/lint-probe.ts',
      "import { spawn } from 'node:child_process';\nexport const x = spawn;\n",
      'engine/ is headless',
    ],
    [
      'src/engine/lint-probe.ts',
      "import { GitCli } from '../adapters/git-cli';\nexport const x = GitCli;\n",
      'engine/ reaches the world through ports/ only',
    ],
    [
      'src/ui/lint-probe.ts',
      "import { GitCli } from '../adapters/git-cli';\nexport const x = GitCli;\n",
      'Front ends see engine events',
    ],
    [
      'src/plain/lint-probe.ts',
      "import { execa } from 'execa';\nexport const x = execa;\n",
      'Front ends never run processes',
    ],
    [
      'src/domain/lint-probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'domain/ is pure',
    ],
    ['src/adapters/lint-probe.ts', "import { Box } from 'ink';\nexport const x = Box;\n", 'adapters/ never render'],
  ])('%s may not import what the room forbids (%#)', async (filePath, source, message) => {
    const errors = await importErrors(filePath, source);
    expect(errors.join('\n')).toContain(message);
  });

  it('lets each room import what it may', async () => {
    expect(
      await importErrors(
        'src/engine/lint-probe.ts',
        "import type { Clock } from '../ports/clock';\nexport type X = Clock;\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'src/ui/lint-probe.ts',
        "import type { EngineEvent } from '../engine/events';\nexport type X = EngineEvent;\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors('src/adapters/lint-probe.ts', "import { execa } from 'execa';\nexport const x = execa;\n"),
    ).toEqual([]);
  });
});
