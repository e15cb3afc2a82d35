/**
 * The known key the user most likely meant, or `undefined` when none is close. Catches typos
 * (`tag-fromat`), other spellings (`tag_format`, `tagFormat`) and a missing prefix (`timeout` for
 * `ci-timeout`).
 */
export function nearestKey(unknown: string, known: readonly string[]): string | undefined {
  const wanted = squash(unknown);
  const sameWords = known.find((key) => squash(key) === wanted);
  if (sameWords !== undefined) return sameWords;
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = editDistance(unknown.toLowerCase(), key);
    if (best === undefined || distance < best.distance) best = { key, distance };
  }
  const limit = Math.max(2, Math.floor(unknown.length / 3));
  if (best && best.distance <= limit) return best.key;
  if (wanted.length >= 4) return known.find((key) => squash(key).includes(wanted));
  return undefined;
}

function squash(key: string): string {
  return key.toLowerCase().replace(/[-_.\s]/g, '');
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}
