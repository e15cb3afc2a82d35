import { PyreleaseError } from '../errors.js';

/** One `key = value` of an INI section; offsets locate the value's first line in the file. */
export interface SetupCfgEntry {
  /** The value with continuation lines joined by `\n`, trimmed (configparser's view). */
  readonly value: string;
  readonly line: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface SetupCfg {
  readonly file: string;
  readonly text: string;
  /** Section name → lower-cased key → entry. */
  readonly sections: ReadonlyMap<string, ReadonlyMap<string, SetupCfgEntry>>;
}

/**
 * Reads `setup.cfg` the way setuptools does (Python's configparser with default options):
 * `[section]` headers, `key = value` or `key: value`, keys case-insensitive, indented lines
 * continue the previous value, whole-line comments start with `#` or `;`.
 * https://docs.python.org/3/library/configparser.html#supported-ini-file-structure
 */
export function readSetupCfg(text: string, file = 'setup.cfg'): SetupCfg {
  const sections = new Map<string, Map<string, SetupCfgEntry>>();
  let section: Map<string, SetupCfgEntry> | undefined;
  let last: { key: string; entry: SetupCfgEntry; lines: string[] } | undefined;
  const flush = (): void => {
    if (last && section) section.set(last.key, { ...last.entry, value: last.lines.join('\n').trim() });
    last = undefined;
  };
  // A byte order mark before the first header is skipped; offsets still count it.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  let offset = bom;
  const lines = text.slice(bom).split('\n');
  lines.forEach((rawLine, index) => {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (/^\s/.test(line) && last !== undefined) {
      last.lines.push(trimmed);
      return;
    }
    if (trimmed === '') {
      if (last !== undefined) last.lines.push('');
      return;
    }
    flush();
    const header = /^\[(?<name>[^\]]+)\]/.exec(line);
    if (header?.groups?.name !== undefined) {
      const name = header.groups.name;
      section = sections.get(name) ?? new Map<string, SetupCfgEntry>();
      sections.set(name, section);
      return;
    }
    const pair = /^(?<key>[^=:]+?)\s*[=:]\s?/.exec(line);
    if (section === undefined || pair?.groups?.key === undefined) {
      throw new PyreleaseError(
        'setup-cfg.syntax',
        section === undefined
          ? 'setup.cfg has a key before any [section] header'
          : `setup.cfg line is neither a [section], a "key = value" nor an indented continuation`,
        {
          location: { file, line: index + 1 },
          hint: 'Fix that line of setup.cfg (configparser syntax), or move the metadata to pyproject.toml [project].',
        },
      );
    }
    const valueText = line.slice(pair[0].length);
    const leading = valueText.length - valueText.trimStart().length;
    const valueStart = lineStart + pair[0].length + leading;
    const value = valueText.trim();
    last = {
      key: pair.groups.key.trim().toLowerCase(),
      entry: { value, line: index + 1, valueStart, valueEnd: valueStart + value.length },
      lines: [value],
    };
  });
  flush();
  return { file, text, sections };
}

export function setupCfgValue(cfg: SetupCfg | undefined, section: string, key: string): SetupCfgEntry | undefined {
  return cfg?.sections.get(section)?.get(key);
}

/** A multi-line list value (`install_requires`, `classifiers`): one item per non-empty line. */
export function setupCfgList(cfg: SetupCfg | undefined, section: string, key: string): string[] {
  const value = setupCfgValue(cfg, section, key)?.value ?? '';
  return value
    .split('\n')
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'));
}
