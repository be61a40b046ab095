/**
 * What the scanner checks before running a library pattern's regular expression: strings every
 * match of the pattern must contain, and how far from them a match can reach. One Aho–Corasick
 * pass over the pattern stream finds every such string of every pattern (`findAnchors`); then
 * each pattern is skipped when a clause has no occurrence, searched from where the first
 * occurrence of its anchor allows, or searched only in the parts of the text around those
 * occurrences (`searchPlan`). None of this changes a match: a pattern skipped has no match, and
 * the positions and parts left out hold none.
 *
 * Derived from the pattern's tree (pattern-guard.ts), conservatively: anything not understood
 * (`\d`, `.`, negated or large classes, optional parts) requires nothing.
 *
 * Case: patterns run with the `iu` flags, so a literal character matches every character with the
 * same simple case folding. Only characters whose matches are known exactly are used: CASELESS
 * ones (ASCII digits, punctuation and space; Han; CJK and full-width punctuation), which match
 * only themselves, and ASCII letters, which match their two cases and, for k and s, the Kelvin
 * sign and the long s. Strings are kept in lower case and found as such, which is exact because
 * the pattern stream holds no upper-case ASCII letter, Kelvin sign or long s (normalisation
 * applies NFKC, then lower case). The tests check all three claims against every code point.
 */
import { buildAutomaton, findAllUnits, MatchList, type Automaton } from "./aho-corasick";
import { PATTERN_REPEAT_BOUND, type PatternNode } from "./pattern-guard";

export interface PatternPrefilter {
  /**
   * Each clause lists strings (lower case) of which every match holds at least one; every clause
   * holds for every match. Empty: the pattern requires nothing known.
   */
  readonly clauses: readonly (readonly string[])[];
  /** The clause whose occurrences bound where matches can be (the rarest-looking), or -1. */
  readonly anchor: number;
  /**
   * At most how many UTF-16 units lie between a match's start and its anchor occurrence's start,
   * and between the occurrence's end and the match's end.
   */
  readonly before: number;
  readonly after: number;
  /** Whether the anchor's occurrences bound the parts of the text to search (no assertions). */
  readonly windowed: boolean;
}

const HAN = /^\p{Script=Han}$/u;

/** Whether `iu` matching of the BMP character `c` accepts `c` alone (see the module comment). */
export function isCaseless(c: string): boolean {
  const unit = c.charCodeAt(0);
  if (c.length !== 1 || (unit >= 0xd800 && unit <= 0xdfff)) return false;
  if (unit < 0x80) return !/[a-z]/i.test(c);
  return (
    HAN.test(c) ||
    (unit >= 0x3000 && unit <= 0x303f) ||
    (unit >= 0xff01 && unit <= 0xff20) ||
    (unit >= 0xff3b && unit <= 0xff40) ||
    (unit >= 0xff5b && unit <= 0xff65)
  );
}

/** The character as a prefilter keeps it (lower case), or null when it cannot be used. */
function anchorChar(c: string): string | null {
  if (/^[a-z]$/i.test(c)) return c.toLowerCase();
  return isCaseless(c) ? c : null;
}

const CONTROL_ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  r: "\r",
  t: "\t",
  f: "\f",
  v: "\v",
  0: "\0",
};

/**
 * The character an escape stands for (`\.` → `.`, `\u4e00` → `一`), or null for a character
 * class (`\d`, `\p{…}`) or anything else. Inside a class `\b` is the backspace.
 */
function escapedChar(escape: string, inClass: boolean): string | null {
  const e = escape[1]!;
  if (inClass && e === "b") return "\b";
  if (CONTROL_ESCAPES[e] !== undefined && escape.length === 2) return CONTROL_ESCAPES[e];
  const hex = /^\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|u\{([0-9a-f]{1,6})\})$/i.exec(escape);
  if (hex) {
    const cp = parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16);
    return cp <= 0xffff ? String.fromCharCode(cp) : null;
  }
  if (escape.length === 2 && !/[a-z0-9]/i.test(e)) return e;
  return null;
}

