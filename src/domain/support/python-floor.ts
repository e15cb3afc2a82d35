import { compareVersions, parseVersion } from '../version';

/**
 * The lowest Python a `requires-python` value admits: `none` when nothing bounds it from below,
 * `unknown` when the text is beyond what we read (then any change counts as a floor change, the
 * cautious answer). Exclusive bounds stay exclusive: `>3.8` admits 3.8.1 but not 3.8.0.
 */
export type PythonFloor =
  | { readonly kind: 'none' }
  | { readonly kind: 'bound'; readonly version: string; readonly inclusive: boolean }
  | { readonly kind: 'unknown' };

const NONE: PythonFloor = { kind: 'none' };
const UNKNOWN: PythonFloor = { kind: 'unknown' };

/**
 * One clause: PEP 440 operators (`>=`, `>`, `~=`, `==`, `===`, with `.*` wildcards) and Poetry's
 * (`^3.9`, `~3.9`, a bare `3.9`, `*`), since Poetry 1 projects give `requires-python` that way.
 * Upper bounds and exclusions (`<`, `<=`, `!=`) say nothing about the floor.
 */
function floorOfClause(clause: string): PythonFloor {
  if (clause === '*' || /^(<|<=|!=)/.test(clause)) return NONE;
  const match = /^(===|==|>=|~=|>|\^|~)?(.+?)(\.\*)?$/.exec(clause);
  const version = match?.[2] === undefined ? undefined : parseVersion(match[2]);
  if (!match || !version) return UNKNOWN;
  return { kind: 'bound', version: version.text, inclusive: match[1] !== '>' };
}

/** Which floor admits less: the higher version, and at the same version the exclusive one. */
function compareFloors(a: Extract<PythonFloor, { kind: 'bound' }>, b: Extract<PythonFloor, { kind: 'bound' }>): number {
  return compareVersions(a.version, b.version) || Number(b.inclusive) - Number(a.inclusive);
}

/** All clauses hold at once, so the floor is the highest of theirs. */
function floorOfAll(clauses: readonly PythonFloor[]): PythonFloor {
  if (clauses.some((floor) => floor.kind === 'unknown')) return UNKNOWN;
  const bounds = clauses.filter((floor) => floor.kind === 'bound');
  return bounds.reduce<PythonFloor>(
    (best, floor) => (best.kind !== 'bound' || compareFloors(floor, best) > 0 ? floor : best),
    NONE,
  );
}

export function pythonFloor(requiresPython: string | undefined): PythonFloor {
  if (requiresPython === undefined || requiresPython.trim() === '') return NONE;
  // Poetry's `||`: any alternative may hold, so the floor is the lowest of theirs.
  const alternatives = requiresPython
    .replace(/\s+/g, '')
    .split('||')
    .map((part) =>
      floorOfAll(
        part
          .split(',')
          .filter((c) => c !== '')
          .map(floorOfClause),
      ),
    );
  if (alternatives.some((floor) => floor.kind === 'unknown')) return UNKNOWN;
  if (alternatives.some((floor) => floor.kind === 'none')) return NONE;
  const bounds = alternatives.filter((floor) => floor.kind === 'bound');
  return bounds.reduce((low, floor) => (compareFloors(floor, low) < 0 ? floor : low));
}

/** True unless both floors are known and equal. */
export function floorsDiffer(before: string | undefined, after: string | undefined): boolean {
  const a = pythonFloor(before);
  const b = pythonFloor(after);
  if (a.kind === 'unknown' || b.kind === 'unknown') return true;
  if (a.kind === 'none' || b.kind === 'none') return a.kind !== b.kind;
  return compareFloors(a, b) !== 0;
}
