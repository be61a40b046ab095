/**
 * The guard on the library's regular expressions. A pattern runs on every debounced keystroke of
 * every editor over texts of up to 50,000 characters, so it must take time linear in the text. A
 * backtracking engine gives that only for a restricted kind of pattern; this module accepts only
 * that kind and compiles it so that it stays linear.
 *
 * Refused (`checkPatternSafety`):
 *  - `too_long`: over PATTERN_MAX_LENGTH (200) characters;
 *  - `syntax`: does not compile with the `u` flag;
 *  - `unsupported`: backreferences (`\1`, `\k<name>`), lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`),
 *    a repeat count above PATTERN_MAX_COUNT (100), or a pattern that can match empty text;
 *  - `backtracking`: a repeated group holding a quantifier (`(a+)+`, `(\d+\s*)+`, `(a?)*`), a
 *    repeated alternation whose branches can start with the same character or be empty
 *    (`(a|aa)*`, `(km|kg)+`), or two repeated parts that can take the same characters with
 *    only optional parts between them (`\d+\d*`, `\s*(\s*x)?`, `.*.*`).
 * "Repeated" means a quantifier that allows more than one repetition; `?` is not one, so
 * `\d+(\.\d+)?` is accepted.
 *
 * Compiled (`compilePattern`): every unbounded quantifier gets an upper bound of
 * PATTERN_REPEAT_BOUND (32) repetitions past its minimum (`*` → `{0,32}`, `+` → `{1,33}`,
 * `{n,}` → `{n,n+32}`).
 * Without it a global search is quadratic on a long run that almost matches (`\d+…公里` over
 * 50,000 digits takes seconds); with it every start position costs a bounded number of steps.
 * The price: more than 32 repetitions of one part (32 spaces between `100` and `%`) do not match.
 * Patterns compile with `giu`: global for the sticky `lastIndex` walk, Unicode syntax, and
 * case-insensitive (the text is lower-cased by normalisation anyway).
 */

export const PATTERN_MAX_LENGTH = 200;
export const PATTERN_MAX_COUNT = 100;
export const PATTERN_REPEAT_BOUND = 32;
export const PATTERN_FLAGS = "giu";

export const PATTERN_REFUSALS = ["syntax", "backtracking", "too_long", "unsupported"] as const;
export type PatternRefusal = (typeof PATTERN_REFUSALS)[number];

export type PatternSafety = { ok: true } | { ok: false; reason: PatternRefusal; message: string };

/** The tree of a pattern, as the guard and the scanner's prefilter (pattern-prefilter.ts) read it. */
export type PatternNode =
  | { kind: "atom"; source: string }
  | { kind: "assertion" }
  | { kind: "group"; body: Node }
  | { kind: "alt"; branches: Node[] }
  | { kind: "seq"; items: Node[] }
  | { kind: "quant"; body: Node; min: number; max: number; at: number; length: number; lazy: boolean };
type Node = PatternNode;

