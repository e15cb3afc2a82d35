/**
 * Runs the regular expressions Python tools keep in pyproject.toml (hatch's `[tool.hatch.version]
 * pattern`, setuptools-scm's `tag_regex`, hatch-vcs's `tag-pattern`) with JavaScript's engine.
 * The dialects agree on everything these patterns use except named groups (`(?P<name>…)`,
 * `(?P=name)`), leading inline flags (`(?i)`) and `\A`/`\Z`; those are translated here and
 * anything else JavaScript rejects is reported rather than guessed at.
 * Python syntax: https://docs.python.org/3/library/re.html#regular-expression-syntax
 */

export type CompiledPythonRegex =
  { readonly ok: true; readonly regex: RegExp } | { readonly ok: false; readonly reason: string };

/**
 * `baseFlags`: the flags the tool itself compiles with (hatch uses `re.MULTILINE`, i.e. `m`).
 * The `d` flag is always added so callers can read group offsets (`match.indices`).
 */
export function compilePythonRegex(pattern: string, baseFlags = ''): CompiledPythonRegex {
  const flags = new Set([...baseFlags, 'd']);
  let source = pattern;
  const leading = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (leading?.[1] !== undefined) {
    for (const flag of leading[1]) {
      if (flag === 'i' || flag === 'm' || flag === 's') flags.add(flag);
      // `x` (verbose) changes how the whole pattern reads; JavaScript has no equivalent.
      else if (flag === 'x') return { ok: false, reason: 'the verbose flag (?x) has no JavaScript equivalent' };
      // `a`/`u`/`L` only change what \w and friends match for non-ASCII text: harmless here.
    }
    source = source.slice(leading[0].length);
  }
  // One left-to-right pass, so `\\A` (an escaped backslash, then A) is never read as `\A`.
  source = source.replace(
    /\\(.)|\(\?P<(\w+)>|\(\?P=(\w+)\)/gs,
    (whole, escaped?: string, name?: string, backref?: string) => {
      if (name !== undefined) return `(?<${name}>`;
      if (backref !== undefined) return `\\k<${backref}>`;
      if (escaped === 'A') return '(?<![\\s\\S])';
      if (escaped === 'Z') return '(?![\\s\\S])';
      return whole;
    },
  );
  try {
    return { ok: true, regex: new RegExp(source, [...flags].join('')) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Offsets of a group in a match made with the `d` flag. */
export function groupSpan(match: RegExpExecArray, group: string | number): { start: number; end: number } | undefined {
  const indices = match.indices;
  if (indices === undefined) return undefined;
  const pair = typeof group === 'number' ? indices[group] : indices.groups?.[group];
  return pair === undefined ? undefined : { start: pair[0], end: pair[1] };
}
