import { PyreleaseError } from '../errors';

/**
 * GitHub Actions filter patterns (`on.push.tags`, `branches`), as the "Filter pattern cheat sheet"
 * of the workflow syntax docs defines them: `*` any characters but `/`, `**` any characters,
 * `?` zero or one of the preceding character, `+` one or more of it, `[a-z0-9]` one character of a
 * set, `\` escapes the next character. A leading `!` (negation) is handled by `matchesFilters`.
 */
export function filterPatternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] ?? '';
    if (char === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[i + 1] ?? '');
      i += 1;
    } else if (char === '*') {
      const double = pattern[i + 1] === '*';
      source += double ? '.*' : '[^/]*';
      if (double) i += 1;
    } else if (char === '?' || char === '+') {
      source += char;
    } else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) {
        source += '\\[';
      } else {
        source += `[${pattern.slice(i + 1, end).replace(/[\\\]^]/g, '\\$&')}]`;
        i = end;
      }
    } else {
      source += escapeRegExp(char);
    }
  }
  try {
    return new RegExp(`^${source}$`);
  } catch (error) {
    // `?` or `+` with nothing to repeat (`+v`, `v*+`, `v?+`), or a range backwards (`[9-0]`).
    const reason = error instanceof Error ? (error.message.split(': ').pop() ?? error.message) : String(error);
    throw new PyreleaseError(
      'workflow.bad-filter-pattern',
      `the filter pattern "${pattern}" is not valid: ${reason}.`,
      {
        hint:
          '`?` and `+` repeat the character before them (write `\\?` or `\\+` for the character itself), and a ' +
          'range such as `[0-9]` runs upwards. Fix the pattern in the workflow `on:` filters or in ' +
          '[tool.pyrelease] performance-paths, then run pyrelease again.',
        cause: error,
      },
    );
  }
}

/**
 * Whether `name` passes an include list (later `!pattern` entries exclude again, and the last
 * matching entry wins, as GitHub evaluates them) and no ignore pattern.
 */
export function matchesFilters(
  name: string,
  include: readonly string[] | undefined,
  ignore: readonly string[] | undefined,
): boolean {
  if (ignore?.some((pattern) => filterPatternToRegExp(pattern).test(name))) return false;
  if (include === undefined) return true;
  let matched = false;
  for (const pattern of include) {
    const negated = pattern.startsWith('!');
    if (filterPatternToRegExp(negated ? pattern.slice(1) : pattern).test(name)) matched = !negated;
  }
  return matched;
}

/**
 * The `on.push.tags` pattern for a tag format: `v{version}` → `v*`. A bare `{version}` becomes
 * `[0-9]*`, so that pushing any other tag does not start a publish run.
 */
export function tagPatternFor(tagFormat: string): string {
  const [prefix = '', suffix = ''] = tagFormat.split('{version}');
  const escape = (text: string): string => text.replace(/[*?+[\]!\\]/g, '\\$&');
  return `${escape(prefix)}${prefix === '' ? '[0-9]*' : '*'}${escape(suffix)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
