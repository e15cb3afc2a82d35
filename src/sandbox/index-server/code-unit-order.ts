/** Python's `sorted()` order for strings (code points, no locale rules): stable across machines. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