class Refused extends Error {
  constructor(
    readonly reason: PatternRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Recursive descent over a pattern already known to compile with the `u` flag. */
class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.src.length) throw new Refused("syntax", `Unexpected "${this.src[this.pos]}"`);
    return node;
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.src[this.pos] === "|") {
      this.pos++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: "alt", branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== "|" && this.src[this.pos] !== ")") {
      items.push(this.quantified(this.term()));
    }
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  }

  private term(): Node {
    const src = this.src;
    const start = this.pos;
    const c = src[start]!;
    if (c === "^" || c === "$") {
      this.pos++;
      return { kind: "assertion" };
    }
    if (c === "(") {
      if (/^\(\?<?[=!]/.test(src.slice(start, start + 4))) {
        throw new Refused("unsupported", "Lookahead and lookbehind are not supported");
      }
      if (src.startsWith("(?:", start)) this.pos += 3;
      else if (src.startsWith("(?<", start)) this.pos = src.indexOf(">", start) + 1;
      else this.pos++;
      const body = this.alternation();
      this.pos++; // ")"
      return { kind: "group", body };
    }
    if (c === "[") {
      this.pos++;
      while (src[this.pos] !== "]") this.pos += src[this.pos] === "\\" ? 2 : 1;
      this.pos++;
      return { kind: "atom", source: src.slice(start, this.pos) };
    }
    if (c === "\\") return this.escape();
    this.pos += (src.codePointAt(start) ?? 0) > 0xffff ? 2 : 1;
    return { kind: "atom", source: src.slice(start, this.pos) };
  }

  private escape(): Node {
    const src = this.src;
    const start = this.pos;
    const e = src[start + 1]!;
    if (e === "b" || e === "B") {
      this.pos += 2;
      return { kind: "assertion" };
    }
    if (/[1-9]/.test(e) || e === "k") throw new Refused("unsupported", "Backreferences are not supported");
    if (e === "p" || e === "P") this.pos = src.indexOf("}", start) + 1;
    else if (e === "u" && src[start + 2] === "{") this.pos = src.indexOf("}", start) + 1;
    else if (e === "u") {
      this.pos += 6;
      // An escaped surrogate pair is one character.
      if (
        /^\\uD[89AB]/i.test(src.slice(start, start + 4)) &&
        /^\\uD[C-F]/i.test(src.slice(this.pos, this.pos + 4))
      ) {
        this.pos += 6;
      }
    } else if (e === "x") this.pos += 4;
    else if (e === "c") this.pos += 3;
    else this.pos += 2;
    return { kind: "atom", source: src.slice(start, this.pos) };
  }

  private quantified(body: Node): Node {
    const src = this.src;
    const at = this.pos;
    const c = src[at];
    let min: number;
    let max: number;
    if (c === "*" || c === "+" || c === "?") {
      min = c === "+" ? 1 : 0;
      max = c === "?" ? 1 : Infinity;
      this.pos++;
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(at))!;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (min > PATTERN_MAX_COUNT || (max !== Infinity && max > PATTERN_MAX_COUNT)) {
        throw new Refused("unsupported", `Repeat counts above ${PATTERN_MAX_COUNT} are not supported`);
      }
      this.pos += m[0].length;
    } else {
      return body;
    }
    const length = this.pos - at;
    const lazy = src[this.pos] === "?";
    if (lazy) this.pos++;
    return { kind: "quant", body, min, max, at, length, lazy };
  }
}

/** Matching sets of atoms are compared on sample characters: ASCII, a few wide ones, the pattern's own. */
function samplesFor(source: string): string[] {
  const samples = new Set<string>(["\u00a0", "\u3000", "中", "％", "é", "Ａ", "\u200b"]);
  for (let cp = 0x09; cp <= 0x7e; cp++) if (cp <= 0x0d || cp >= 0x20) samples.add(String.fromCodePoint(cp));
  for (const ch of source) samples.add(ch);
  return [...samples];
}

class Analysis {
  private readonly samples: string[];
  private readonly matchers = new Map<string, RegExp>();
  constructor(source: string) {
    this.samples = samplesFor(source);
  }

  private matches(atom: string, ch: string): boolean {
    let re = this.matchers.get(atom);
    if (!re) {
      re = new RegExp(`^(?:${atom})$`, "iu");
      this.matchers.set(atom, re);
    }
    return re.test(ch);
  }

  overlap(a: string[], b: string[]): boolean {
    return this.samples.some(
      (ch) => a.some((x) => this.matches(x, ch)) && b.some((y) => this.matches(y, ch)),
    );
  }
}

function nullable(node: Node): boolean {
  switch (node.kind) {
    case "atom":
      return false;
    case "assertion":
      return true;
    case "group":
      return nullable(node.body);
    case "alt":
      return node.branches.some(nullable);
    case "seq":
      return node.items.every(nullable);
    case "quant":
      return node.min === 0 || nullable(node.body);
  }
}

/** The nodes directly inside `node`. */
function children(node: Node): readonly Node[] {
  switch (node.kind) {
    case "atom":
    case "assertion":
      return [];
    case "group":
    case "quant":
      return [node.body];
    case "alt":
      return node.branches;
    case "seq":
      return node.items;
  }
}

/** The atoms of `node`; with `firstOnly`, those a match of `node` can start with. */
function atomsOf(node: Node, firstOnly = false): string[] {
  if (node.kind === "atom") return [node.source];
  if (node.kind === "seq" && firstOnly) {
    const out: string[] = [];
    for (const item of node.items) {
      out.push(...atomsOf(item, true));
      if (!nullable(item)) break;
    }
    return out;
  }
  return children(node).flatMap((child) => atomsOf(child, firstOnly));
}

function contains(node: Node, kind: Node["kind"]): boolean {
  return node.kind === kind || children(node).some((child) => contains(child, kind));
}

/** A repeated part of the pattern, by the atoms it can take. */
type Unit = string[];

interface Edges {
  /** Repeated parts a match of the node can start with. */
  first: Unit[];
  /** Repeated parts a match of the node can end with. */
  last: Unit[];
}

