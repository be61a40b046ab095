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
 * search starts where the first occurrence of its anchor string allows.
 */
import type { Finding, ScanTerm } from "../compliance-types";
import { buildAutomaton, findAllUnits, MatchList, type Automaton } from "./aho-corasick";
import { matchText, normalizeForScan, originalEnd, patternText, type StreamView } from "./normalize";
import { compilePattern, parsePattern, type PatternRefusal } from "./pattern-guard";
import {
  AnchorHits,
  compilePrefilters,
  patternPrefilter,
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
   * Allowed contexts in the match stream, each with the offsets at which the entry's key occurs
   * in it: a hit is the key, so a context covering it can only sit at the hit's start minus one
   * of these offsets. A context without the key has none and never cancels.
   */
  contexts: { text: string; offsets: number[] }[];
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
        contexts: normalizedContexts(term.allowedContexts, matchText).map((context) => ({
          text: context,
          offsets: occurrences(key, context),
        })),
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

/** `cancelledByContext` for a literal hit at `start`, through the offsets of its key in each context. */
function literalCancelled(stream: StreamView, start: number, entry: LiteralEntry): boolean {
  for (const context of entry.contexts) {
    for (const offset of context.offsets) if (occursAt(stream, context.text, start - offset)) return true;
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

/** A hit before it becomes a finding: the entry and the original range. */
interface Hit {
  term: ScanTerm;
  start: number;
  end: number;
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
  hits: Hit[],
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
      hits.push({
        term: entry.term,
        start: stream.starts[start]!,
        end: originalEnd(original, stream.starts[end - 1]!),
      });
  }
}

const compareHits = (a: Hit, b: Hit) => a.start - b.start || b.end - a.end || a.term.id - b.term.id;

/** Below this, offsets and hit counts fit the numeric sort keys of `sortHits`. */
const SORT_LIMIT = 1 << 17;
let sortKeys = new Float64Array(1024);

/**
 * The hits by start, the longest first at one start, then by term id. Sorted as numbers in one
 * native call — key (start, SORT_LIMIT − 1 − end, position), exact below 2^53 — because a
 * comparator called from the sort was the costliest line of a scan; equal ranges (rare) are then
 * put in term order. Longer texts or more hits take the comparator.
 */
function sortHits(hits: Hit[], textLength: number): Hit[] {
  const n = hits.length;
  if (n < 2) return hits;
  if (textLength >= SORT_LIMIT || n >= SORT_LIMIT) return hits.sort(compareHits);
  if (sortKeys.length < n) sortKeys = new Float64Array(Math.max(n, sortKeys.length * 2));
  const keys = sortKeys.subarray(0, n);
  for (let k = 0; k < n; k++) {
    const h = hits[k]!;
    keys[k] = (h.start * SORT_LIMIT + (SORT_LIMIT - 1 - h.end)) * SORT_LIMIT + k;
  }
  keys.sort();
  const sorted: Hit[] = new Array<Hit>(n);
  for (let k = 0; k < n; k++) sorted[k] = hits[keys[k]! % SORT_LIMIT]!;
  for (let k = 0; k < n;) {
    let j = k + 1;
    while (j < n && sorted[j]!.start === sorted[k]!.start && sorted[j]!.end === sorted[k]!.end) j++;
    if (j - k > 1) {
      const run = sorted.slice(k, j).sort(compareHits);
      for (let r = 0; r < run.length; r++) sorted[k + r] = run[r]!;
    }
    k = j;
  }
  return sorted;
}

/** Where the patterns' required strings occur, reused by every scan. */
const anchorHits = new AnchorHits();

/** The automaton's occurrences, reused by every scan (a scan runs to its end before the next). */
const found = new MatchList();

/** Every finding of the library in `text`, with offsets into `text` (see the module comment). */
export function scanCompiled(lib: CompiledLibrary, text: string): Finding[] {
  if (text === "" || lib.size === 0) return [];
  const hits: Hit[] = [];

  const streams = normalizeForScan(text, lib.patterns.length > 0);
  const { match, pattern } = streams;
  const { keyLengths } = lib.automaton;
  findAllUnits(lib.automaton, match.units, match.length, found);
  for (let k = 0; k < found.length; k++) {
    const key = found.keys[k]!;
    const end = found.ends[k]!;
    const start = end - keyLengths[key]!;
    const term = firstUncancelled(lib.literals[key]!, match, start);
    if (term)
      hits.push({ term, start: match.starts[start]!, end: originalEnd(text, match.starts[end - 1]!) });
  }

  if (lib.patterns.length > 0) {
    anchorHits.find(lib.prefilters, pattern.units, pattern.length);
    lib.patterns.forEach((entry, p) => {
      const plan = searchPlan(lib.prefilters, p, anchorHits, pattern.units, pattern.length);
      if (plan.kind === "none") return;
      const patternText = streams.patternText();
      if (plan.kind === "from") {
        searchPattern(entry, text, pattern, patternText, plan.from, 0, hits);
        return;
      }
      const { parts } = plan;
      for (let k = 0; k < parts.length; k += 2) {
        const offset = parts[k]!;
        searchPattern(entry, text, pattern, patternText.slice(offset, parts[k + 1]), 0, offset, hits);
      }
    });
  }

  const sorted = sortHits(hits, text.length);
  const findings: Finding[] = [];
  let previous: Hit | null = null;
  for (const h of sorted) {
    // The same term twice at one original range (within one expanded character): once.
    if (previous && previous.term === h.term && previous.start === h.start && previous.end === h.end)
      continue;
    findings.push(finding(h.term, text, h.start, h.end));
    previous = h;
  }
  return findings;
}

/** Compiles and scans in one go (tests, one-off checks); the server keeps a compiled library. */
export function scanTerms(terms: readonly ScanTerm[], text: string): Finding[] {
  return scanCompiled(compileLibrary(terms), text);
}
