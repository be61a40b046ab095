/**
 * Poster text layout: lines broken by the studio's line breaker (the one the e-books use), and
 * the auto-fit that picks the largest font size whose lines fit a box. Pure: glyph widths come
 * from an injected `measure`, so the rules are tested without the font.
 *
 * satori breaks Chinese lines on its own badly (closing punctuation starts lines, Latin words
 * are split), so it is only ever handed finished lines.
 */
import { breakLines, lineRuns } from "~/modules/ebooks/line-breaker";

export type FontWeight = 400 | 700;

/** Width of `text` in pixels at `px` in the given weight. */
export type PosterMeasure = (text: string, weight: FontWeight, px: number) => number;

export interface PosterTextRun {
  text: string;
  /** Offset from the line's start, in pixels. */
  x: number;
}

export interface PosterTextLine {
  runs: PosterTextRun[];
  /** Natural width of the line. */
  width: number;
  /** The line as one string (what a reader sees; tests read it). */
  text: string;
}

export interface TextBox {
  width: number;
  /** The most height the lines may take. */
  maxHeight: number;
  weight: FontWeight;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** At most this many lines, whatever the height allows. */
  maxLines?: number;
  /**
   * Even out the lines of display type: the same number of lines, as narrow as they can be, so
   * a two-line headline does not end in one orphaned character.
   */
  balance?: boolean;
}

export interface FittedText {
  fontPx: number;
  lineHeightPx: number;
  lines: PosterTextLine[];
  /** Height the lines take. */
  height: number;
}

interface RunStyle {
  weight: FontWeight;
  px: number;
}

const EPS = 0.5;

/** Break `text` into lines `width` wide at `px`; hard line breaks in the text are kept. */
export function layoutLines(
  text: string,
  width: number,
  px: number,
  weight: FontWeight,
  measure: PosterMeasure,
): PosterTextLine[] {
  const style: RunStyle = { weight, px };
  const runs = text
    .split(/\r?\n/)
    .map((part, k) => ({ text: part, style, ...(k > 0 ? { hardBreak: true } : {}) }));
  const lines = breakLines({
    runs,
    width,
    emSize: px,
    // Posters are set ragged (centred or flush left): justified display type looks spaced out.
    justify: false,
    measure: (t, s) => measure(t, s.weight, s.px),
  });
  return lines
    .map((line) => {
      const placed = lineRuns(line);
      return {
        runs: placed.map((run) => ({ text: run.text, x: run.x })),
        width: line.end,
        text: line.atoms.map((atom) => atom.text).join(""),
      };
    })
    .filter((line) => line.runs.length > 0);
}

function fitsAt(text: string, box: TextBox, px: number, measure: PosterMeasure): FittedText | null {
  const lines = layoutLines(text, box.width, px, box.weight, measure);
  const lineHeightPx = Math.round(px * box.lineHeight);
  const height = lines.length * lineHeightPx;
  if (height > box.maxHeight + EPS) return null;
  if (box.maxLines !== undefined && lines.length > box.maxLines) return null;
  // A line with no legal break overruns the width: that size does not fit either.
  if (lines.some((line) => line.width > box.width + EPS)) return null;
  return { fontPx: px, lineHeightPx, lines, height };
}

/**
 * The largest whole pixel size in [minPx, maxPx] at which `text` fits `box` (binary search: the
 * fit is monotonic in the size), or null when it does not fit even at `minPx`. Text is never cut.
 */
export function fitText(
  text: string,
  box: TextBox,
  minPx: number,
  maxPx: number,
  measure: PosterMeasure,
): FittedText | null {
  let lo = Math.ceil(minPx);
  let hi = Math.floor(maxPx);
  let best = fitsAt(text, box, lo, measure);
  if (!best) return null;
  lo++;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const fitted = fitsAt(text, box, mid, measure);
    if (fitted) {
      best = fitted;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return box.balance && best.lines.length > 1 ? balanced(text, box, best, measure) : best;
}

/** The narrowest measure that keeps the fitted text on the same number of lines. */
function balanced(text: string, box: TextBox, fitted: FittedText, measure: PosterMeasure): FittedText {
  const count = fitted.lines.length;
  const px = fitted.fontPx;
  let lo = Math.floor(Math.max(...fitted.lines.map((l) => l.width)) / count);
  let hi = Math.ceil(box.width);
  let best = fitted.lines;
  // Whole pixels are precise enough; about a dozen layouts of a short headline.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const lines = layoutLines(text, mid, px, box.weight, measure);
    if (lines.length <= count && lines.every((line) => line.width <= mid + EPS)) {
      best = lines;
      hi = mid;
    } else lo = mid + 1;
  }
  return { ...fitted, lines: best, height: best.length * fitted.lineHeightPx };
}

/** Characters as a reader counts them (code points, not UTF-16 units). */
export function charCount(text: string): number {
  return Array.from(text).length;
}
