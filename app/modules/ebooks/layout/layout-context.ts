/**
 * What every layout step works with: the input, the page flow (pages and cursor), the text block
 * and type sizes, and the helpers that style, break, measure and place text at the cursor.
 */
import { breakLines, lineRuns, type BreakRun, type BrokenLine } from "../line-breaker";
import type { PageGeometry } from "../page-geometry";
import type { Book, InlineSpan, TableAlign } from "../types";
import type { DisplayItem, FontKey, LayoutInput, TextStyle } from "./layout-model";
import { PageFlow } from "./page-flow";
import { ACCENT, LINK } from "./palette";

/** The measure a run of blocks is set in (the text block, a list item, a box's inside). */
export interface Frame {
  x: number;
  width: number;
  /** Body paragraphs get a 2 em first-line indent; list items, boxes and cells do not. */
  indent: boolean;
  color: string;
  size: number;
}

export interface LayoutContext {
  input: LayoutInput;
  book: Book;
  g: PageGeometry;
  flow: PageFlow;
  measure: LayoutInput["measure"];
  /** Left edge and width of the text block. */
  contentX: number;
  contentW: number;
  /** Body type size and line height. */
  size: number;
  lineHeight: number;
  /** Screen PDFs carry links; print does not. */
  screen: boolean;
  /** One object per distinct style, so the breaker can compare styles by reference. */
  style(font: FontKey, sz: number, color: string, href?: string): TextStyle;
  /** Inline spans as styled runs: bold, accent (em), code colour, links on screen. */
  runsOf(spans: InlineSpan[], base: { font: FontKey; size: number; color: string }): BreakRun<TextStyle>[];
  breakText(
    runs: BreakRun<TextStyle>[],
    width: number,
    sz: number,
    opts?: { indent?: number; justify?: boolean },
  ): BrokenLine<TextStyle>[];
  /** Draws one broken line on the current page. */
  emitLine(line: BrokenLine<TextStyle>, x: number, baseline: number, shift?: number): void;
  /** Draws the list marker waiting for the first line of its item, if any. */
  emitMarker(baseline: number): void;
  /** Places broken lines at the cursor, breaking pages between lines. */
  placeLines(
    lines: BrokenLine<TextStyle>[],
    x: number,
    lineH: number,
    sz: number,
    align?: TableAlign,
    width?: number,
  ): void;
  /** Centres a text across the page (cover, openers) at `top`; returns the bottom of its last line. */
  centered(
    text: string,
    sz: number,
    font: FontKey,
    color: string,
    top: number,
    width?: number,
    lineH?: number,
  ): number;
}

/**
 * A band `height` tall from `top`, across the whole page width and out into the bleed on both
 * sides (a cover band that starts at -bleed runs off the top edge too).
 */
export function bleedBand(lc: LayoutContext, top: number, height: number, fill: string): void {
  const b = lc.g.bleed;
  lc.flow.push({ kind: "rect", x: -b, y: top, w: lc.g.trimWidth + 2 * b, h: height, fill });
}

/** Baseline that centres the em box in a line box starting at `top`. */
export const baselineIn = (top: number, lineH: number, sz: number) => top + (lineH - sz) / 2 + sz * 0.88;

/** A broken line as text items, one per run (consecutive CJK characters share a run). */
export function runsToItems(
  line: BrokenLine<TextStyle>,
  x: number,
  baseline: number,
  shift = 0,
): DisplayItem[] {
  return lineRuns(line).map((run) => ({
    kind: "text" as const,
    x: x + shift + run.x,
    baseline,
    text: run.text,
    style: run.style,
    characterSpacing: run.characterSpacing,
  }));
}

/**
 * The clickable areas of a line's links: one per stretch of atoms with the same href, from the
 * first atom's left edge to the last one's right edge, over the em box. Spaces inside the link
 * text belong to it; any other atom ends it. Only screen styles carry an href.
 */
