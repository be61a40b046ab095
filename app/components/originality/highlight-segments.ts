/**
 * A text cut into what a side of the originality report shows: the marked passages (numbered),
 * the text around them, and gaps where the rest is left out. Pure.
 */

export interface MarkedRange {
  start: number;
  end: number;
  /** The passage's number, the same on both sides. */
  n: number;
}

export type Segment =
  | { kind: "text"; text: string }
  | { kind: "mark"; text: string; n: number }
  /** Part of the text left out. */
  | { kind: "gap" };

export interface SegmentOptions {
  /** Characters shown before and after each passage. */
  context?: number;
  /** A text at most this long is shown whole. */
  wholeBelow?: number;
  /** A passage longer than this shows its start and end around a gap. */
  longPassage?: number;
}

/**
 * Segments of `text` around the ranges (taken in order of position; overlapping ones are cut
 * where the previous ends). A short text is shown whole; a long one keeps `context` characters
 * each side of every passage and a gap for the rest.
 */
export function highlightSegments(
  text: string,
  ranges: MarkedRange[],
  options: SegmentOptions = {},
): Segment[] {
  const context = options.context ?? 60;
  const wholeBelow = options.wholeBelow ?? 600;
  const longPassage = options.longPassage ?? 400;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const whole = text.length <= wholeBelow;
  if (!sorted.length && !whole) return [{ kind: "text", text: text.slice(0, 2 * context) }, { kind: "gap" }];
  const out: Segment[] = [];
  const plain = (from: number, to: number) => {
    if (to > from) out.push({ kind: "text", text: text.slice(from, to) });
  };
  let at = 0;
  for (const range of sorted) {
    const start = Math.max(range.start, at);
    const end = Math.min(Math.max(range.end, start), text.length);
    if (end <= start) continue;
    if (whole || start - at <= 2 * context) plain(at, start);
    else {
      if (at > 0) plain(at, at + context);
      out.push({ kind: "gap" });
      plain(start - context, start);
    }
    if (end - start > longPassage) {
      const half = Math.floor(longPassage / 2);
      out.push({ kind: "mark", text: text.slice(start, start + half), n: range.n });
      out.push({ kind: "gap" });
      out.push({ kind: "mark", text: text.slice(end - half, end), n: range.n });
    } else out.push({ kind: "mark", text: text.slice(start, end), n: range.n });
    at = end;
  }
  if (whole || text.length - at <= context) plain(at, text.length);
  else {
    plain(at, at + context);
    out.push({ kind: "gap" });
  }
  return out;
}
