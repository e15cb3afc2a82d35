import { PyreleaseError } from '../errors.js';
import type { Entrypoint } from './parsed-pyproject.js';
import { setupCfgValue, type SetupCfg } from './read-setup-cfg.js';
import { describeTomlType, isTable, stringAt, tableAt, type TomlTable } from './toml-access.js';

/**
 * The commands a release installs, in file order: `[project.scripts]` (console_scripts),
 * `[project.gui-scripts]` (gui_scripts), Poetry's `[tool.poetry.scripts]`, or a legacy
 * setup.cfg `[options.entry_points]`. Spec: packaging.python.org "Entry points specification"
 * and "pyproject.toml specification" (TECH-FACTS §2, end).
 */
export function readEntrypoints(data: TomlTable, setupCfg?: SetupCfg): Entrypoint[] {
  const entrypoints: Entrypoint[] = [
    ...pep621Scripts(data, 'scripts', 'console'),
    ...pep621Scripts(data, 'gui-scripts', 'gui'),
  ];
  rejectReservedGroups(data);
  for (const script of poetryScripts(data)) {
    // Poetry 2 reads both tables; [project.scripts] is the one that wins on a clash.
    if (!entrypoints.some((known) => known.name === script.name)) entrypoints.push(script);
  }
  if (entrypoints.length === 0 && setupCfg !== undefined) entrypoints.push(...setupCfgScripts(setupCfg));
  return entrypoints;
}

function pep621Scripts(data: TomlTable, key: 'scripts' | 'gui-scripts', kind: Entrypoint['kind']): Entrypoint[] {
  const project = tableAt(data, 'project');
  const declaredIn = `[project.${key}]`;
  if (project === undefined || !Object.hasOwn(project, key)) return [];
  const table = project[key];
  if (!isTable(table)) throw invalidField(`${declaredIn} must be a table, found ${describeTomlType(table)}`);
  return Object.entries(table).map(([name, target]) => {
    if (typeof target !== 'string') {
      throw invalidField(
        `${declaredIn} "${name}" must be a string like "package.module:function", found ${describeTomlType(target)}`,
      );
    }
    return { name, kind, target, declaredIn };
  });
}

/** Defining console_scripts/gui_scripts as plain entry-point groups is an error per the spec. */
function rejectReservedGroups(data: TomlTable): void {
  const groups = tableAt(data, 'project', 'entry-points');
  for (const reserved of ['console_scripts', 'gui_scripts']) {
    if (groups !== undefined && Object.hasOwn(groups, reserved)) {
      const table = reserved === 'console_scripts' ? 'scripts' : 'gui-scripts';
      throw invalidField(
        `[project.entry-points.${reserved}] is not allowed; declare these commands in [project.${table}]`,
      );
    }
  }
}

/** Poetry: `name = "pkg.mod:func"` or `name = { callable = "pkg.mod:func", extras = [...] }`. */
function poetryScripts(data: TomlTable): Entrypoint[] {
  const table = tableAt(data, 'tool', 'poetry', 'scripts');
  const declaredIn = '[tool.poetry.scripts]';
  if (table === undefined) return [];
  return Object.entries(table).map(([name, value]) => {
    if (typeof value === 'string') return { name, kind: 'console' as const, target: value, declaredIn };
    const target = isTable(value) ? (stringAt(value, 'callable') ?? stringAt(value, 'reference')) : undefined;
    if (target === undefined) {
      throw invalidField(
        `${declaredIn} "${name}" must be a string or a table with "callable", found ${describeTomlType(value)}`,
      );
    }
    return { name, kind: 'console' as const, target, declaredIn };
  });
}

/** setup.cfg: `console_scripts =` followed by indented `name = module:attr` lines. */
function setupCfgScripts(cfg: SetupCfg): Entrypoint[] {
  const declaredIn = `${cfg.file} [options.entry_points]`;
  const groups: Array<[string, Entrypoint['kind']]> = [
    ['console_scripts', 'console'],
    ['gui_scripts', 'gui'],
  ];
  return groups.flatMap(([group, kind]) => {
    const lines = (setupCfgValue(cfg, 'options.entry_points', group)?.value ?? '').split('\n');
    return lines.flatMap((line): Entrypoint[] => {
      const match = /^\s*(?<name>[^=\s]+)\s*=\s*(?<target>\S.*?)\s*$/.exec(line)?.groups;
      if (match?.name === undefined || match.target === undefined) return [];
      return [{ name: match.name, kind, target: match.target, declaredIn }];
    });
  });
}

function invalidField(message: string): PyreleaseError {
  return new PyreleaseError('pyproject.invalid-field', message, {
    location: { file: 'pyproject.toml' },
    hint:
      'Fix that table in pyproject.toml ' +
      '(https://packaging.python.org/en/latest/specifications/pyproject-toml/), ' +
      'then run pyrelease again.',
  });
}