/** The length of the escape at `at` in a class body (`\u{…}` and `\uXXXX` included). */
function escapeLength(body: string, at: number): number {
  const rest = body.slice(at);
  const long = /^\\(?:u\{[0-9a-f]+\}|u[0-9a-f]{4}|x[0-9a-f]{2}|[pP]\{[^}]*\}|c[a-z])/i.exec(rest);
  return long ? long[0].length : 2;
}

/** A class's characters when it lists at most this many. */
const CLASS_LIMIT = 64;

/** The characters a `[…]` class matches, when it is a short list of usable characters. */
function classChars(source: string): string[] | null {
  if (source.startsWith("[^")) return null;
  const body = source.slice(1, -1);
  const members: string[] = [];
  let at = 0;
  let rangeFrom: string | null = null;
  while (at < body.length) {
    let c: string | null;
    if (body[at] === "\\") {
      const length = escapeLength(body, at);
      c = escapedChar(body.slice(at, at + length), true);
      at += length;
    } else {
      const cp = body.codePointAt(at)!;
      c = String.fromCodePoint(cp);
      at += c.length;
      if (c === "-" && members.length > 0 && at < body.length && rangeFrom === null) {
        rangeFrom = members.pop()!;
        continue;
      }
    }
    if (c === null || c.length !== 1) return null;
    if (rangeFrom !== null) {
      const from = rangeFrom.charCodeAt(0);
      const to = c.charCodeAt(0);
      if (to < from || to - from >= CLASS_LIMIT) return null;
      for (let u = from; u <= to; u++) members.push(String.fromCharCode(u));
      rangeFrom = null;
    } else {
      members.push(c);
    }
    if (members.length > CLASS_LIMIT) return null;
  }
  const kept = members.map(anchorChar);
  if (kept.some((c) => c === null)) return null;
  return [...new Set(kept as string[])];
}

/** The characters an atom matches (lower case), when known and usable; else null. */
function atomChars(source: string): string[] | null {
  if (source.startsWith("[")) return classChars(source);
  let c: string | null;
  if (source.startsWith("\\")) c = escapedChar(source, false);
  else c = source === "." ? null : source;
  if (c === null || c.length !== 1) return null;
  const kept = anchorChar(c);
  return kept === null ? null : [kept];
}

/**
 * Strings of which every match holds one, and where: the occurrence starts at most `before`
 * units after the match starts and ends at most `after` units before it ends.
 */
interface Clause {
  strings: string[];
  before: number;
  after: number;
}

/** How rare a string looks in copy: Han and punctuation rarer than letters, letters than digits. */
function rarity(s: string): number {
  let score = 0;
  for (const c of s) {
    if (/[0-9]/.test(c)) score += 1;
    else if (/[a-z]/.test(c) || c === " " || c === ".") score += 2;
    else if (c.charCodeAt(0) < 0x80) score += 3;
    else score += 4;
  }
  return score;
}

function clauseRarity(clause: Clause): number {
  return Math.min(...clause.strings.map(rarity)) - clause.strings.length / 100;
}

/** The index of the rarest-looking clause, or -1. */
function rarest(clauses: readonly Clause[]): number {
  let best = -1;
  for (let i = 0; i < clauses.length; i++) {
    if (best < 0 || clauseRarity(clauses[i]!) > clauseRarity(clauses[best]!)) best = i;
  }
  return best;
}

/**
 * How many UTF-16 units one match of an atom covers at most: one when it can only match BMP
 * characters (a BMP literal, `\d`, `\s`, `\w`, a plain class of BMP characters; under `iu` no
 * BMP character folds to one outside the BMP, which the tests check), else two.
 */
