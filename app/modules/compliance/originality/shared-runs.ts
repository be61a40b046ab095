/**
 * Exact shared passages between two normalised texts: every run of at least `minRun` identical
 * normalised characters, extended to its maximal length, outside the checked text's masked
 * (boilerplate) positions. Runs are found from shared K-character seeds (a hash table of the
 * other text's shingles), so the cost is linear in the two lengths plus the matches. Pure.
 */
import { K } from "./fingerprints";

/** A shared run in normalised positions: [a, a + length) of the checked text, [b, b + length) of the other. */
export interface SharedRun {
  a: number;
  b: number;
  length: number;
}

/** Occurrences of one seed kept per text: repetitive texts ("哈哈哈…") stay linear. */
const MAX_SEED_POSITIONS = 16;

/**
 * Maximal runs of `a` (outside `maskedA`) also found in `b`, at least `minRun` long, then reduced
 * to runs that do not overlap in `a` (longest first), in order of position in `a`.
 */
export function sharedRuns(a: string, maskedA: Uint8Array, b: string, minRun: number): SharedRun[] {
  const seed = Math.min(K, minRun);
  if (a.length < seed || b.length < seed) return [];
  const positions = new Map<string, number[]>();
  for (let j = 0; j + seed <= b.length; j++) {
    const shingle = b.slice(j, j + seed);
    const list = positions.get(shingle);
    if (!list) positions.set(shingle, [j]);
    else if (list.length < MAX_SEED_POSITIONS) list.push(j);
  }
  const runs: SharedRun[] = [];
  let maskedUntil = -1;
  for (let i = 0; i + seed <= a.length; i++) {
    // Skip seeds touching a masked position: the last masked one before i + seed.
    for (let m = Math.max(i, maskedUntil + 1); m < i + seed; m++) if (maskedA[m]) maskedUntil = m;
    if (maskedUntil >= i) continue;
    const list = positions.get(a.slice(i, i + seed));
    if (!list) continue;
    for (const j of list) {
      // Not a run's start when the characters before match too (the run began earlier).
      if (i > 0 && j > 0 && !maskedA[i - 1] && a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) continue;
      let length = seed;
      while (
        i + length < a.length &&
        j + length < b.length &&
        !maskedA[i + length] &&
        a.charCodeAt(i + length) === b.charCodeAt(j + length)
      )
        length++;
      if (length >= minRun) runs.push({ a: i, b: j, length });
    }
  }
  return nonOverlapping(runs, a.length, minRun);
}

/**
 * Longest first, each run kept where it adds checked text no kept run covers: a run overlapping
 * kept ones is cut to its uncovered parts (those at least `minRun` long).
 */
function nonOverlapping(runs: SharedRun[], size: number, minRun: number): SharedRun[] {
  const covered = new Uint8Array(size);
  const kept: SharedRun[] = [];
  for (const run of [...runs].sort((x, y) => y.length - x.length || x.a - y.a)) {
    const parts: SharedRun[] = [];
    let start = run.a;
    for (let p = run.a; p <= run.a + run.length; p++) {
      if (p < run.a + run.length && !covered[p]) continue;
      if (p - start >= minRun) parts.push({ a: start, b: run.b + (start - run.a), length: p - start });
      start = p + 1;
    }
    markCovered(parts, covered);
    kept.push(...parts);
  }
  return kept.sort((x, y) => x.a - y.a);
}

/** Positions of `a` covered by the runs, marked in `into` (1); returns how many were newly marked. */
export function markCovered(runs: SharedRun[], into: Uint8Array): number {
  let added = 0;
  for (const run of runs)
    for (let p = run.a; p < run.a + run.length; p++)
      if (!into[p]) {
        into[p] = 1;
        added++;
      }
  return added;
}
