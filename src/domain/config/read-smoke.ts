import { formatKeyPath } from './config-error';
import type { ConfigReader } from './config-reader';
import { isTable, valueOf } from './config-reader';
import { DEFAULT_SMOKE_SCRIPT } from './default-config';
import { nearestKey } from './nearest-key';
import { checkStringList, nonEmpty, readBoolean, readDuration, readInteger, readStringList } from './read-fields';
import type { SmokeCommand, SmokeScriptConfig } from './release-config';
import type { KeySegment } from './toml-key-lines';

const SCRIPT_KEYS = ['args', 'timeout', 'expect-exit', 'skip'] as const;
const COMMAND_KEYS = ['argv', 'timeout', 'expect-exit'] as const;
/** Long enough for a slow import on a cold runner; an hour means something hangs. */
const MAX_SMOKE_SECONDS = 3600;

const exitCode = (value: number): string | undefined =>
  value >= 0 && value <= 255 ? undefined : 'an exit code from 0 to 255';

/**
 * `[tool.pyrelease.smoke.<script>]`. `scripts` are the project's console scripts when they are
 * statically known: then a table naming any other script is a typo that would silently smoke
 * nothing, so it is reported.
 */
export function readSmoke(
  reader: ConfigReader,
  value: unknown,
  path: readonly KeySegment[],
  scripts: readonly string[] | undefined,
): Record<string, SmokeScriptConfig> {
  const smoke = reader.table(value, path, '[tool.pyrelease.smoke.my-cli] with args = ["--version"]');
  const entries: [string, SmokeScriptConfig][] = [];
  for (const script of Object.keys(smoke)) {
    const at = [...path, script];
    const entry = valueOf(smoke, script);
    if (!isTable(entry)) {
      reader.wrongType(
        at,
        `a table of smoke settings for the console script "${script}"`,
        entry,
        `Write it as a table [${formatKeyPath(at)}] with keys ${SCRIPT_KEYS.join(', ')}.`,
      );
      continue;
    }
    if (scripts && !scripts.includes(script)) {
      const suggestion = nearestKey(script, scripts);
      reader.report(
        'config.unknown-key',
        at,
        `{key} names no console script of the ` +
          `project; its scripts are: ${scripts.length > 0 ? scripts.join(', ') : '(none)'}.`,
        suggestion
          ? `Did you mean \`${suggestion}\`? Use the name as written in [project.scripts].`
          : 'Remove the table, or use a name as written in [project.scripts].',
      );
    }
    reader.onlyKnownKeys(entry, at, SCRIPT_KEYS);
    const d = DEFAULT_SMOKE_SCRIPT;
    entries.push([
      script,
      Object.freeze({
        args: readStringList(reader, entry, at, 'args', { fallback: d.args, example: ['--version'] }) ?? d.args,
        timeout:
          readDuration(reader, entry, at, 'timeout', {
            fallback: d.timeout,
            example: 120,
            unit: 'seconds',
            max: MAX_SMOKE_SECONDS,
          }) ?? d.timeout,
        expectExit:
          readInteger(reader, entry, at, 'expect-exit', { fallback: d.expectExit, example: 0, check: exitCode }) ??
          d.expectExit,
        skip: readBoolean(reader, entry, at, 'skip', { fallback: d.skip, example: true }) ?? d.skip,
      }),
    ]);
  }
  return Object.freeze(Object.fromEntries(entries));
}

/** `smoke-commands`: each item an argv array, or a table `{ argv, timeout, expect-exit }`. */
export function readSmokeCommands(reader: ConfigReader, value: unknown, path: readonly KeySegment[]): SmokeCommand[] {
  if (value === undefined) return [];
  const hint =
    'Write it like `smoke-commands = [["python", "-c", "import acme"], { ' +
    'argv = ["acme", "serve", "--check"], timeout = 30 }]`.';
  if (!Array.isArray(value)) {
    reader.wrongType(path, 'an array of commands', value, hint);
    return [];
  }
  const commands: SmokeCommand[] = [];
  value.forEach((item: unknown, index) => {
    const at = [...path, index];
    const table = Array.isArray(item) ? { argv: item } : item;
    if (!isTable(table)) {
      reader.wrongType(at, 'an argv array or a table with `argv`', item, hint);
      return;
    }
    if (!Array.isArray(item)) reader.onlyKnownKeys(table, at, COMMAND_KEYS);
    // An argv given directly is reported at the item itself, not at a made-up `argv` key.
    const argvField = { fallback: undefined, example: ['acme', '--version'], nonEmpty: true, checkItem: nonEmpty };
    const argv = Array.isArray(item)
      ? checkStringList(reader, item, at, 'argv', argvField)
      : readStringList(reader, table, at, 'argv', argvField);
    const timeout = readDuration(reader, table, at, 'timeout', {
      fallback: DEFAULT_SMOKE_SCRIPT.timeout,
      example: 120,
      unit: 'seconds',
      max: MAX_SMOKE_SECONDS,
    });
    const expectExit = readInteger(reader, table, at, 'expect-exit', { fallback: 0, example: 0, check: exitCode });
    if (argv && timeout !== undefined && expectExit !== undefined)
      commands.push(Object.freeze({ argv, timeout, expectExit }));
  });
  return commands;
}
