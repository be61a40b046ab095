/**
 * Fingerprints of a normalised text for the originality index (see
 * docs/decisions/0027-originality-minhash-index.md).
 *
 * - A shingle is K consecutive normalised characters (the scanner's match stream: no spaces or
 *   punctuation, full-width and traditional characters folded), hashed to two independent 32-bit
 *   words.
 * - Winnowing keeps, from every WINDOW consecutive shingles, the one with the smallest hash. The
 *   choice depends only on the window's own characters, so two texts sharing a run of at least
 *   WINDOW + K − 1 = 21 normalised characters always keep a common fingerprint, however long
 *   either text is and wherever the run sits in it.
 * - A stored piece is a one-permutation MinHash over its fingerprints: BINS bins chosen by the
 *   second hash word, each bin keeping its smallest fingerprint. Each bin is one band of the
 *   `originality_bands` table (`band` = bin, `key` = the fingerprint), so a piece has at most one
 *   row per band and at most BINS rows.
 * - Copies too short for winnowing to keep much (fewer than ALL_SHINGLES_BELOW shingles) keep every
 *   shingle, so near-duplicates of short texts are found even when an edit breaks every 21-character run.
 *
 * Pure and browser-safe.
 */

/** Normalised characters per shingle. */
export const K = 10;
/** Shingles per winnowing window: runs of WINDOW + K − 1 normalised characters are always found. */
export const WINDOW = 12;
/** The shortest shared run the index is sure to find, in normalised characters. */
export const GUARANTEED_RUN = WINDOW + K - 1;
/** Bins of the one-permutation MinHash: the bands a stored piece may have. */
export const BINS = 4096;
/** Copies with fewer shingles than this keep all of them. */
export const ALL_SHINGLES_BELOW = 64;

/** One index row: the band (bin) and its key. */
export interface BandKey {
  band: number;
  key: string;
}

/** A shingle's hash: `lo` orders fingerprints, `hi` picks the bin. */
interface ShingleHash {
  lo: number;
  hi: number;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashRange(text: string, start: number, end: number, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h ^ (end - start));
}

/** Hash of text[start, end): two independent words. */
function hashShingle(text: string, start: number, end: number): ShingleHash {
  return { lo: hashRange(text, start, end, 0x811c9dc5), hi: hashRange(text, start, end, 0x2f1b3c5d) };
}

function less(a: ShingleHash, b: ShingleHash): boolean {
  return a.lo < b.lo || (a.lo === b.lo && a.hi < b.hi);
}

/** A hash as its index row: the bin from `hi`, the key from `lo` and the rest of `hi` (52 bits). */
function toBandKey(h: ShingleHash): BandKey {
  const bin = h.hi >>> 20;
  return { band: bin, key: (h.lo * 0x100000 + (h.hi & 0xfffff)).toString(36) };
}

/**
 * The shingles of `text` as [start, hash] pairs: one per position, or, for a text shorter than K,
 * the whole text as one shingle. `live(start)` says whether a shingle may be used (the check leaves
 * out shingles that touch boilerplate); left-out shingles split the text into segments.
 */
function shingleSegments(text: string, live: (start: number) => boolean): ShingleHash[][] {
  if (text.length === 0) return [];
  if (text.length < K) return live(0) ? [[hashShingle(text, 0, text.length)]] : [];
  const segments: ShingleHash[][] = [];
  let current: ShingleHash[] = [];
  for (let i = 0; i + K <= text.length; i++) {
    if (live(i)) current.push(hashShingle(text, i, i + K));
    else if (current.length) {
      segments.push(current);
      current = [];
    }
  }
  if (current.length) segments.push(current);
  return segments;
}

/** Robust winnowing: the rightmost smallest hash of every window, each kept once. */
function winnow(hashes: ShingleHash[]): ShingleHash[] {
  if (hashes.length <= WINDOW) {
    let min = 0;
    for (let i = 1; i < hashes.length; i++) if (!less(hashes[min], hashes[i])) min = i;
    return hashes.length ? [hashes[min]] : [];
  }
  const kept: ShingleHash[] = [];
  let last = -1;
  for (let start = 0; start + WINDOW <= hashes.length; start++) {
    let min = start;
    for (let i = start + 1; i < start + WINDOW; i++) if (!less(hashes[min], hashes[i])) min = i;
    if (min !== last) {
      kept.push(hashes[min]);
      last = min;
    }
  }
  return kept;
}

function selected(text: string, live: (start: number) => boolean, everyShingle: boolean): ShingleHash[] {
  const segments = shingleSegments(text, live);
  return everyShingle ? segments.flat() : segments.flatMap(winnow);
}

/**
 * What the index stores for a piece's normalised copy: its fingerprints folded into at most one
 * key per band (the smallest fingerprint of each bin).
 */
export function storedBandKeys(normalized: string): BandKey[] {
  const total = Math.max(0, normalized.length - K + 1);
  const hashes = selected(normalized, () => true, total < ALL_SHINGLES_BELOW);
  const bins = new Map<number, ShingleHash>();
  for (const h of hashes) {
    const bin = h.hi >>> 20;
    const seen = bins.get(bin);
    if (!seen || less(h, seen)) bins.set(bin, h);
  }
  return [...bins.values()].map(toBandKey).sort((a, b) => a.band - b.band);
}

/**
 * What a check looks up for its normalised text: every fingerprint outside the masked positions
 * (boilerplate), each once; every shingle when `everyShingle` (short texts, near-duplicate check).
 */
export function probeBandKeys(
  normalized: string,
  masked: Uint8Array,
  options: { everyShingle: boolean },
): BandKey[] {
  const width = Math.min(K, normalized.length);
  // prefix[i] = masked positions before i, so "does [i, i + width) touch a masked one" is O(1).
  const prefix = new Uint32Array(normalized.length + 1);
  for (let i = 0; i < normalized.length; i++) prefix[i + 1] = prefix[i] + (masked[i] ? 1 : 0);
  const live = (start: number) => prefix[start + width] === prefix[start];
  const unique = new Map<string, BandKey>();
  for (const h of selected(normalized, live, options.everyShingle)) {
    const row = toBandKey(h);
    unique.set(`${row.band}:${row.key}`, row);
  }
  return [...unique.values()];
}
