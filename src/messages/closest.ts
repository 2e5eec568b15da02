/**
 * "Did you mean …": the known name a typo most likely meant, by edit distance (a swap of two
 * neighbouring letters counts as one edit, so `pctChnage` finds `pctChange`). Close enough means
 * at most a third of the name's length (two edits; one for three letters; for shorter names only a difference of case); case differences cost nothing extra.
 * Failing that, a name spelt out or cut short (`rectangle` → `rect`) is close too.
 * Shared by every message that names something unknown.
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = (name.length <= 2 ? 0 : name.length === 3 ? 1 : Math.max(2, Math.floor(name.length / 3))) + 1;
  for (const candidate of known) {
    if (candidate === name) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    // At most half the candidate changed: `nope` is not "ne" with two letters added.
    if (distance < bestDistance && 2 * distance <= candidate.length) [best, bestDistance] = [candidate, distance];
  }
  return best ?? longerForm(name, known);
}

/**
 * `rectangle` for `rect`, `temp` for `temperature`: a known name that one is the other spelt out
 * or cut short (at least three letters in common), the nearest in length.
 */
function longerForm(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    if (other === lower || Math.min(other.length, lower.length) < 3) continue;
    if (!lower.startsWith(other) && !other.startsWith(lower)) continue;
    if (best === undefined || Math.abs(candidate.length - name.length) < Math.abs(best.length - name.length)) best = candidate;
  }
  return best;
}

/** ` (did you mean "x"?)`, or '' when nothing is close. */
export function didYouMean(name: string, known: Iterable<string>, quote = (s: string) => `"${s}"`): string {
  const match = closest(name, known);
  return match === undefined ? '' : ` (did you mean ${quote(match)}?)`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