export function linkAreas(
  line: BrokenLine<TextStyle>,
  x: number,
  baseline: number,
  shift = 0,
): DisplayItem[] {
  const spans: Array<{ url: string; left: number; right: number; size: number }> = [];
  let previous: string | undefined;
  for (const atom of line.atoms) {
    const href = atom.kind === "newline" ? undefined : atom.style.href;
    if (href && href === previous) spans[spans.length - 1].right = atom.x + atom.width;
    else if (href) spans.push({ url: href, left: atom.x, right: atom.x + atom.width, size: atom.style.size });
    previous = href;
  }
  return spans
    .filter((span) => span.right > span.left)
    .map((span) => ({
      kind: "link" as const,
      x: x + shift + span.left,
      y: baseline - span.size * 0.88,
      w: span.right - span.left,
      h: span.size,
      url: span.url,
    }));
}

export function createLayoutContext(input: LayoutInput): LayoutContext {
  const { book, geometry: g, measure } = input;
  const flow = new PageFlow(g);
  const contentW = g.trimWidth - 2 * g.marginSide;
  const screen = g.profile === "screen";

  const styleCache = new Map<string, TextStyle>();
  const style = (font: FontKey, sz: number, color: string, href?: string): TextStyle => {
    const key = `${font}|${sz}|${color}|${href ?? ""}`;
    let s = styleCache.get(key);
    if (!s) {
      s = { font, size: sz, color, ...(href ? { href } : {}) };
      styleCache.set(key, s);
    }
    return s;
  };
  const measureStyled = (text: string, s: TextStyle) => measure(text, s.font, s.size);

  const runsOf: LayoutContext["runsOf"] = (spans, base) =>
    spans.map((span) => {
      const font: FontKey = span.strong || base.font === "bold" ? "bold" : "regular";
      const color = span.href && screen ? LINK : span.em ? ACCENT : span.code ? "#8a3b12" : base.color;
      return {
        text: span.text,
        style: style(font, base.size, color, screen ? span.href : undefined),
        hardBreak: span.hardBreak,
      };
    });

  const breakText: LayoutContext["breakText"] = (runs, width, sz, opts = {}) =>
    breakLines({
      runs,
      width,
      measure: measureStyled,
      emSize: sz,
      firstLineIndent: opts.indent,
      justify: opts.justify,
    });

  const emitLine: LayoutContext["emitLine"] = (line, x, baseline, shift = 0) => {
    flow.page.items.push(...runsToItems(line, x, baseline, shift), ...linkAreas(line, x, baseline, shift));
  };

  const emitMarker: LayoutContext["emitMarker"] = (baseline) => {
    const marker = flow.pendingMarker;
    if (!marker) return;
    flow.push({
      kind: "text",
      x: marker.x,
      baseline,
      text: marker.text,
      style: marker.style,
      characterSpacing: 0,
    });
    flow.pendingMarker = null;
  };

  const placeLines: LayoutContext["placeLines"] = (lines, x, lineH, sz, align = null, width = 0) => {
    // Do not strand a paragraph's first line alone at the foot of a page.
    if (lines.length >= 2) flow.ensure(2 * lineH);
    for (const line of lines) {
      flow.ensure(lineH);
      const baseline = baselineIn(flow.y, lineH, sz);
      emitMarker(baseline);
      const shift = align === "right" ? width - line.end : align === "center" ? (width - line.end) / 2 : 0;
      emitLine(line, x, baseline, shift);
      flow.y += lineH;
    }
  };

  const centered: LayoutContext["centered"] = (
    text,
    sz,
    font,
    color,
    top,
    width = contentW,
    lineH = sz * 1.45,
  ) => {
    const lines = breakText([{ text, style: style(font, sz, color) }], width, sz, { justify: false });
    lines.forEach((line, k) =>
      emitLine(
        line,
        (g.trimWidth - width) / 2,
        baselineIn(top + k * lineH, lineH, sz),
        (width - line.end) / 2,
      ),
    );
    return top + lines.length * lineH;
  };

  return {
    input,
    book,
    g,
    flow,
    measure,
    contentX: g.marginSide,
    contentW,
    size: g.bodySize,
    lineHeight: g.lineHeight,
    screen,
    style,
    runsOf,
    breakText,
    emitLine,
    emitMarker,
    placeLines,
    centered,
  };
}
