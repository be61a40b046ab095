/**
 * An Aho–Corasick automaton over UTF-16 code units: every occurrence of every key in one pass,
 * overlapping ones included. Pure.
 *
 * Layout: a double-array trie over an alphabet of classes. `classOf` maps each code unit to its
 * class (1 … the number of distinct units the keys hold) or to 0 when no key holds it; a unit of
 * class 0 sends the walk straight back to the root (a bitmap, `present`, answers that before
 * `classOf` is read). State s has the child by class c at slot `base[s] + c` exactly when
 * `check[base[s] + c] === s`; else the walk follows `fail`. So a step is two or three typed-array
 * reads, with no search through a node's children and no map; a slot's base, check, fail and
 * first output sit side by side in `nodes`, one cache line. The trie is first built from the keys
 * in sorted order (each node's children made in character order, no per-node map), then placed
 * into the double array breadth first, first fit.
 */

const ROOT = 0;
const NONE = -1;
/** `check` of a slot no state occupies (and of the root's, which has no parent). */
const FREE = -1;

/** The fields of a state in `Automaton.nodes`, which holds STRIDE of them per slot. */
const BASE = 0;
const CHECK = 1;
const FAIL = 2;
const OUT = 3;
const STRIDE = 4;

export interface Automaton {
  /** The lengths of the keys, by key index. */
  readonly keyLengths: Int32Array;
  /** Code unit → class (1…); 0 for a unit no key holds. */
  readonly classOf: Int32Array;
  /**
   * Bit u set when some key holds unit u: 8 KB where `classOf` takes 256 KB, so the units a
   * text spells and no key holds (most of them) cost a few cache lines between them, not one
   * line each, when a scan starts with a cold cache.
   */
  readonly present: Int32Array;
  /**
   * By slot, STRIDE fields side by side: BASE, where the state's children by class start; CHECK,
   * the state whose child the slot is, or FREE; FAIL, the state of the longest proper suffix
   * that is a prefix of some key; OUT, the slot itself when a key ends there, else the nearest
   * state down the failure chain where one does, or NONE. A step reads a state's fields from
   * one cache line instead of one per array, which counts when a scan starts with a cold cache.
   */
  readonly nodes: Int32Array;
  /** By state: the key ending there, or NONE. */
  readonly keyAt: Int32Array;
  /** By state: the nearest state down the failure chain where a key ends, or NONE. */
  readonly outputLink: Int32Array;
}

/** The sorted-key trie the double array is made from: node 0 the root, children in unit order. */
function buildTrie(keys: readonly string[]) {
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
  const edgeTarget = new Int32Array(Math.max(count - 1, 0));
  for (let node = 1; node < count; node++) edgeTarget[cursor[parentOf[node]!]!++] = node;
  return { count, charOf, keyAt, edgeStart, edgeTarget };
}

/**
 * Builds the automaton of `keys` (non-empty strings; key index = position in the array; a key
 * given twice is reported under its first index).
 */
