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

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hashes of a text's shingles, by start position: `lo` orders fingerprints, `hi` picks the bin. */
export interface ShingleHashes {
  lo: Uint32Array;
  hi: Uint32Array;
  /** Characters per shingle: K, or the whole text when it is shorter. */
  width: number;
}

/**
 * Two independent 32-bit hashes of every shingle of `size` characters (FNV-1a over the UTF-16
 * units, then a murmur finaliser); a text shorter than that is one shingle of its own length.
 */
export function shingleHashes(text: string, size = K): ShingleHashes {
  const width = Math.min(size, text.length);
  const count = width === 0 ? 0 : text.length - width + 1;
  const lo = new Uint32Array(count);
  const hi = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let a = 0x811c9dc5;
    let b = 0x2f1b3c5d;
    for (let j = i; j < i + width; j++) {
      const c = text.charCodeAt(j);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193);
    }
    lo[i] = fmix32(a ^ width);
    hi[i] = fmix32(b ^ width);
  }
  return { lo, hi, width };
}

const less = (h: ShingleHashes, x: number, y: number) =>
  h.lo[x] < h.lo[y] || (h.lo[x] === h.lo[y] && h.hi[x] < h.hi[y]);

const HEX = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, "0"));

/**
 * A hash as its index row: the bin from the top 12 bits of `hi`, the key from `lo` and the other
 * 20 bits of `hi` (52 bits, 13 hex digits; built from a table, as number-to-string is slow).
 */
function toBandKey(h: ShingleHashes, i: number): BandKey {
  const lo = h.lo[i];
  const hi = h.hi[i];
  return {
    band: hi >>> 20,
    key:
      HEX[lo >>> 24] +
      HEX[(lo >>> 16) & 0xff] +
      HEX[(lo >>> 8) & 0xff] +
      HEX[lo & 0xff] +
      HEX[(hi >>> 12) & 0xff] +
      HEX[(hi >>> 4) & 0xff] +
      (hi & 0xf).toString(16),
  };
}

/**
 * Positions of the kept shingles. `live(i)` says whether shingle i may be used (a check leaves out
 * those touching boilerplate); left-out shingles split the text into segments, each winnowed on
 * its own (robust winnowing: the rightmost smallest hash of every window, each kept once), or
 * kept whole with `everyShingle`.
 */
function keptPositions(h: ShingleHashes, live: (i: number) => boolean, everyShingle: boolean): number[] {
  const kept: number[] = [];
  const count = h.lo.length;
  let i = 0;
  while (i < count) {
    if (!live(i)) {
      i++;
      continue;
    }
    let end = i;
    while (end < count && live(end)) end++;
    if (everyShingle) for (let p = i; p < end; p++) kept.push(p);
    else if (end - i <= WINDOW) {
      let min = i;
      for (let p = i + 1; p < end; p++) if (!less(h, min, p)) min = p;
      kept.push(min);
    } else {
      let last = -1;
      for (let start = i; start + WINDOW <= end; start++) {
        // The previous minimum still in the window only loses to a new last shingle.
        let min: number;
        if (last >= start) min = less(h, last, start + WINDOW - 1) ? last : start + WINDOW - 1;
        else {
          min = start;
          for (let p = start + 1; p < start + WINDOW; p++) if (!less(h, min, p)) min = p;
        }
        if (min !== last) {
          kept.push(min);
          last = min;
        }
      }
    }
    i = end;
  }
  return kept;
}

/**
 * What the index stores for a piece's normalised copy: its fingerprints folded into at most one
 * key per band (the smallest fingerprint of each bin).
 */
export function storedBandKeys(normalized: string): BandKey[] {
  const h = shingleHashes(normalized);
  const kept = keptPositions(h, () => true, h.lo.length < ALL_SHINGLES_BELOW);
  const bins = new Map<number, number>();
  for (const i of kept) {
    const bin = h.hi[i] >>> 20;
    const seen = bins.get(bin);
    if (seen === undefined || less(h, i, seen)) bins.set(bin, i);
  }
  return [...bins.values()].map((i) => toBandKey(h, i)).sort((a, b) => a.band - b.band);
}

/**
 * What a check looks up for its normalised text (whose shingle hashes are `hashes`): every
 * fingerprint outside the masked positions (boilerplate), each once; every shingle when
 * `everyShingle` (short texts, near-duplicate check).
 */
export function probeBandKeys(
  hashes: ShingleHashes,
  masked: Uint8Array,
  options: { everyShingle: boolean },
): BandKey[] {
  // prefix[i] = masked positions before i, so "does shingle i touch a masked one" is O(1).
  const prefix = new Uint32Array(masked.length + 1);
  for (let i = 0; i < masked.length; i++) prefix[i + 1] = prefix[i] + masked[i];
  const live = (i: number) => prefix[i + hashes.width] === prefix[i];
  const unique = new Map<string, BandKey>();
  for (const i of keptPositions(hashes, live, options.everyShingle)) {
    const row = toBandKey(hashes, i);
    unique.set(`${row.band}:${row.key}`, row);
  }
  return [...unique.values()];
}
