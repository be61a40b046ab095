/**
 * An Aho–Corasick automaton over UTF-16 code units: every occurrence of every key in one pass,
 * overlapping ones included. Pure.
 *
 * Layout: the root's transitions are a flat table (most characters of a text start no key, and
 * the root is where the walk spends its time); every other node's children sit in one sorted run
 * of two flat edge arrays. The trie is built from the keys in sorted order, so each node's
 * children are made in character order and no per-node map is ever allocated: 5,000 keys compile
 * in a few milliseconds.
 */

const ROOT = 0;
const NONE = -1;
/** Above this many children a node's run is binary-searched rather than scanned. */
const LINEAR_RUN = 8;

export interface Automaton {
  /** The lengths of the keys, by key index. */
  readonly keyLengths: Int32Array;
  readonly rootNext: Int32Array;
  /** Node n's children are edges edgeStart[n] … edgeStart[n + 1] − 1, by character. */
  readonly edgeStart: Int32Array;
  readonly edgeChar: Uint16Array;
  readonly edgeTarget: Int32Array;
  readonly fail: Int32Array;
  /** The key ending at the node, or NONE. */
  readonly keyAt: Int32Array;
  /** The nearest node down the failure chain where a key ends, or NONE. */
  readonly outputLink: Int32Array;
  /** The node itself when a key ends there, else its output link: the first output, one read. */
  readonly firstOutput: Int32Array;
}

/** The child of a non-root node by character, or NONE. */
function childOf(a: Automaton, node: number, c: number): number {
  let lo = a.edgeStart[node]!;
  let hi = a.edgeStart[node + 1]!;
  if (hi - lo <= LINEAR_RUN) {
    for (; lo < hi; lo++) if (a.edgeChar[lo] === c) return a.edgeTarget[lo]!;
    return NONE;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = a.edgeChar[mid]!;
    if (m === c) return a.edgeTarget[mid]!;
    if (m < c) lo = mid + 1;
    else hi = mid;
  }
  return NONE;
}

/**
 * Builds the automaton of `keys` (non-empty strings; key index = position in the array; a key
 * given twice is reported under its first index).
 */
export function buildAutomaton(keys: readonly string[]): Automaton {
  // Each distinct key by its first index, in code-unit order (the default sort's).
  const firstIndex = new Map<string, number>();
  keys.forEach((key, k) => {
    if (!firstIndex.has(key)) firstIndex.set(key, k);
  });
  const order = [...firstIndex.keys()].sort().map((key) => firstIndex.get(key)!);
  const total = keys.reduce((sum, key) => sum + key.length, 1);
  const parentOf = new Int32Array(total);
  const charOf = new Uint16Array(total);
  const keyAt = new Int32Array(total).fill(NONE);
  const path: number[] = [];
  let count = 1;
  let previous = "";
  for (const k of order) {
    const key = keys[k]!;
    let common = 0;
    while (
      common < key.length &&
      common < previous.length &&
      key.charCodeAt(common) === previous.charCodeAt(common)
    ) {
      common++;
    }
    for (let d = common; d < key.length; d++) {
      parentOf[count] = d === 0 ? ROOT : path[d - 1]!;
      charOf[count] = key.charCodeAt(d);
      path[d] = count++;
    }
    keyAt[path[key.length - 1]!] = k;
    previous = key;
  }

  // Children in runs: nodes were made in character order within each parent.
  const edgeStart = new Int32Array(count + 1);
  for (let node = 1; node < count; node++) edgeStart[parentOf[node]! + 1]!++;
  for (let node = 0; node < count; node++) edgeStart[node + 1]! += edgeStart[node]!;
  const cursor = edgeStart.slice(0, count);
  const edgeChar = new Uint16Array(Math.max(count - 1, 0));
  const edgeTarget = new Int32Array(Math.max(count - 1, 0));
  const rootNext = new Int32Array(0x10000);
  for (let node = 1; node < count; node++) {
    const at = cursor[parentOf[node]!]!++;
    edgeChar[at] = charOf[node]!;
    edgeTarget[at] = node;
    if (parentOf[node] === ROOT) rootNext[charOf[node]!] = node;
  }

  const automaton: Automaton = {
    keyLengths: Int32Array.from(keys, (key) => key.length),
    rootNext,
    edgeStart,
    edgeChar,
    edgeTarget,
    fail: new Int32Array(count),
    keyAt: keyAt.slice(0, count),
    outputLink: new Int32Array(count).fill(NONE),
    firstOutput: new Int32Array(count),
  };
  const { fail, outputLink } = automaton;
  const queue = new Int32Array(count);
  let tail = 0;
  for (let e = edgeStart[ROOT]!; e < edgeStart[ROOT + 1]!; e++) queue[tail++] = edgeTarget[e]!;
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
      const c = edgeChar[e]!;
      const child = edgeTarget[e]!;
      let f = fail[node]!;
      while (f !== ROOT && childOf(automaton, f, c) === NONE) f = fail[f]!;
      // The longest proper suffix of the child's string that is a prefix of some key.
      const failNode = f === ROOT ? rootNext[c]! : childOf(automaton, f, c);
      fail[child] = failNode;
      outputLink[child] = automaton.keyAt[failNode] !== NONE ? failNode : outputLink[failNode]!;
      queue[tail++] = child;
    }
  }
  const { firstOutput } = automaton;
  for (let node = 0; node < count; node++)
    firstOutput[node] = automaton.keyAt[node] !== NONE ? node : outputLink[node]!;
  return automaton;
}

