/**
 * The originality score of a text against the copy of candidate earlier pieces, with the shared
 * passages mapped back to original offsets on both sides. Pure: the check finds the candidates
 * through the index and hands their copy in.
 */
import {
  ORIGINALITY_MIN_CHARS,
  type OriginalityResult,
  type SharedPassage,
  type SimilarPiece,
} from "../compliance-types";
import { normalizeForMatch, originalRange, type NormalizedText } from "../scanner/normalize";
import { K, probeBandKeys, shingleHashes, type BandKey } from "./fingerprints";
import { markCovered, seedTable, sharedRuns, type SeedTable, type SharedRun } from "./shared-runs";

/** The shortest shared run that counts against the score, in normalised characters. */
export const SCORE_MIN_RUN = 16;
/** A short text this similar to an earlier piece is a near-duplicate. */
export const NEAR_DUPLICATE_SIMILARITY = 0.9;
/** The most similar earlier pieces a result lists. */
export const MAX_SIMILAR = 5;

/** The checked text, normalised, with its boilerplate positions masked. */
export interface CheckedText {
  text: string;
  normalized: NormalizedText;
  /** 1 where a normalised position belongs to boilerplate (left out of the score). */
  masked: Uint8Array;
  /** Normalised characters outside boilerplate: what the score is a share of. */
  liveChars: number;
  /** Under ORIGINALITY_MIN_CHARS live characters: near-duplicate check only. */
  short: boolean;
  /** The boilerplate lines, normalised: left out here, and of the other side when texts are compared whole. */
  boilerplate: readonly string[];
  /** The shortest shared run that counts: a shingle's length for a short text, SCORE_MIN_RUN otherwise. */
  minRun: number;
  /** The text's seeds, looked up by every comparison. */
  seeds: SeedTable;
}

/** An earlier piece's copy as the check compares it. */
export interface CandidateCopy {
  pieceId: number;
  title: string;
  kind: string;
  text: string;
}

/** Marks every occurrence of each normalised boilerplate line in the normalised text. */
function boilerplateMask(normalized: string, needles: readonly string[]): Uint8Array {
  const masked = new Uint8Array(normalized.length);
  for (const needle of needles) {
    for (let at = normalized.indexOf(needle); at >= 0; at = normalized.indexOf(needle, at + 1))
      masked.fill(1, at, at + needle.length);
  }
  return masked;
}

function countLive(masked: Uint8Array): number {
  let live = 0;
  for (let i = 0; i < masked.length; i++) if (!masked[i]) live++;
  return live;
}

export function prepareCheckedText(text: string, boilerplate: readonly string[]): CheckedText {
  const normalized = normalizeForMatch(text);
  const needles = [...new Set(boilerplate.map((line) => normalizeForMatch(line).text).filter(Boolean))];
  const masked = boilerplateMask(normalized.text, needles);
  const liveChars = countLive(masked);
  const short = liveChars < ORIGINALITY_MIN_CHARS;
  // Short texts count every run of a shingle's length: one edit in 50 characters must not hide a copy.
  const minRun = short ? Math.min(K, liveChars) : SCORE_MIN_RUN;
  return {
    text,
    normalized,
    masked,
    liveChars,
    short,
    boilerplate: needles,
    minRun,
    seeds: seedTable(normalized.text, masked, Math.min(K, minRun)),
  };
}

/** The index keys a check looks up for the text. */
export function checkProbes(checked: CheckedText): BandKey[] {
  return probeBandKeys(shingleHashes(checked.normalized.text), checked.masked, {
    everyShingle: checked.short,
  });
}

function toPassage(checked: NormalizedText, other: NormalizedText, run: SharedRun): SharedPassage {
  const mine = originalRange(checked, run.a, run.a + run.length);
  const theirs = originalRange(other, run.b, run.b + run.length);
  return { start: mine.start, end: mine.end, otherStart: theirs.start, otherEnd: theirs.end };
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** The characters of `text` outside `masked`. */
function liveText(text: string, masked: Uint8Array): string {
  let out = "";
  for (let i = 0; i < text.length; i++) if (!masked[i]) out += text[i];
  return out;
}

/** Length of the longest common subsequence (one row of the table at a time). */
function lcsLength(a: string, b: string): number {
  const row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? diagonal + 1 : Math.max(above, row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * How close a short checked text is to another text, both without boilerplate: characters in
 * common, in order, over both lengths (1 = the same text; one changed word in 30 characters ≈ 0.93).
 */
function similarity(checked: CheckedText, other: string): number {
  const a = liveText(checked.normalized.text, checked.masked);
  const b = liveText(other, boilerplateMask(other, checked.boilerplate));
  const total = a.length + b.length;
  // Even sharing every character of the shorter one, texts of very different lengths are not close.
  if (total === 0 || (2 * Math.min(a.length, b.length)) / total < NEAR_DUPLICATE_SIMILARITY) return 0;
  return (2 * lcsLength(a, b)) / total;
}

interface Compared {
  similar: SimilarPiece;
  runs: SharedRun[];
  /** For a short checked text: how close to the same text the two are (see `similarity`). */
  similarity: number;
}

function compare(checked: CheckedText, candidate: CandidateCopy): Compared | null {
  if (checked.minRun === 0) return null;
  const other = normalizeForMatch(candidate.text);
  const runs = sharedRuns(checked.seeds, other.text, checked.minRun);
  if (!runs.length) return null;
  const shared = runs.reduce((sum, run) => sum + run.length, 0);
  return {
    runs,
    similarity: checked.short ? similarity(checked, other.text) : 0,
    similar: {
      pieceId: candidate.pieceId,
      title: candidate.title,
      kind: candidate.kind,
      overlap: round4(shared / checked.liveChars),
      passages: runs.map((run) => toPassage(checked.normalized, other, run)),
      text: candidate.text,
    },
  };
}

/**
 * Scores the checked text against the candidates. A text of ORIGINALITY_MIN_CHARS live characters
 * or more scores 1 − (share of its live characters covered by runs found in any candidate) and
 * passes at the threshold; a shorter one gets no score and passes unless it is a near-duplicate
 * (similarity ≥ 0.9) of a candidate, the oldest such one being named. Either way the five
 * candidates covering most of the text are listed, with their passages.
 */
export function scoreOriginality(options: {
  checked: CheckedText;
  candidates: readonly CandidateCopy[];
  threshold: number;
}): OriginalityResult {
  const { checked, threshold } = options;
  const compared = options.candidates
    .map((candidate) => compare(checked, candidate))
    .filter((c): c is Compared => c !== null);
  const similar = [...compared]
    .sort((x, y) => y.similar.overlap - x.similar.overlap || x.similar.pieceId - y.similar.pieceId)
    .slice(0, MAX_SIMILAR)
    .map((c) => c.similar);
  if (checked.short) {
    const duplicates = compared
      .filter((c) => c.similarity >= NEAR_DUPLICATE_SIMILARITY)
      .sort((x, y) => x.similar.pieceId - y.similar.pieceId);
    const nearDuplicateOf = duplicates[0]?.similar.pieceId ?? null;
    return { score: null, threshold, nearDuplicateOf, similar, passes: nearDuplicateOf === null };
  }
  const covered = new Uint8Array(checked.normalized.text.length);
  let coveredChars = 0;
  for (const c of compared) coveredChars += markCovered(c.runs, covered);
  const score = round4(1 - coveredChars / checked.liveChars);
  return { score, threshold, nearDuplicateOf: null, similar, passes: score >= threshold };
}