/**
 * Walks the tree, refusing nested quantifiers and overlapping repeated alternations, and returns
 * the repeated parts at the node's edges so sequences can refuse overlapping neighbours.
 */
function edges(node: Node, analysis: Analysis): Edges {
  switch (node.kind) {
    case "atom":
    case "assertion":
      return { first: [], last: [] };
    case "group":
      return edges(node.body, analysis);
    case "alt": {
      const parts = node.branches.map((b) => edges(b, analysis));
      return { first: parts.flatMap((p) => p.first), last: parts.flatMap((p) => p.last) };
    }
    case "quant": {
      if (node.max <= 1) return edges(node.body, analysis);
      if (contains(node.body, "quant")) {
        throw new Refused("backtracking", "A repeated group may not hold a quantifier, as in (a+)+");
      }
      checkRepeatedAlternations(node.body, analysis);
      const unit = atomsOf(node.body);
      return { first: [unit], last: [unit] };
    }
    case "seq": {
      let trailing: Unit[] = [];
      const first: Unit[] = [];
      let leading = true;
      for (const item of node.items) {
        const e = edges(item, analysis);
        for (const before of trailing) {
          for (const after of e.first) {
            if (analysis.overlap(before, after)) {
              throw new Refused(
                "backtracking",
                "Two repeated parts can take the same characters next to each other, as in \\d+\\d*",
              );
            }
          }
        }
        const itemNullable = nullable(item);
        if (leading) first.push(...e.first);
        if (!itemNullable) leading = false;
        trailing = itemNullable ? [...trailing, ...e.last] : e.last;
      }
      return { first, last: trailing };
    }
  }
}

function checkRepeatedAlternations(node: Node, analysis: Analysis): void {
  if (node.kind === "alt") {
    if (node.branches.some(nullable)) {
      throw new Refused("backtracking", "A repeated alternation may not have an empty branch");
    }
    const firsts = node.branches.map((branch) => atomsOf(branch, true));
    for (let i = 0; i < firsts.length; i++) {
      for (let j = i + 1; j < firsts.length; j++) {
        if (analysis.overlap(firsts[i]!, firsts[j]!)) {
          throw new Refused(
            "backtracking",
            "A repeated alternation's branches may not start alike, as in (a|aa)*",
          );
        }
      }
    }
  }
  for (const child of children(node)) checkRepeatedAlternations(child, analysis);
}

function unboundedQuantifiers(node: Node): Extract<Node, { kind: "quant" }>[] {
  const own = node.kind === "quant" && node.max === Infinity ? [node] : [];
  return [...own, ...children(node).flatMap(unboundedQuantifiers)];
}

/** The pattern with every unbounded quantifier bounded (see the module comment). */
function boundedSource(source: string, tree: Node): string {
  const quants = unboundedQuantifiers(tree).sort((a, b) => b.at - a.at);
  let out = source;
  for (const q of quants) {
    const bounded = `{${q.min},${q.min + PATTERN_REPEAT_BOUND}}`;
    out = out.slice(0, q.at) + bounded + out.slice(q.at + q.length);
  }
  return out;
}

type Compiled = { ok: true; regex: RegExp } | { ok: false; reason: PatternRefusal; message: string };

/** Checks a pattern and compiles its bounded form (flags `giu`) for the scanner. */
export function compilePattern(source: string): Compiled {
  if (source.length > PATTERN_MAX_LENGTH) {
    return {
      ok: false,
      reason: "too_long",
      message: `Patterns may hold at most ${PATTERN_MAX_LENGTH} characters`,
    };
  }
  try {
    new RegExp(source, "u");
  } catch (error) {
    return { ok: false, reason: "syntax", message: error instanceof Error ? error.message : String(error) };
  }
  try {
    const tree = new Parser(source).parse();
    edges(tree, new Analysis(source));
    if (nullable(tree)) throw new Refused("unsupported", "The pattern can match empty text");
    return { ok: true, regex: new RegExp(boundedSource(source, tree), PATTERN_FLAGS) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, message: error.message };
    throw error;
  }
}

/**
 * The tree of a pattern that `compilePattern` accepted (it throws on any other). Unbounded
 * quantifiers keep `max: Infinity`; the compiled regex bounds them to min + PATTERN_REPEAT_BOUND.
 */
export function parsePattern(source: string): PatternNode {
  return new Parser(source).parse();
}

/** Whether the library may hold this pattern; the reason and an English message when not. */
export function checkPatternSafety(source: string): PatternSafety {
  const compiled = compilePattern(source);
  return compiled.ok ? { ok: true } : compiled;
}