/** Calls `onMatch(key, end)` for every occurrence of every key in `text` (end exclusive), by end. */
export function findAll(
  automaton: Automaton,
  text: string,
  onMatch: (key: number, end: number) => void,
): void {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  const found = new MatchList();
  findAllUnits(automaton, units, text.length, found);
  for (let k = 0; k < found.length; k++) onMatch(found.keys[k]!, found.ends[k]!);
}

/** Occurrences as two growing arrays: key index and end (exclusive). */
export class MatchList {
  keys = new Int32Array(256);
  ends = new Int32Array(256);
  length = 0;

  push(key: number, end: number): void {
    if (this.length === this.keys.length) {
      const keys = new Int32Array(this.length * 2);
      const ends = new Int32Array(this.length * 2);
      keys.set(this.keys);
      ends.set(this.ends);
      this.keys = keys;
      this.ends = ends;
    }
    this.keys[this.length] = key;
    this.ends[this.length] = end;
    this.length++;
  }
}

/**
 * Every occurrence of every key in the first `length` units of `units` (the scanner's normalised
 * stream, which is never made a string), by end, into `found` (emptied first). The walk is
 * written out with the arrays in locals and calls nothing per unit: it is the inner loop of every
 * scan.
 */
export function findAllUnits(
  automaton: Automaton,
  units: Uint16Array,
  length: number,
  found: MatchList,
): void {
  const { rootNext, edgeStart, edgeChar, edgeTarget, fail, keyAt, outputLink, firstOutput } = automaton;
  found.length = 0;
  let node = ROOT;
  for (let i = 0; i < length; i++) {
    const c = units[i]!;
    for (;;) {
      if (node === ROOT) {
        node = rootNext[c]!;
        break;
      }
      let lo = edgeStart[node]!;
      let hi = edgeStart[node + 1]!;
      let next = NONE;
      if (hi - lo <= LINEAR_RUN) {
        for (; lo < hi; lo++) {
          if (edgeChar[lo] === c) {
            next = edgeTarget[lo]!;
            break;
          }
        }
      } else {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          const m = edgeChar[mid]!;
          if (m === c) {
            next = edgeTarget[mid]!;
            break;
          }
          if (m < c) lo = mid + 1;
          else hi = mid;
        }
      }
      if (next !== NONE) {
        node = next;
        break;
      }
      node = fail[node]!;
    }
    if (node === ROOT) continue;
    for (let out = firstOutput[node]!; out !== NONE; out = outputLink[out]!) found.push(keyAt[out]!, i + 1);
  }
}
