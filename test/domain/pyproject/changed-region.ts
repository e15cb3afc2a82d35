/**
 * The one contiguous region where `before` and `after` differ: longest common prefix and
 * suffix removed. Used to prove a rewrite touched only the version literal.
 */
export function changedRegion(before: string, after: string): { at: number; removed: string; added: string } {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix += 1;
  return {
    at: prefix,
    removed: before.slice(prefix, before.length - suffix),
    added: after.slice(prefix, after.length - suffix),
  };
}

/** Lines (split on `\n`, so a CRLF line keeps its `\r`) that differ, as [before, after] pairs. */
export function changedLines(before: string, after: string): Array<[string | undefined, string | undefined]> {
  const a = before.split('\n');
  const b = after.split('\n');
  const pairs: Array<[string | undefined, string | undefined]> = [];
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    if (a[index] !== b[index]) pairs.push([a[index], b[index]]);
  }
  return pairs;
}
