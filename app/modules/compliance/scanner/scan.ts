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
 */
import type { Finding, ScanTerm } from "../compliance-types";
import { buildAutomaton, findAll, type Automaton } from "./aho-corasick";
import {
  matchText,
  normalizeForMatch,
  normalizeForPatterns,
  patternText,
  type NormalizedText,
} from "./normalize";
import { compilePattern, type PatternRefusal } from "./pattern-guard";

/** Why a library entry takes no part in scans. */
export type SkipReason = "invalid" | "empty" | PatternRefusal;

export interface SkippedTerm {
  termId: number;
  reason: SkipReason;
}

interface LiteralEntry {
  term: ScanTerm;
  /** Allowed contexts in the match stream. */
  contexts: string[];
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
}

const SEVERITY_ORDER = { block: 0, review: 1 } as const;

/** Normalised allowed contexts, without the empty ones. */
const NO_CONTEXTS: string[] = [];

function normalizedContexts(contexts: readonly string[], normalize: (text: string) => string): string[] {
  if (contexts.length === 0) return NO_CONTEXTS;
  return contexts.map((context) => normalize(context)).filter((context) => context !== "");
}

/** Compiles the library for `scanCompiled`. Entries that cannot match are listed in `skipped`. */
export function compileLibrary(terms: readonly ScanTerm[]): CompiledLibrary {
  const skipped: SkippedTerm[] = [];
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const literals: LiteralEntry[][] = [];
  const patterns: PatternEntry[] = [];
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
      literals[index]!.push({ term, contexts: normalizedContexts(term.allowedContexts, matchText) });
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
  };
}

/** Whether one of `contexts` occurs in `text` covering the whole range [start, end). */
function cancelledByContext(text: string, start: number, end: number, contexts: readonly string[]): boolean {
  for (const context of contexts) {
    const last = Math.min(start, text.length - context.length);
    for (let at = Math.max(0, end - context.length); at <= last; at++) {
      if (text.startsWith(context, at)) return true;
    }
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
  text: string,
  start: number,
  end: number,
): ScanTerm | null {
  for (const entry of entries) if (!cancelledByContext(text, start, end, entry.contexts)) return entry.term;
  return null;
}

/** Every finding of the library in `text`, with offsets into `text` (see the module comment). */
export function scanCompiled(lib: CompiledLibrary, text: string): Finding[] {
  if (text === "" || lib.size === 0) return [];
  const hits: Hit[] = [];
  const hit = (term: ScanTerm, normalized: NormalizedText, start: number, end: number) =>
    hits.push({ term, start: normalized.starts[start]!, end: normalized.ends[end - 1]! });

  const match = normalizeForMatch(text);
  const { keyLengths } = lib.automaton;
  findAll(lib.automaton, match.text, (key, end) => {
    const start = end - keyLengths[key]!;
    const term = firstUncancelled(lib.literals[key]!, match.text, start, end);
    if (term) hit(term, match, start, end);
  });

  if (lib.patterns.length > 0) {
    const pattern = normalizeForPatterns(text);
    for (const entry of lib.patterns) {
      const regex = entry.regex;
      regex.lastIndex = 0;
      for (let m = regex.exec(pattern.text); m; m = regex.exec(pattern.text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (end === start) {
          regex.lastIndex = end + 1;
          continue;
        }
        if (!cancelledByContext(pattern.text, start, end, entry.contexts))
          hit(entry.term, pattern, start, end);
      }
    }
  }

  hits.sort((a, b) => a.start - b.start || b.end - a.end || a.term.id - b.term.id);
  const findings: Finding[] = [];
  let previous: Hit | null = null;
  for (const h of hits) {
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
