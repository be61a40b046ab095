/**
 * An Aho–Corasick automaton over UTF-16 code units: every occurrence of every key in one pass,
 * overlapping ones included. The root's transitions are a flat table (most characters of a text
 * start no key, and the root is where the walk spends its time); deeper nodes keep a small map.
 * Pure.
 */

const ROOT = 0;
const NONE = -1;

export interface Automaton {
  /** The lengths of the keys, by key index. */
  readonly keyLengths: readonly number[];
  readonly rootNext: Int32Array;
  readonly children: (Map<number, number> | undefined)[];
  readonly fail: Int32Array;
  /** The key ending at the node, or NONE. */
  readonly keyAt: Int32Array;
  /** The nearest node down the failure chain where a key ends, or NONE. */
  readonly outputLink: Int32Array;
}

/** Builds the automaton of `keys` (non-empty strings; key index = position in the array). */
export function buildAutomaton(keys: readonly string[]): Automaton {
  const children: (Map<number, number> | undefined)[] = [undefined];
  const keyAtList: number[] = [NONE];
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    let node = ROOT;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let map = children[node];
      if (!map) children[node] = map = new Map();
      let next = map.get(c);
      if (next === undefined) {
        next = children.length;
        map.set(c, next);
        children.push(undefined);
        keyAtList.push(NONE);
      }
      node = next;
    }
    keyAtList[node] = k;
  }

  const count = children.length;
  const rootNext = new Int32Array(0x10000);
  const fail = new Int32Array(count);
  const keyAt = Int32Array.from(keyAtList);
  const outputLink = new Int32Array(count).fill(NONE);
  const queue: number[] = [];
  for (const [c, child] of children[ROOT] ?? []) {
    rootNext[c] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const [c, child] of children[node] ?? []) {
      let f = fail[node]!;
      while (f !== ROOT && !children[f]?.has(c)) f = fail[f]!;
      // The longest proper suffix of the child's string that is a prefix of some key.
      const failNode = f === ROOT ? rootNext[c]! : children[f]!.get(c)!;
      fail[child] = failNode;
      outputLink[child] = keyAt[failNode] !== NONE ? failNode : outputLink[failNode]!;
      queue.push(child);
    }
  }
  return { keyLengths: keys.map((key) => key.length), rootNext, children, fail, keyAt, outputLink };
}

/** Calls `onMatch(key, end)` for every occurrence of every key in `text` (end exclusive), by end. */
export function findAll(
  automaton: Automaton,
  text: string,
  onMatch: (key: number, end: number) => void,
): void {
  const { rootNext, children, fail, keyAt, outputLink } = automaton;
  let node = ROOT;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (;;) {
      if (node === ROOT) {
        node = rootNext[c]!;
        break;
      }
      const next = children[node]?.get(c);
      if (next !== undefined) {
        node = next;
        break;
      }
      node = fail[node]!;
    }
    if (node === ROOT) continue;
    let out = keyAt[node] !== NONE ? node : outputLink[node]!;
    while (out !== NONE) {
      onMatch(keyAt[out]!, i + 1);
      out = outputLink[out]!;
    }
  }
}
