/**
 * The compliance scanner: one compiled library, any text, every finding with offsets into the
 * original text. Pure and browser-safe; the server compiles the current library once per version
 * (library-cache.server.ts) and every scan of every editor, review and gate goes through
 * `scanCompiled`.
 *
 * Literal terms are normalised like the text (normalize.ts, match stream) and found in one pass
 * of an Aho–Corasick automaton. Patterns pass the guard (pattern-guard.ts) and run, bounded, over
 * the pattern stream with a global `lastIndex` walk.
 *
 * What comes back:
 *  - every term that matches is reported, also where terms overlap (最, 最好 and 最好的 in
 *    "最好的" are three findings) and also where one term occurs inside another occurrence;
 *  - one term is reported at most once per original range (a term found twice inside one
 *    original character, such as `m` in `㎜`, is one finding);
 *  - order: by start, the longest first at one start (leftmost-longest), then by term id;
 *  - an allowed context cancels a hit when one of the term's allowed contexts (normalised the
 *    same way) occurs in the text around the hit, covering all of it: `最近` cancels the `最` it
 *    contains, not a `最` next to it. A context that does not contain its term never cancels;
 *  - a pattern's matches do not overlap one another (a global search), and its allowed contexts
 *    work as for terms, over the pattern stream.
 *
 * Fast paths (decision record 0045), none of which changes a finding: both streams come from one
 * pass over the text into reused buffers (normalize.ts, `normalizeForScan`), and the match stream
 * is walked as units, never made a string; a pattern runs only when its prefilter
 * (pattern-prefilter.ts) finds every string it requires possible in the pattern stream, and its
 * search starts where the first occurrence of its anchor string allows. A literal hit tries each
 * allowed context through one probe unit first; hits go into reused parallel arrays, not objects.
 */
import type { Finding, ScanTerm } from "../compliance-types";
import { buildAutomaton, doubled, findAllUnits, MatchList, type Automaton } from "./aho-corasick";
import { matchText, normalizeForScan, originalEnd, patternText, type StreamView } from "./normalize";
import { compilePattern, parsePattern, type PatternRefusal } from "./pattern-guard";
import {
  AnchorHits,
  compilePrefilters,
  patternPrefilter,
  SearchPlan,
  searchPlan,
  type PatternPrefilter,
  type PrefilterSet,
} from "./pattern-prefilter";

/** Why a library entry takes no part in scans. */
export type SkipReason = "invalid" | "empty" | PatternRefusal;

export interface SkippedTerm {
  termId: number;
  reason: SkipReason;
}

interface LiteralEntry {
  term: ScanTerm;
  /**
   * Where an allowed context (in the match stream) could cancel a hit: one placement for each
   * offset at which the entry's key occurs in the context, since a hit is the key and a context
   * covering it can only sit at the hit's start minus such an offset. A context without the key
   * has none and never cancels.
   */
  placements: ContextPlacement[];
}

/** An allowed context placed `at` units from a literal hit's start (zero or less). */
interface ContextPlacement {
  text: string;
  at: number;
  /**
   * A unit of the context outside the key, where there is one, relative to the hit's start, and
   * its value: most placements fail there at once, before the context is compared in full. A
   * context that is the key alone probes the hit's own first unit, which always matches.
   */
  probe: number;
  unit: number;
}

/** The placements of `context` around a hit of `key`. */
function placements(key: string, context: string): ContextPlacement[] {
  return occurrences(key, context).map((offset) => {
    const probe =
      offset + key.length < context.length ? offset + key.length : offset > 0 ? offset - 1 : offset;
    return { text: context, at: -offset, probe: probe - offset, unit: context.charCodeAt(probe) };
  });
}

interface PatternEntry {
  term: ScanTerm;
  regex: RegExp;
  /** Allowed contexts in the pattern stream. */
  contexts: string[];
}