export function buildAutomaton(keys: readonly string[]): Automaton {
  const trie = buildTrie(keys);
  const { count, charOf, edgeStart, edgeTarget } = trie;

  // Classes, in order of first appearance.
  const classOf = new Int32Array(0x10000);
  let classes = 0;
  for (let node = 1; node < count; node++)
    if (classOf[charOf[node]!] === 0) classOf[charOf[node]!] = ++classes;

  // Each edge's class, once.
  const edgeClass = new Int32Array(edgeTarget.length);
  for (let e = 0; e < edgeTarget.length; e++) edgeClass[e] = classOf[charOf[edgeTarget[e]!]!]!;

  // Place the trie breadth first; slotOf[node] is the node's state. A slot at or past `size` is
  // free; the arrays grow (rarely) once a base is chosen, to hold base + every class.
  let size = Math.max(16, count + classes + 1);
  let base = new Int32Array(size);
  let check = new Int32Array(size).fill(FREE);
  const slotOf = new Int32Array(count);
  let firstFree = 1;
  let maxBase = 0;
  const queue = new Int32Array(count);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    const from = edgeStart[node]!;
    const to = edgeStart[node + 1]!;
    if (from === to) continue;
    while (firstFree < size && check[firstFree] !== FREE) firstFree++;
    // Children are in unit order, not class order: the lowest class gives the first fit.
    let low = edgeClass[from]!;
    for (let e = from + 1; e < to; e++) low = Math.min(low, edgeClass[e]!);
    // b + class ≥ 1 always, so the root's slot 0 is never a candidate.
    let b = Math.max(0, firstFree - low);
    for (;;) {
      let e = from;
      while (e < to && (b + edgeClass[e]! >= size || check[b + edgeClass[e]!] === FREE)) e++;
      if (e === to) break;
      b++;
    }
    if (b + classes + 1 > size) {
      const next = Math.max(b + classes + 1, size * 2);
      const grownBase = new Int32Array(next);
      grownBase.set(base);
      const grownCheck = new Int32Array(next).fill(FREE);
      grownCheck.set(check);
      base = grownBase;
      check = grownCheck;
      size = next;
    }
    const slot = slotOf[node]!;
    base[slot] = b;
    maxBase = Math.max(maxBase, b);
    for (let e = from; e < to; e++) {
      const child = edgeTarget[e]!;
      const t = b + edgeClass[e]!;
      check[t] = slot;
      slotOf[child] = t;
      queue[tail++] = child;
    }
  }
  let states = 1;
  for (let node = 1; node < count; node++) states = Math.max(states, slotOf[node]! + 1);
  // Every base + class a walk reads stays inside `check` (size ≥ maxBase + classes + 1).
  const slots = Math.max(states, maxBase + classes + 1);

  const keyAt = new Int32Array(states).fill(NONE);
  for (let node = 1; node < count; node++) keyAt[slotOf[node]!] = trie.keyAt[node]!;
  const fail = new Int32Array(states);
  const outputLink = new Int32Array(states).fill(NONE);
  // Failure links breadth first (the queue above is in breadth-first order).
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    const slot = slotOf[node]!;
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
      const child = edgeTarget[e]!;
      const c = classOf[charOf[child]!]!;
      const t = slotOf[child]!;
      let f = ROOT;
      if (slot !== ROOT) {
        f = fail[slot]!;
        while (f !== ROOT && check[base[f]! + c] !== f) f = fail[f]!;
        if (check[base[f]! + c] === f) f = base[f]! + c;
      }
      fail[t] = f;
      outputLink[t] = keyAt[f] !== NONE ? f : outputLink[f]!;
    }
  }
  const nodes = new Int32Array(slots * STRIDE);
  for (let t = 0; t < slots; t++) {
    const at = t * STRIDE;
    nodes[at + CHECK] = check[t]!;
    if (t >= states) continue;
    nodes[at + BASE] = base[t]!;
    nodes[at + FAIL] = fail[t]!;
    nodes[at + OUT] = keyAt[t] !== NONE ? t : outputLink[t]!;
  }
  const present = new Int32Array(0x10000 >>> 5);
  for (let unit = 0; unit < 0x10000; unit++)
    if (classOf[unit] !== 0) present[unit >>> 5]! |= 1 << (unit & 31);
  return {
    keyLengths: Int32Array.from(keys, (key) => key.length),
    classOf,
    present,
    nodes,
    keyAt,
    outputLink,
  };
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

/** A copy of `array` with twice the room, its contents first: how the scanner's lists grow. */
export function doubled(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** Occurrences as two growing arrays: key index and end (exclusive). */
export class MatchList {
  keys = new Int32Array(256);
  ends = new Int32Array(256);
  length = 0;

  push(key: number, end: number): void {
    if (this.length === this.keys.length) {
      this.keys = doubled(this.keys);
      this.ends = doubled(this.ends);
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
  const { classOf, present, nodes, keyAt, outputLink } = automaton;
  found.length = 0;
  let state = ROOT;
  for (let i = 0; i < length; i++) {
    const unit = units[i]!;
    if ((present[unit >>> 5]! & (1 << (unit & 31))) === 0) {
      state = ROOT;
      continue;
    }
    const c = classOf[unit]!;
    for (;;) {
      const t = nodes[state * STRIDE + BASE]! + c;
      if (nodes[t * STRIDE + CHECK] === state) {
        state = t;
        break;
      }
      if (state === ROOT) break;
      state = nodes[state * STRIDE + FAIL]!;
    }
    for (let out = nodes[state * STRIDE + OUT]!; out !== NONE; out = outputLink[out]!) {
      found.push(keyAt[out]!, i + 1);
    }
  }
}
