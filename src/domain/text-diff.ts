/**
 * A unified diff of two texts that differ in one contiguous region — what a version write does.
 * Enough for showing the change; not a general diff algorithm.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 2): string {
  if (before === after) return '';
  // A final newline ends the last line; it does not start another one.
  const lines = (text: string) => (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  const a = lines(before);
  const b = lines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA -= 1;
    endB -= 1;
  }
  const from = Math.max(0, start - context);
  const toA = Math.min(a.length - 1, endA + context);
  const toB = Math.min(b.length - 1, endB + context);
  const show = (line: string) => line.replace(/\r$/, '');
  const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
  const out = [
    `--- a/${file}`,
    `+++ b/${file}`,
    `@@ -${range(from + 1, toA - from + 1)} +${range(from + 1, toB - from + 1)} @@`,
  ];
  for (let i = from; i < start; i += 1) out.push(` ${show(a[i]!)}`);
  for (let i = start; i <= endA; i += 1) out.push(`-${show(a[i]!)}`);
  for (let i = start; i <= endB; i += 1) out.push(`+${show(b[i]!)}`);
  for (let i = endA + 1; i <= toA; i += 1) out.push(` ${show(a[i]!)}`);
  return out.join('\n');
}