export interface CompiledLibrary {
  /** How many entries take part in scans. */
  readonly size: number;
  /** Entries that never match, and why (the library's own checks should keep this empty). */
  readonly skipped: readonly SkippedTerm[];
  readonly automaton: Automaton;
  /** For each automaton key, the entries that read as it: the blocking ones first, then by id. */
  readonly literals: readonly (readonly LiteralEntry[])[];
  /**
   * For each automaton key, the term every hit of it reports when no allowed context can change
   * that (the key's first entry has none), else null. Read instead of the entries: one array for
   * all keys rather than several objects per key, which counts when a scan starts with a cold
   * cache and the library is large.
   */
  readonly plainTerms: readonly (ScanTerm | null)[];
  readonly patterns: readonly PatternEntry[];
  /** What every pattern requires, by pattern (pattern-prefilter.ts). */
  readonly prefilters: PrefilterSet;
}

const SEVERITY_ORDER = { block: 0, review: 1 } as const;

/** Normalised allowed contexts, without the empty ones. */
const NO_CONTEXTS: string[] = [];

function normalizedContexts(contexts: readonly string[], normalize: (text: string) => string): string[] {
  if (contexts.length === 0) return NO_CONTEXTS;
  return contexts.map((context) => normalize(context)).filter((context) => context !== "");
}

/** Where `key` occurs in `text`, overlapping occurrences included. */
function occurrences(key: string, text: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) offsets.push(at);
  return offsets;
}

/** Compiles the library for `scanCompiled`. Entries that cannot match are listed in `skipped`. */
export function compileLibrary(terms: readonly ScanTerm[]): CompiledLibrary {
  const skipped: SkippedTerm[] = [];
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const literals: LiteralEntry[][] = [];
  const patterns: PatternEntry[] = [];
  const prefilters: PatternPrefilter[] = [];
  for (const term of terms) {
    if ((term.term === null) === (term.pattern === null)) {
      skipped.push({ termId: term.id, reason: "invalid" });
    } else if (term.term !== null) {
      const key = matchText(term.term);
      if (key === "") {
        skipped.push({ termId: term.id, reason: "empty" });
        continue;
      }
      let index = keyIndex.get(key);
      if (index === undefined) {
        index = keys.length;
        keyIndex.set(key, index);
        keys.push(key);
        literals.push([]);
      }
      literals[index]!.push({
        term,
        placements: normalizedContexts(term.allowedContexts, matchText).flatMap((context) =>
          placements(key, context),
        ),
      });
    } else {
      const compiled = compilePattern(term.pattern!);
      if (!compiled.ok) {
        skipped.push({ termId: term.id, reason: compiled.reason });
        continue;
      }
      patterns.push({
        term,
        regex: compiled.regex,
        contexts: normalizedContexts(term.allowedContexts, patternText),
      });
      prefilters.push(patternPrefilter(parsePattern(term.pattern!)));
    }
  }
  for (const group of literals) {
    if (group.length > 1)
      group.sort(
        (a, b) => SEVERITY_ORDER[a.term.severity] - SEVERITY_ORDER[b.term.severity] || a.term.id - b.term.id,
      );
  }
  return {
    size: terms.length - skipped.length,
    skipped,
    automaton: buildAutomaton(keys),
    literals,
    // The first entry is tried first and never cancelled, so it is the one reported.
    plainTerms: literals.map((group) => (group[0]!.placements.length === 0 ? group[0]!.term : null)),
    patterns,
    prefilters: compilePrefilters(prefilters),
  };
}

