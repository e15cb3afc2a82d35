import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PyreleaseError } from '../domain/errors';
import type { GivenAnswers } from '../engine/answers';
import { RELEASE_STOP_AFTER } from '../engine/flows/release-stages';

/** The stages a release can pause after, as `--stop-after` names them (the plan's stage ids). */
export const STAGE_IDS = RELEASE_STOP_AFTER;

export const COMMANDS = ['release', 'status', 'doctor', 'bump', 'init', 'demo'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliOptions {
  command: CommandName;
  /** Arguments after the command (e.g. `bump minor`). */
  args: string[];
  resume: boolean;
  hotfix: boolean;
  dryRun: boolean;
  plain: boolean;
  yes: boolean;
  json: boolean;
  keep: boolean;
  scenario: string | undefined;
  /** `--stop-after STAGE`: pause the release once that stage is done. */
  stopAfter: string | undefined;
  /** `bump --set VERSION`: write exactly this version. */
  set: string | undefined;
  cwd: string;
  answers: GivenAnswers;
  help: boolean;
  version: boolean;
}

const FLAGS = {
  resume: { type: 'boolean' },
  hotfix: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  plain: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  json: { type: 'boolean' },
  keep: { type: 'boolean' },
  scenario: { type: 'string' },
  set: { type: 'string' },
  'stop-after': { type: 'string' },
  cwd: { type: 'string' },
  answer: { type: 'string', multiple: true },
  answers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Which flags each command understands, besides --help, --version and --cwd. */
const COMMAND_FLAGS: Record<CommandName, readonly string[]> = {
  release: ['resume', 'hotfix', 'dry-run', 'plain', 'yes', 'answer', 'answers', 'stop-after'],
  status: [],
  doctor: ['json'],
  bump: ['dry-run', 'set'],
  init: ['dry-run'],
  demo: ['yes', 'plain', 'keep', 'scenario', 'dry-run', 'answer', 'answers', 'stop-after'],
};

function usage(message: string, hint = 'Run `pyrelease --help` to see what is there.'): PyreleaseError {
  return new PyreleaseError('usage', message, { kind: 'usage', hint });
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  const ranked = candidates
    .map((candidate) => ({ candidate, cost: distance(word, candidate) }))
    .sort((a, b) => a.cost - b.cost);
  const best = ranked[0];
  return best && best.cost <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

function parseAnswerFlags(pairs: readonly string[]): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usage(`--answer takes ID=VALUE, got "${pair}".`, 'For example: --answer version.choice=minor');
    answers[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return answers;
}

function readAnswersFile(path: string): Record<string, string | boolean | string[]> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw usage(
      `Cannot read the answers file ${path}: ${(error as Error).message}`,
      'Check the path given to --answers.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw usage(
      `The answers file ${path} is not valid JSON: ${(error as Error).message}`,
      'It holds one object: {"question.id": "value", …}.',
    );
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw usage(
      `The answers file ${path} must hold one JSON object of question ids to answers.`,
      'For example: {"version.choice": "minor", "tag.confirm": true}',
    );
  }
  for (const [key, value] of Object.entries(data)) {
    const fits =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!fits)
      throw usage(
        `In ${path}, the answer to "${key}" must be a string, a boolean or a list of strings.`,
        'Fix that entry and run again.',
      );
  }
  return data as Record<string, string | boolean | string[]>;
}

export function parseOptions(argv: readonly string[], cwd = process.cwd()): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const flag = /'(-{1,2}[^']+)'/.exec(message)?.[1];
    const suggestion = flag ? closest(flag.replace(/^-+/, ''), Object.keys(FLAGS)) : undefined;
    throw usage(
      message.split('. ')[0]!.replace(/\.$/, '') + '.',
      suggestion ? `Did you mean --${suggestion}? Run \`pyrelease --help\` for all options.` : undefined,
    );
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  let command: CommandName = 'release';
  if (first !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(first) || first === 'release') {
      const suggestion = closest(first, COMMANDS);
      throw usage(
        `Unknown command "${first}".`,
        suggestion ? `Did you mean \`pyrelease ${suggestion}\`? Run \`pyrelease --help\` for all commands.` : undefined,
      );
    }
    command = first as CommandName;
  }
  if (command !== 'bump' && rest.length > 0) throw usage(`Unexpected argument "${rest[0]}".`);

  const allowed = new Set([...COMMAND_FLAGS[command], 'help', 'version', 'cwd']);
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !allowed.has(name)) {
      const where = command === 'release' ? '`pyrelease`' : `\`pyrelease ${command}\``;
      throw usage(`--${name} does not apply to ${where}.`);
    }
  }
  // Stage names as people write them (`TestPyPI`) are the ids in lower case.
  const stopAfter = values['stop-after']?.toLowerCase();
  if (stopAfter !== undefined && !(STAGE_IDS as readonly string[]).includes(stopAfter)) {
    const suggestion = closest(stopAfter, STAGE_IDS);
    throw usage(
      `--stop-after takes a stage: ${STAGE_IDS.join(', ')}; "${stopAfter}" is none of them.`,
      suggestion ? `Did you mean \`--stop-after ${suggestion}\`?` : undefined,
    );
  }
  if (values.resume && values.hotfix)
    throw usage('--resume continues the release in progress, whatever its mode; drop --hotfix.');
  // Until the hotfix flow exists, --hotfix must not quietly run a normal release from the default branch.
  if (values.hotfix) {
    throw usage(
      '--hotfix is not available in this version of pyrelease yet.',
      [
        'A patch of an older line: check out release/X.Y, cherry-pick the fix, and release it with',
        '`pyrelease` after setting `branch = "release/X.Y"` in [tool.pyrelease].',
      ].join(' '),
    );
  }

  const answers = {
    ...(values.answers ? readAnswersFile(values.answers) : {}),
    ...parseAnswerFlags(values.answer ?? []),
  };
  return {
    command,
    args: rest,
    resume: values.resume ?? false,
    hotfix: values.hotfix ?? false,
    dryRun: values['dry-run'] ?? false,
    plain: values.plain ?? false,
    yes: values.yes ?? false,
    json: values.json ?? false,
    keep: values.keep ?? false,
    scenario: values.scenario,
    stopAfter,
    set: values.set,
    cwd: values.cwd ?? cwd,
    answers,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
