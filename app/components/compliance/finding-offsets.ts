import type { Finding, TermSeverity } from "~/modules/compliance/compliance-types";

/**
 * Offset arithmetic for findings in the browser: carrying a scan's findings over to text typed
 * since, cutting one scan of several fields back into each field, splitting a text too long for
 * one request, and the marks a highlight layer draws. Offsets are UTF-16 code units, end
 * exclusive, as the scanner gives them.
 */

/** The span a highlight needs from a finding. */
export interface HighlightRange {
  start: number;
  end: number;
  severity: TermSeverity;
}

/**
 * Moves findings of `from` onto `to`, a later edit of the same text: findings before the edited
 * stretch stay, those after it shift by the length change, those touching it are dropped (the
 * next scan decides about them). Both texts are compared from each end, so one edit anywhere
 * costs one pass.
 */
export function rebaseFindings<F extends { start: number; end: number }>(
  findings: readonly F[],
  from: string,
  to: string,
): F[] {
  if (from === to) return [...findings];
  const shortest = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < shortest && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)
  )
    suffix++;
  const editedEnd = from.length - suffix;
  const delta = to.length - from.length;
  const kept: F[] = [];
  for (const finding of findings) {
    if (finding.end <= prefix) kept.push(finding);
    else if (finding.start >= editedEnd) {
      kept.push({ ...finding, start: finding.start + delta, end: finding.end + delta });
    }
  }
  return kept;
}

/**
 * What separates fields scanned as one text. A blank line: no field's own text is changed, and a
 * finding that runs across it belongs to no single field and is left out.
 */
export const PART_SEPARATOR = "\n\n";

/** The fields of one editor as one text for one request. */
export function joinParts(parts: readonly string[]): string {
  return parts.join(PART_SEPARATOR);
}

/** Cuts findings of `joinParts(parts)` back into each part, with offsets into that part. */
export function splitFindings<F extends { start: number; end: number }>(
  findings: readonly F[],
  parts: readonly string[],
): F[][] {
  const out: F[][] = parts.map(() => []);
  if (parts.length === 0) return out;
  const starts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    starts.push(offset);
    offset += part.length + PART_SEPARATOR.length;
  }
  for (const finding of findings) {
    // The last part that starts at or before the finding.
    let lo = 0;
    let hi = parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= finding.start) lo = mid;
      else hi = mid - 1;
    }
    const start = finding.start - starts[lo];
    const end = finding.end - starts[lo];
    if (start >= 0 && end <= parts[lo].length && end > start) out[lo].push({ ...finding, start, end });
  }
  return out;
}

/**
 * Splits a text into pieces of at most `max` characters for separate requests, each ending after
 * a line break where there is one in its second half (so a term is rarely cut), never inside a
 * surrogate pair. `offset` is where the piece starts in the text.
 */
export function chunkText(text: string, max: number): { offset: number; text: string }[] {
  const chunks: { offset: number; text: string }[] = [];
  let offset = 0;
  while (text.length - offset > max) {
    let end = offset + max;
    const newline = text.lastIndexOf("\n", end - 1);
    if (newline >= offset + max / 2) end = newline + 1;
    else if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    chunks.push({ offset, text: text.slice(offset, end) });
    offset = end;
  }
  chunks.push({ offset, text: text.slice(offset) });
  return chunks;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** One mark of the highlight layer: overlapping findings drawn as one, at the gravest severity. */
export interface Mark extends HighlightRange {
  /** How many findings it covers. */
  count: number;
}

/** Findings as non-overlapping marks in text order, clipped to the text. */
export function marksFor(findings: readonly HighlightRange[], textLength: number): Mark[] {
  const sorted = findings
    .map((f) => ({ start: Math.max(0, f.start), end: Math.min(textLength, f.end), severity: f.severity }))
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: Mark[] = [];
  for (const f of sorted) {
    const last = marks[marks.length - 1];
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      if (f.severity === "block") last.severity = "block";
      last.count++;
    } else marks.push({ ...f, count: 1 });
  }
  return marks;
}

/** The mark that covers a finding, to find its place on screen. */
export function markIndexFor(marks: readonly Mark[], finding: { start: number }): number {
  return marks.findIndex((m) => m.start <= finding.start && finding.start < m.end);
}

/** Findings in text order, block before review at the same place: the order a list shows them. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.start - b.start || (a.severity === b.severity ? 0 : a.severity === "block" ? -1 : 1) || a.end - b.end,
  );
}

/**
 * Drops a finding that lies inside another one at least as grave (“全网最低”, “最低价” inside
 * “全网最低价”): the list then names each place once, by its longest term.
 */
export function collapseNested(findings: readonly Finding[]): Finding[] {
  const longestFirst = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const finding of longestFirst) {
    const covered = kept.some(
      (k) =>
        k.start <= finding.start &&
        finding.end <= k.end &&
        (k.severity === "block" || finding.severity === "review"),
    );
    if (!covered) kept.push(finding);
  }
  return kept;
}