function atomUnits(source: string): number {
  if (source === ".") return 2;
  if (source.startsWith("[")) {
    const astral = /\\[pPDSW]|\\u\{|\\u[dD][89a-fA-F]|[\u{10000}-\u{10FFFF}]/u;
    return source.startsWith("[^") || astral.test(source) ? 2 : 1;
  }
  if (source.startsWith("\\")) return /^\\[dsw]$/.test(source) || escapedChar(source, false) !== null ? 1 : 2;
  return source.length === 1 ? 1 : 2;
}

/** The most UTF-16 units a match of `node` covers. */
function maxLengthOf(node: PatternNode): number {
  switch (node.kind) {
    case "atom":
      return atomUnits(node.source);
    case "assertion":
      return 0;
    case "group":
      return maxLengthOf(node.body);
    case "alt":
      return Math.max(...node.branches.map(maxLengthOf));
    case "seq":
      return node.items.reduce((sum, item) => sum + maxLengthOf(item), 0);
    case "quant":
      return maxRepeats(node) * maxLengthOf(node.body);
  }
}

function maxRepeats(node: Extract<PatternNode, { kind: "quant" }>): number {
  return node.max === Infinity ? node.min + PATTERN_REPEAT_BOUND : node.max;
}

/** The clauses every match of `node` satisfies. */
function required(node: PatternNode): Clause[] {
  switch (node.kind) {
    case "atom": {
      const chars = atomChars(node.source);
      return chars ? [{ strings: chars, before: 0, after: 0 }] : [];
    }
    case "assertion":
      return [];
    case "group":
      return required(node.body);
    case "quant": {
      if (node.min < 1) return [];
      // The clause holds in one of the repetitions, wherever it is.
      const slack = (maxRepeats(node) - 1) * maxLengthOf(node.body);
      return required(node.body).map((c) => ({ ...c, before: c.before + slack, after: c.after + slack }));
    }
    case "alt": {
      // Each match goes through one branch, so holds one string of that branch's best clause.
      const strings: string[] = [];
      let before = 0;
      let after = 0;
      for (const branch of node.branches) {
        const clauses = required(branch);
        const best = rarest(clauses);
        if (best < 0) return [];
        strings.push(...clauses[best]!.strings);
        before = Math.max(before, clauses[best]!.before);
        after = Math.max(after, clauses[best]!.after);
      }
      return [{ strings: [...new Set(strings)], before, after }];
    }
    case "seq": {
      // Consecutive single characters match consecutive text: one string.
      const lengths = node.items.map(maxLengthOf);
      const offsets = [0];
      for (const length of lengths) offsets.push(offsets[offsets.length - 1]! + length);
      const total = offsets[offsets.length - 1]!;
      const clauses: Clause[] = [];
      let run = "";
      let runStart = 0;
      const endRun = (end: number) => {
        if (run) clauses.push({ strings: [run], before: offsets[runStart]!, after: total - offsets[end]! });
        run = "";
      };
      node.items.forEach((item, k) => {
        const chars = item.kind === "atom" ? atomChars(item.source) : null;
        if (chars?.length === 1) {
          if (!run) runStart = k;
          run += chars[0];
          return;
        }
        endRun(k);
        for (const c of required(item)) {
          clauses.push({
            strings: c.strings,
            before: c.before + offsets[k]!,
            after: c.after + total - offsets[k + 1]!,
          });
        }
      });
      endRun(node.items.length);
      return clauses;
    }
  }
}

function hasAssertion(node: PatternNode): boolean {
  if (node.kind === "assertion") return true;
  if (node.kind === "atom") return false;
  if (node.kind === "alt") return node.branches.some(hasAssertion);
  if (node.kind === "seq") return node.items.some(hasAssertion);
  return hasAssertion(node.body);
}

/** The prefilter of a pattern's tree (from `parsePattern`). */
/**
 * Clauses kept: at least this rare looking and with at most MAX_STRINGS strings. A clause of
 * single digits, or of any letter, occurs in nearly every text: finding it costs more than it
 * saves.
 */
const MIN_RARITY = 2;
const MAX_STRINGS = 8;

export function patternPrefilter(tree: PatternNode): PatternPrefilter {
  const found = required(tree).filter(
    (clause) => clause.strings.length <= MAX_STRINGS && clauseRarity(clause) >= MIN_RARITY - 0.5,
  );
  const anchor = rarest(found);
  return {
    clauses: found.map((clause) => clause.strings),
    anchor,
    before: anchor < 0 ? 0 : found[anchor]!.before,
    after: anchor < 0 ? 0 : found[anchor]!.after,
    windowed: anchor >= 0 && !hasAssertion(tree),
  };
}

/** The prefilters of a library's patterns, with one automaton over all their strings. */
export interface PrefilterSet {
  readonly prefilters: readonly PatternPrefilter[];
  readonly automaton: Automaton;
  /** The automaton's keys. */
  readonly strings: readonly string[];
  /** For each pattern and clause: the key indices of its strings. */
  readonly clauseKeys: readonly (readonly (readonly number[])[])[];
}

export function compilePrefilters(prefilters: readonly PatternPrefilter[]): PrefilterSet {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const keyOf = (s: string) => {
    let k = index.get(s);
    if (k === undefined) {
      k = strings.length;
      index.set(s, k);
      strings.push(s);
    }
    return k;
  };
  const clauseKeys = prefilters.map((p) => p.clauses.map((clause) => clause.map(keyOf)));
  return { prefilters, automaton: buildAutomaton(strings), strings, clauseKeys };
}

/**
 * Where each string of a PrefilterSet occurs in one pattern stream: for key k, the start offsets
 * `positions[first[k]] … positions[first[k + 1] − 1]`, ascending. Reused by every scan.
 */
export class AnchorHits {
  first = new Int32Array(64);
  positions = new Int32Array(256);
  private cursor = new Int32Array(64);
  private readonly found = new MatchList();

  /** Finds every occurrence of every string of `set` in the first `length` units of `units`. */
  find(set: PrefilterSet, units: Uint16Array, length: number): void {
    const found = this.found;
    findAllUnits(set.automaton, units, length, found);
    const keys = set.strings.length;
    if (this.first.length < keys + 1) this.first = new Int32Array(keys + 1);
    if (this.positions.length < found.length) this.positions = new Int32Array(found.length * 2);
    const first = this.first;
    first.fill(0, 0, keys + 1);
    for (let k = 0; k < found.length; k++) first[found.keys[k]! + 1]!++;
    for (let k = 0; k < keys; k++) first[k + 1]! += first[k]!;
    // Occurrences come by end; a key has one length, so by start too.
    if (this.cursor.length < keys) this.cursor = new Int32Array(keys);
    const cursor = this.cursor;
    cursor.set(first.subarray(0, keys));
    const lengths = set.automaton.keyLengths;
    for (let k = 0; k < found.length; k++) {
      const key = found.keys[k]!;
      this.positions[cursor[key]!++] = found.ends[k]! - lengths[key]!;
    }
  }

  count(key: number): number {
    return this.first[key + 1]! - this.first[key]!;
  }

  /** The first start of `key` at or after `from`, or -1. */
  nextAt(key: number, from: number): number {
    let lo = this.first[key]!;
    let hi = this.first[key + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.positions[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.first[key + 1]! ? this.positions[lo]! : -1;
  }
}

/**
 * Where to run a pattern: nowhere, over the whole stream from `from`, or over each part
 * [`parts[k]`, `parts[k + 1]`) for even k below `partsLength`. One plan is reused for every
 * pattern of every scan (the scanner runs a plan before it asks for the next), so deciding
 * allocates nothing.
 */
export class SearchPlan {
  kind: "none" | "from" | "parts" = "none";
  from = 0;
  parts = new Int32Array(64);
  partsLength = 0;
  /** Scratch: the anchor's occurrences, by start. */
  starts = new Int32Array(64);
}

/**
 * About what one regex call costs, in units of text scanned: searching parts one by one pays
 * only when they are few and short against the text after the first.
 */
export const PART_COST = 300;

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether each clause of `clauses` but `skip` has a string occurring inside [start, end). */
function holdsClauses(
  set: PrefilterSet,
  clauses: readonly (readonly number[])[],
  skip: number,
  hits: AnchorHits,
  start: number,
  end: number,
): boolean {
  for (let c = 0; c < clauses.length; c++) {
    if (c === skip) continue;
    const keys = clauses[c]!;
    let any = false;
    for (let k = 0; k < keys.length && !any; k++) {
      // Occurrences of one key share its length: the first at or after `start` ends first.
      const at = hits.nextAt(keys[k]!, start);
      any = at >= 0 && at + set.strings[keys[k]!]!.length <= end;
    }
    if (!any) return false;
  }
  return true;
}

/**
 * Where pattern `p` of `set` can match in the pattern stream (its first `length` units, whose
 * anchors `hits` holds), written into `plan`; returns `plan.kind`.
 *
 * - A clause none of whose strings occurs: nowhere.
 * - With assertions (which look outside a part): from the first position a match can start,
 *   `before` units ahead of the first anchor occurrence.
 * - Else each anchor occurrence q of string s gives the part [q − before, q + |s| + after], which
 *   holds every match holding that occurrence; overlapping parts are merged, and a part lacking a
 *   string of some other clause is dropped (a match inside it would hold one). A search of a part
 *   (the regex over its slice) finds exactly the full search's matches that start in it: without
 *   assertions a match depends only on the characters it reads, every match lies inside one
 *   merged part, and a path the slice cuts short also fails in the full text, or would have ended
 *   inside the part. When the parts would cost more than one search, that search starts at the
 *   first part.
 */
export function searchPlan(
  set: PrefilterSet,
  p: number,
  hits: AnchorHits,
  units: Uint16Array,
  length: number,
  plan: SearchPlan,
): SearchPlan["kind"] {
  const prefilter = set.prefilters[p]!;
  const clauses = set.clauseKeys[p]!;
  // Most patterns stop here, so this test allocates nothing (no closures, no arrays).
  for (let c = 0; c < clauses.length; c++) {
    const keys = clauses[c]!;
    let any = false;
    for (let k = 0; k < keys.length && !any; k++) any = hits.count(keys[k]!) > 0;
    if (!any) return (plan.kind = "none");
  }
  if (prefilter.anchor < 0) {
    plan.from = 0;
    return (plan.kind = "from");
  }
  const anchorKeys = clauses[prefilter.anchor]!;
  if (!prefilter.windowed) {
    let first = length;
    for (const key of anchorKeys)
      if (hits.count(key) > 0) first = Math.min(first, hits.positions[hits.first[key]!]!);
    plan.from = Math.max(0, first - prefilter.before);
    return (plan.kind = "from");
  }

  // The anchor's occurrences by start (each key's are; several keys' are sorted natively).
  let count = 0;
  let longest = 0;
  for (const key of anchorKeys) count += hits.count(key);
  if (plan.starts.length < count) plan.starts = new Int32Array(count * 2);
  const starts = plan.starts;
  count = 0;
  for (const key of anchorKeys) {
    longest = Math.max(longest, set.strings[key]!.length);
    for (let k = hits.first[key]!; k < hits.first[key + 1]!; k++) starts[count++] = hits.positions[k]!;
  }
  if (anchorKeys.length > 1) starts.subarray(0, count).sort();

  // At most one part per occurrence.
  if (plan.parts.length < 2 * count) plan.parts = new Int32Array(4 * count);
  const parts = plan.parts;
  let n = 0;
  for (let k = 0; k < count; k++) {
    const q = starts[k]!;
    let start = Math.max(0, q - prefilter.before);
    let end = Math.min(length, q + longest + prefilter.after);
    if (start > 0 && isLow(units[start]!) && isHigh(units[start - 1]!)) start--;
    if (end < length && isLow(units[end]!) && isHigh(units[end - 1]!)) end++;
    if (n > 0 && start <= parts[n - 1]!) parts[n - 1] = Math.max(parts[n - 1]!, end);
    else {
      parts[n++] = start;
      parts[n++] = end;
    }
  }
  // Keep, in place, the parts where every other clause holds.
  let kept = 0;
  let cost = 0;
  for (let k = 0; k < n; k += 2) {
    const start = parts[k]!;
    const end = parts[k + 1]!;
    if (!holdsClauses(set, clauses, prefilter.anchor, hits, start, end)) continue;
    parts[kept++] = start;
    parts[kept++] = end;
    cost += PART_COST + end - start;
  }
  if (kept === 0) return (plan.kind = "none");
  if (cost < length - parts[0]!) {
    plan.partsLength = kept;
    return (plan.kind = "parts");
  }
  plan.from = parts[0]!;
  return (plan.kind = "from");
}
