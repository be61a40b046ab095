/**
 * Exact shared passages between the checked text and another, both normalised: every run of at
 * least `minRun` identical characters, extended to its maximal length, outside the checked text's
 * masked (boilerplate) positions. The checked text's seeds (shingles) are put in a table once per
 * check; each other text is then hashed once and looked up, so a comparison costs one pass over
 * the other text plus the matches. Pure.
 */
import { shingleHashes } from "./fingerprints";

/** A shared run in normalised positions: [a, a + length) of the checked text, [b, b + length) of the other. */
export interface SharedRun {
  a: number;
  b: number;
  length: number;
}

/** The checked text's seeds: where each seed hash starts, for seeds outside the masked positions. */
export interface SeedTable {
  text: string;
  masked: Uint8Array;
  /** Characters per seed. */
  width: number;
  starts: Map<number, number[]>;
}

/** Occurrences of one seed kept per text: repetitive texts ("哈哈哈…") stay linear. */
const MAX_SEED_POSITIONS = 16;

export function seedTable(text: string, masked: Uint8Array, width: number): SeedTable {
  const starts = new Map<number, number[]>();
  const hashes = shingleHashes(text, width);
  let maskedUntil = -1;
  for (let i = 0; i < hashes.lo.length; i++) {
    // The last masked position before i + width, if it is at or after i, spoils the seed.
    for (let m = Math.max(i, maskedUntil + 1); m < i + hashes.width; m++) if (masked[m]) maskedUntil = m;
    if (maskedUntil >= i) continue;
    const list = starts.get(hashes.lo[i]);
    if (!list) starts.set(hashes.lo[i], [i]);
    else if (list.length < MAX_SEED_POSITIONS) list.push(i);
  }
  return { text, masked, width: hashes.width, starts };
}

function sameRange(a: string, i: number, b: string, j: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/**
 * Maximal runs of the checked text (outside its masked positions) also found in `b`, at least
 * `minRun` long (and at least a seed long), reduced to runs that do not overlap in the checked
 * text (longest first), in order of position.
 */
export function sharedRuns(seeds: SeedTable, b: string, minRun: number): SharedRun[] {
  const { text: a, masked, width } = seeds;
  if (width === 0 || b.length < width) return [];
  const hashes = shingleHashes(b, width);
  if (hashes.width !== width) return [];
  const runs: SharedRun[] = [];
  for (let j = 0; j < hashes.lo.length; j++) {
    const list = seeds.starts.get(hashes.lo[j]);
    if (!list) continue;
    for (const i of list) {
      // Not a run's start when the characters before match too (the run began earlier).
      if (i > 0 && j > 0 && !masked[i - 1] && a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) continue;
      if (!sameRange(a, i, b, j, width)) continue;
      let length = width;
      while (
        i + length < a.length &&
        j + length < b.length &&
        !masked[i + length] &&
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

/** Positions of the checked text covered by the runs, marked in `into` (1); returns how many were newly marked. */
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
