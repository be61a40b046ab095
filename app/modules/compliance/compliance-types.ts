/**
 * The shapes the compliance capability shares between the scanner, the term library, the
 * originality check, the review and publish gates and the editors. Pure types and enums: safe in
 * the browser.
 */

export const TERM_CATEGORIES = [
  "absolute",
  "auto_fuel",
  "auto_safety",
  "auto_adas",
  "auto_range",
  "auto_finance",
  "auto_plate",
  "price",
  "service",
  "quality",
  "off_platform",
] as const;
export type TermCategory = (typeof TERM_CATEGORIES)[number];

export const TERM_SEVERITIES = ["block", "review"] as const;
export type TermSeverity = (typeof TERM_SEVERITIES)[number];

/** One entry of the library as the scanner sees it. Exactly one of `term` and `pattern` is set. */
export interface ScanTerm {
  id: number;
  term: string | null;
  pattern: string | null;
  category: TermCategory;
  severity: TermSeverity;
  reason: string;
  basis: string;
  suggestion: string;
  allowedContexts: string[];
}

/** One hit, with offsets into the ORIGINAL text (UTF-16 code units, end exclusive). */
export interface Finding {
  termId: number;
  /** The library's term (or the pattern's source for a pattern entry). */
  term: string;
  /** The original text that matched (may hold spaces, full-width or traditional characters). */
  match: string;
  category: TermCategory;
  severity: TermSeverity;
  start: number;
  end: number;
  reason: string;
  basis: string;
  suggestion: string;
}

/** The most that one scan or originality request may hold, in characters (413 above). */
export const SCAN_TEXT_MAX = 50_000;

/** A passage of the checked text also found in an earlier piece. */
export interface SharedPassage {
  /** Offsets into the checked text. */
  start: number;
  end: number;
  /** Offsets into the earlier piece's text. */
  otherStart: number;
  otherEnd: number;
}

export interface SimilarPiece {
  pieceId: number;
  title: string;
  kind: string;
  /** Share of the checked text covered by passages found in this piece, 0–1. */
  overlap: number;
  passages: SharedPassage[];
  /** The earlier piece's text, so both sides can be highlighted. */
  text: string;
}

export interface OriginalityResult {
  /** 1 − share of the (boilerplate-free) text covered by passages found in earlier pieces; null under 60 characters. */
  score: number | null;
  threshold: number;
  /** Under 60 characters only a near-duplicate is looked for. */
  nearDuplicateOf: number | null;
  similar: SimilarPiece[];
  passes: boolean;
}

/** Texts shorter than this get a near-duplicate check only. */
export const ORIGINALITY_MIN_CHARS = 60;
export const DEFAULT_ORIGINALITY_THRESHOLD = 0.9;