/** Whether `text` occurs in the stream at `at`. */
function occursAt(stream: StreamView, text: string, at: number): boolean {
  if (at < 0 || at + text.length > stream.length) return false;
  const units = stream.units;
  for (let k = 0; k < text.length; k++) if (units[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** Whether one of `contexts` occurs in the stream covering the whole range [start, end). */
function cancelledByContext(
  stream: StreamView,
  start: number,
  end: number,
  contexts: readonly string[],
): boolean {
  for (const context of contexts) {
    for (let at = Math.max(0, end - context.length); at <= start; at++) {
      if (occursAt(stream, context, at)) return true;
    }
  }
  return false;
}

/** `cancelledByContext` for a literal hit at `start`, through the placements of its contexts. */
function literalCancelled(stream: StreamView, start: number, entry: LiteralEntry): boolean {
  const units = stream.units;
  for (const placement of entry.placements) {
    const probe = start + placement.probe;
    if (probe < 0 || probe >= stream.length || units[probe] !== placement.unit) continue;
    if (occursAt(stream, placement.text, start + placement.at)) return true;
  }
  return false;
}

function finding(term: ScanTerm, original: string, start: number, end: number): Finding {
  return {
    termId: term.id,
    term: term.term ?? term.pattern ?? "",
    match: original.slice(start, end),
    category: term.category,
    severity: term.severity,
    start,
    end,
    reason: term.reason,
    basis: term.basis,
    suggestion: term.suggestion,
  };
}

/**
 * Hits before they become findings: for each, the entry's term and the original range, in the
 * order found. Parallel arrays reused by every scan rather than an object per hit, which the
 * garbage collector would then have to sweep.
 */
class HitList {
  terms: ScanTerm[] = [];
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  length = 0;

  push(term: ScanTerm, start: number, end: number): void {
    if (this.length === this.starts.length) {
      this.starts = doubled(this.starts);
      this.ends = doubled(this.ends);
    }
    this.terms[this.length] = term;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  /** Empties the list, letting go of the terms. */
  clear(): void {
    this.terms.length = 0;
    this.length = 0;
  }
}

function firstUncancelled(
  entries: readonly LiteralEntry[],
  stream: StreamView,
  start: number,
): ScanTerm | null {
  for (const entry of entries) if (!literalCancelled(stream, start, entry)) return entry.term;
  return null;
}

/**
 * The global `lastIndex` walk of one pattern over `text` — the pattern stream, or the part of it
 * that starts at `offset` — from `from`: a hit for every match no allowed context cancels.
 */
function searchPattern(
  entry: PatternEntry,
  original: string,
  stream: StreamView,
  text: string,
  from: number,
  offset: number,
  hits: HitList,
): void {
  const regex = entry.regex;
  regex.lastIndex = from;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    const start = m.index + offset;
    const end = start + m[0].length;
    if (end === start) {
      regex.lastIndex = m.index + 1;
      continue;
    }
    if (!cancelledByContext(stream, start, end, entry.contexts))
      hits.push(entry.term, stream.starts[start]!, originalEnd(original, stream.starts[end - 1]!));
  }
}

/** Below this, offsets and hit counts fit the numeric sort keys of `sortHits`. */
const SORT_LIMIT = 1 << 17;
let sortKeys = new Float64Array(1024);
let sortOrder = new Int32Array(1024);

/**
 * The order of the hits (indices into `hits`, valid until the next call): by start, the longest
 * first at one start, then by term id, hits equal in all three in the order found. Sorted as
 * numbers in one native call — key (start, SORT_LIMIT − 1 − end, index), exact below 2^53 —
 * because a comparator called from the sort was the costliest line of a scan; equal ranges
 * (rare) are then put in term order. Longer texts or more hits take the comparator.
 */
function sortHits(hits: HitList, textLength: number): Int32Array {
  const n = hits.length;
  const { starts, ends, terms } = hits;
  if (sortOrder.length < n) sortOrder = new Int32Array(Math.max(n, sortOrder.length * 2));
  const order = sortOrder.subarray(0, n);
  if (textLength >= SORT_LIMIT || n >= SORT_LIMIT) {
    for (let k = 0; k < n; k++) order[k] = k;
    // Array.prototype.sort is stable: equal hits stay in the order found.
    const sorted = Array.from(order).sort(
      (a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]! || terms[a]!.id - terms[b]!.id,
    );
    order.set(sorted);
    return order;
  }
  if (sortKeys.length < n) sortKeys = new Float64Array(Math.max(n, sortKeys.length * 2));
  const keys = sortKeys.subarray(0, n);
  for (let k = 0; k < n; k++)
    keys[k] = (starts[k]! * SORT_LIMIT + (SORT_LIMIT - 1 - ends[k]!)) * SORT_LIMIT + k;
  keys.sort();
  for (let k = 0; k < n; k++) order[k] = keys[k]! % SORT_LIMIT;
  // A run of equal ranges is in the order found: an insertion sort by term id keeps that order
  // among equal ids.
  for (let k = 1; k < n; k++) {
    const index = order[k]!;
    const id = terms[index]!.id;
    let j = k;
    while (
      j > 0 &&
      starts[order[j - 1]!] === starts[index] &&
      ends[order[j - 1]!] === ends[index] &&
      terms[order[j - 1]!]!.id > id
    ) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = index;
  }
  return order;
}

/** Where the patterns' required strings occur, reused by every scan. */
const anchorHits = new AnchorHits();

/** Where the pattern being searched runs, reused for every pattern. */
const plan = new SearchPlan();

/** The automaton's occurrences, reused by every scan (a scan runs to its end before the next). */
const found = new MatchList();

/** The hits of the scan under way. */
const hits = new HitList();

/** Every finding of the library in `text`, with offsets into `text` (see the module comment). */
export function scanCompiled(lib: CompiledLibrary, text: string): Finding[] {
  if (text === "" || lib.size === 0) return [];
  hits.clear();

  const streams = normalizeForScan(text, lib.patterns.length > 0);
  const { match, pattern } = streams;
  const { keyLengths } = lib.automaton;
  findAllUnits(lib.automaton, match.units, match.length, found);
  for (let k = 0; k < found.length; k++) {
    const key = found.keys[k]!;
    const end = found.ends[k]!;
    const start = end - keyLengths[key]!;
    const term = lib.plainTerms[key] ?? firstUncancelled(lib.literals[key]!, match, start);
    if (term) hits.push(term, match.starts[start]!, originalEnd(text, match.starts[end - 1]!));
  }

  if (lib.patterns.length > 0) {
    anchorHits.find(lib.prefilters, pattern.units, pattern.length);
    for (let p = 0; p < lib.patterns.length; p++) {
      const kind = searchPlan(lib.prefilters, p, anchorHits, pattern.units, pattern.length, plan);
      if (kind === "none") continue;
      const entry = lib.patterns[p]!;
      const patternText = streams.patternText();
      if (kind === "from") {
        searchPattern(entry, text, pattern, patternText, plan.from, 0, hits);
        continue;
      }
      for (let k = 0; k < plan.partsLength; k += 2) {
        const offset = plan.parts[k]!;
        searchPattern(entry, text, pattern, patternText.slice(offset, plan.parts[k + 1]), 0, offset, hits);
      }
    }
  }

  const order = sortHits(hits, text.length);
  const findings: Finding[] = [];
  let previous = -1;
  for (let k = 0; k < order.length; k++) {
    const h = order[k]!;
    const term = hits.terms[h]!;
    const start = hits.starts[h]!;
    const end = hits.ends[h]!;
    // The same term twice at one original range (within one expanded character): once.
    if (
      previous >= 0 &&
      hits.terms[previous] === term &&
      hits.starts[previous] === start &&
      hits.ends[previous] === end
    )
      continue;
    findings.push(finding(term, text, start, end));
    previous = h;
  }
  hits.clear();
  return findings;
}

/** Compiles and scans in one go (tests, one-off checks); the server keeps a compiled library. */
export function scanTerms(terms: readonly ScanTerm[], text: string): Finding[] {
  return scanCompiled(compileLibrary(terms), text);
}
