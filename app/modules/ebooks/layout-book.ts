/**
 * Lays a whole book out into per-page display lists. Pure: glyph widths, image sizes and the QR
 * matrix are handed in, so page breaking is decided before a single PDF byte is written. That is
 * what lets the table of contents carry real page numbers in one pass: its pages are reserved up
 * front (their count only depends on the titles), the body is laid out, then the TOC is filled.
 */
import { translator } from "~/i18n/i18n";
import { breakLines, lineRuns, type BreakRun, type BrokenLine } from "./line-breaker";
import { spansText } from "./markdown-blocks";
import type { PageGeometry } from "./page-geometry";
import type { Block, Book, InlineSpan, OutlineEntry, TableAlign } from "./types";

export type FontKey = "regular" | "bold";

export interface TextStyle {
  font: FontKey;
  size: number;
  color: string;
  href?: string;
}

export interface QrMatrix {
  size: number;
  /** Row-major, 1 = dark module. */
  cells: Uint8Array;
}

export type DisplayItem =
  | { kind: "text"; x: number; baseline: number; text: string; style: TextStyle; characterSpacing: number }
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  | { kind: "image"; path: string; x: number; y: number; w: number; h: number }
  | { kind: "qr"; x: number; y: number; size: number; matrix: QrMatrix }
  /** A clickable area: an internal named destination or an external URL (screen profile only). */
  | { kind: "link"; x: number; y: number; w: number; h: number; dest?: string; url?: string }
  | { kind: "dest"; name: string }
  | { kind: "outline"; title: string; level: number };

export type PageRole = "cover" | "toc" | "section" | "chapter-start" | "body" | "blank" | "back";

export interface LaidPage {
  role: PageRole;
  chapterTitle?: string;
  /** Coordinates are in points from the trim's top-left corner. */
  items: DisplayItem[];
}

export interface ImageInfo {
  path: string;
  width: number;
  height: number;
}

export interface LayoutInput {
  book: Book;
  /** Parsed blocks per chapter id. */
  chapters: Map<string, Block[]>;
  geometry: PageGeometry;
  measure: (text: string, font: FontKey, size: number) => number;
  images: Map<string, ImageInfo>;
  qr: QrMatrix;
  publicUrl: string;
  onProgress?: (fraction: number) => void;
}

export interface BookLayout {
  pages: LaidPage[];
  outline: OutlineEntry[];
  /** Chapter id -> 1-based page number. */
  chapterStartPages: Record<string, number>;
}

const INK = "#1f2328";
const MUTED = "#6b7280";
const ACCENT = "#b42318";
const LINK = "#1d4ed8";
const TINTS = { tip: "#e8f3ee", warning: "#fdf1e6", code: "#f3f4f6", quote: "#f7f7f8" } as const;
const TIP_COLORS = { tip: "#137a4a", warning: "#b45309" } as const;
const COVER_COLOR = "#14375e";
/** Book text comes from the UI strings, in the book's language: Chinese. */
const zh = translator("zh");
const TIP_LABEL_KEYS = { tip: "ebooks.printTip", warning: "ebooks.printWarning" } as const;

const CN_DIGITS = "零一二三四五六七八九";

/** 1..99 as Chinese numerals (第三篇, 第十二章). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ""}`;
}

export const chapterDest = (id: string) => `ch-${id}`;
export const sectionDest = (id: string) => `sec-${id}`;

interface OpenBox {
  x: number;
  w: number;
  fill?: string;
  bar?: string;
  pageIndex: number;
  itemIndex: number;
  y: number;
}

interface Ctx {
  x: number;
  width: number;
  /** Body paragraphs get a 2 em first-line indent; list items, boxes and cells do not. */
  indent: boolean;
  color: string;
  size: number;
}

class Flow {
  pages: LaidPage[] = [];
  y = 0;
  readonly top: number;
  readonly bottom: number;
  private boxes: OpenBox[] = [];
  private chapterTitle: string | undefined;
  /** List marker waiting for the first line of its item. */
  pendingMarker: { text: string; x: number; style: TextStyle } | null = null;

  constructor(readonly g: PageGeometry) {
    this.top = g.marginTop;
    this.bottom = g.trimHeight - g.marginBottom;
  }

  get page(): LaidPage {
    return this.pages[this.pages.length - 1];
  }

  get pageNumber(): number {
    return this.pages.length;
  }

  newPage(role: PageRole, chapterTitle?: string): LaidPage {
    if (role === "chapter-start") this.chapterTitle = chapterTitle;
    if (role !== "body" && role !== "chapter-start") this.chapterTitle = undefined;
    this.closeBoxSegments();
    this.pages.push({ role, chapterTitle: this.chapterTitle, items: [] });
    this.y = this.top;
    for (const box of this.boxes) {
      box.pageIndex = this.pages.length - 1;
      box.itemIndex = 0;
      box.y = this.y;
    }
    return this.page;
  }

  /** Start a new body page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && this.y > this.top + 0.01) this.newPage("body");
  }

  remaining(): number {
    return this.bottom - this.y;
  }

  push(item: DisplayItem): void {
    this.page.items.push(item);
  }

  openBox(box: { x: number; w: number; fill?: string; bar?: string }): void {
    this.boxes.push({
      ...box,
      pageIndex: this.pages.length - 1,
      itemIndex: this.page.items.length,
      y: this.y,
    });
  }

  closeBox(): void {
    const box = this.boxes.pop();
    if (box) this.drawBoxSegment(box, this.y);
  }

  // Backgrounds must sit under the text already placed, so they are spliced in at the index
  // recorded when the segment began; innermost first keeps the outer indices valid.
  private closeBoxSegments(): void {
    for (let k = this.boxes.length - 1; k >= 0; k--) this.drawBoxSegment(this.boxes[k], this.y);
  }

  private drawBoxSegment(box: OpenBox, endY: number): void {
    const h = endY - box.y;
    if (h <= 0) return;
    const items = this.pages[box.pageIndex].items;
    const segment: DisplayItem = box.fill
      ? { kind: "rect", x: box.x, y: box.y, w: box.w, h, fill: box.fill }
      : {
          kind: "line",
          x1: box.x + 1,
          y1: box.y,
          x2: box.x + 1,
          y2: endY,
          color: box.bar ?? MUTED,
          width: 2,
        };
    items.splice(box.itemIndex, 0, segment);
  }
}

export function layoutBook(input: LayoutInput): BookLayout {
  const { book, geometry: g, measure } = input;
  const flow = new Flow(g);
  const contentX = g.marginSide;
  const contentW = g.trimWidth - 2 * g.marginSide;
  const size = g.bodySize;
  const L = g.lineHeight;
  const outline: OutlineEntry[] = [];
  const chapterStartPages: Record<string, number> = {};
  const sectionStartPages: Record<string, number> = {};
  const screen = g.profile === "screen";

  // One object per distinct style, so the breaker can compare styles by reference.
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

  const runsOf = (
    spans: InlineSpan[],
    base: { font: FontKey; size: number; color: string },
  ): BreakRun<TextStyle>[] =>
    spans.map((span) => {
      const font: FontKey = span.strong || base.font === "bold" ? "bold" : "regular";
      const color = span.href && screen ? LINK : span.em ? ACCENT : span.code ? "#8a3b12" : base.color;
      return {
        text: span.text,
        style: style(font, base.size, color, screen ? span.href : undefined),
        hardBreak: span.hardBreak,
      };
    });

  const breakText = (
    runs: BreakRun<TextStyle>[],
    width: number,
    sz: number,
    opts: { indent?: number; justify?: boolean } = {},
  ) =>
    breakLines({
      runs,
      width,
      measure: measureStyled,
      emSize: sz,
      firstLineIndent: opts.indent,
      justify: opts.justify,
    });

  /** Baseline that centres the em box in a line box starting at `top`. */
  const baselineIn = (top: number, lineH: number, sz: number) => top + (lineH - sz) / 2 + sz * 0.88;

  const emitLine = (line: BrokenLine<TextStyle>, x: number, baseline: number, shift = 0) => {
    flow.page.items.push(...runsToItems(line, x, baseline, shift));
  };

  const emitMarker = (baseline: number) => {
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

  /** Place broken lines at the flow cursor, breaking pages between lines. */
  const placeLines = (
    lines: BrokenLine<TextStyle>[],
    x: number,
    lineH: number,
    sz: number,
    align: TableAlign = null,
    width = 0,
  ) => {
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

  const layoutHeading = (spans: InlineSpan[], level: number, ctx: Ctx) => {
    const sz = level <= 2 ? size * 1.35 : size * 1.15;
    const lineH = sz * 1.5;
    const lines = breakText(runsOf(spans, { font: "bold", size: sz, color: INK }), ctx.width, sz, {
      justify: false,
    });
    flow.y += sz * 0.6;
    // Keep a heading with at least two lines of what follows.
    flow.ensure(lines.length * lineH + 2 * L);
    placeLines(lines, ctx.x, lineH, sz);
    flow.y += sz * 0.3;
  };

  const layoutParagraph = (spans: InlineSpan[], ctx: Ctx) => {
    const lines = breakText(
      runsOf(spans, { font: "regular", size: ctx.size, color: ctx.color }),
      ctx.width,
      ctx.size,
      {
        indent: ctx.indent ? 2 * ctx.size : 0,
      },
    );
    placeLines(lines, ctx.x, ctx.size * 1.75, ctx.size);
    flow.y += ctx.size * 0.45;
  };

  const layoutImage = (block: Extract<Block, { type: "image" }>, ctx: Ctx) => {
    const info = input.images.get(block.name);
    if (!info) return;
    const captionH = block.alt ? size * 1.8 : 0;
    const maxH = flow.bottom - flow.top - captionH - size;
    let w = ctx.width;
    let h = (w * info.height) / info.width;
    if (h > maxH) {
      h = maxH;
      w = (h * info.width) / info.height;
    }
    flow.y += size * 0.3;
    flow.ensure(h + captionH);
    emitMarker(baselineIn(flow.y, L, size));
    flow.push({ kind: "image", path: info.path, x: ctx.x + (ctx.width - w) / 2, y: flow.y, w, h });
    flow.y += h;
    if (block.alt) {
      const capSize = size * 0.85;
      const lines = breakText(
        [{ text: block.alt, style: style("regular", capSize, MUTED) }],
        ctx.width,
        capSize,
        { justify: false },
      );
      for (const line of lines.slice(0, 1))
        emitLine(line, ctx.x, baselineIn(flow.y, captionH, capSize), (ctx.width - line.end) / 2);
      flow.y += captionH;
    }
    flow.y += size * 0.5;
  };

  const layoutTable = (block: Extract<Block, { type: "table" }>, ctx: Ctx) => {
    const sz = size * 0.9;
    const lineH = sz * 1.5;
    const pad = sz * 0.45;
    const cols = Math.max(block.header.length, ...block.rows.map((r) => r.length));
    if (cols === 0) return;
    const cellRuns = (cell: InlineSpan[] | undefined, head: boolean) =>
      runsOf(cell ?? [], { font: head ? "bold" : "regular", size: sz, color: INK });
    const allRows = [block.header, ...block.rows];
    // Natural width: the cell on one line; minimum: its longest unbreakable piece.
    const natural = new Array<number>(cols).fill(0);
    const minimum = new Array<number>(cols).fill(0);
    allRows.forEach((row, r) => {
      for (let c = 0; c < cols; c++) {
        const runs = cellRuns(row[c], r === 0);
        const text = spansText(row[c] ?? []);
        natural[c] = Math.max(natural[c], measure(text, r === 0 ? "bold" : "regular", sz) + 2 * pad);
        const longest = breakText(runs, 1e6, sz, { justify: false })
          .flatMap((l) => l.atoms)
          .reduce((m, a) => Math.max(m, a.width), 0);
        minimum[c] = Math.max(minimum[c], longest + 2 * pad, 3 * sz);
      }
    });
    const sumNat = natural.reduce((a, b) => a + b, 0);
    const sumMin = minimum.reduce((a, b) => a + b, 0);
    let widths: number[];
    if (sumNat <= ctx.width) widths = natural.map((n) => (n / sumNat) * ctx.width);
    else if (sumMin >= ctx.width) widths = minimum.map((m) => (m / sumMin) * ctx.width);
    else {
      const extra = ctx.width - sumMin;
      const flex = sumNat - sumMin || 1;
      widths = minimum.map((m, c) => m + (extra * (natural[c] - minimum[c])) / flex);
    }
    const layRow = (row: InlineSpan[][], head: boolean) => {
      const cells = widths.map((w, c) =>
        breakText(cellRuns(row[c], head), w - 2 * pad, sz, { justify: false }),
      );
      const height = Math.max(1, ...cells.map((l) => l.length)) * lineH + 2 * pad;
      return { cells, height, head };
    };
    const header = layRow(block.header, true);
    const drawRow = (row: ReturnType<typeof layRow>) => {
      const top = flow.y;
      if (row.head)
        flow.push({ kind: "rect", x: ctx.x, y: top, w: ctx.width, h: row.height, fill: "#eef2f7" });
      let x = ctx.x;
      row.cells.forEach((lines, c) => {
        const inner = widths[c] - 2 * pad;
        lines.forEach((line, k) => {
          const align = block.align[c] ?? null;
          const shift =
            align === "right" ? inner - line.end : align === "center" ? (inner - line.end) / 2 : 0;
          emitLine(line, x + pad, baselineIn(top + pad + k * lineH, lineH, sz), shift);
        });
        x += widths[c];
      });
      flow.y += row.height;
      flow.push({
        kind: "line",
        x1: ctx.x,
        y1: flow.y,
        x2: ctx.x + ctx.width,
        y2: flow.y,
        color: row.head ? INK : "#d1d5db",
        width: row.head ? 0.8 : 0.4,
      });
    };
    const drawHeader = () => {
      flow.push({
        kind: "line",
        x1: ctx.x,
        y1: flow.y,
        x2: ctx.x + ctx.width,
        y2: flow.y,
        color: INK,
        width: 1,
      });
      drawRow(header);
    };
    flow.y += size * 0.3;
    const body = block.rows.map((r) => layRow(r, false));
    flow.ensure(header.height + (body[0]?.height ?? 0));
    drawHeader();
    for (const row of body) {
      if (flow.y + row.height > flow.bottom) {
        flow.newPage("body");
        drawHeader();
      }
      drawRow(row);
    }
    flow.push({
      kind: "line",
      x1: ctx.x,
      y1: flow.y,
      x2: ctx.x + ctx.width,
      y2: flow.y,
      color: INK,
      width: 1,
    });
    flow.y += size * 0.9;
  };

  const layoutBox = (
    blocks: Block[],
    ctx: Ctx,
    kind: "tip" | "warning" | "quote" | "code",
    codeText?: string,
  ) => {
    const pad = size * 0.7;
    flow.y += size * 0.3;
    flow.ensure(pad * 2 + 2 * L);
    const tinted = kind !== "quote";
    flow.openBox(
      tinted ? { x: ctx.x, w: ctx.width, fill: TINTS[kind] } : { x: ctx.x, w: ctx.width, bar: "#c7ccd3" },
    );
    flow.y += tinted ? pad : size * 0.2;
    const inner: Ctx = {
      x: ctx.x + (tinted ? pad : size * 1.2),
      width: ctx.width - (tinted ? 2 * pad : size * 1.2),
      indent: false,
      color: kind === "quote" ? "#4b5563" : ctx.color,
      size: kind === "code" ? size * 0.9 : ctx.size,
    };
    if (kind === "tip" || kind === "warning") {
      const labelLine = breakText(
        [{ text: zh(TIP_LABEL_KEYS[kind]), style: style("bold", size, TIP_COLORS[kind]) }],
        inner.width,
        size,
      );
      placeLines(labelLine, inner.x, L, size);
    }
    if (kind === "code" && codeText !== undefined) {
      const runs = codeText
        .split("\n")
        .map((text, k) => ({ text, style: style("regular", inner.size, INK), hardBreak: k > 0 }));
      placeLines(
        breakText(runs, inner.width, inner.size, { justify: false }),
        inner.x,
        inner.size * 1.6,
        inner.size,
      );
    } else {
      layoutBlocks(blocks, inner);
      flow.y -= ctx.size * 0.45;
    }
    flow.y += tinted ? pad : size * 0.2;
    flow.closeBox();
    flow.y += size * 0.8;
  };

  const layoutList = (block: Extract<Block, { type: "list" }>, ctx: Ctx, depth: number) => {
    const indent = size * (block.ordered ? 2 : 1.5);
    const bullet = ["•", "◦", "▪"][depth % 3];
    block.items.forEach((item, k) => {
      const markerText = block.ordered ? `${block.start + k}.` : bullet;
      const markerStyle = style(block.ordered ? "bold" : "regular", ctx.size, block.ordered ? INK : ACCENT);
      flow.pendingMarker = { text: markerText, x: ctx.x + size * 0.2, style: markerStyle };
      const inner: Ctx = { ...ctx, x: ctx.x + indent, width: ctx.width - indent, indent: false };
      layoutBlocks(item, inner, depth + 1);
      flow.pendingMarker = null;
      flow.y -= ctx.size * 0.2;
    });
    flow.y += ctx.size * 0.4;
  };

  const layoutBlocks = (blocks: Block[], ctx: Ctx, depth = 0) => {
    for (const block of blocks) {
      switch (block.type) {
        case "heading":
          layoutHeading(block.inlines, block.level, ctx);
          break;
        case "paragraph":
          layoutParagraph(block.inlines, ctx);
          break;
        case "list":
          layoutList(block, ctx, depth);
          break;
        case "quote":
          layoutBox(block.blocks, ctx, "quote");
          break;
        case "tip":
          layoutBox(block.blocks, ctx, block.kind);
          break;
        case "code":
          layoutBox([], ctx, "code", block.text);
          break;
        case "table":
          layoutTable(block, ctx);
          break;
        case "image":
          layoutImage(block, ctx);
          break;
        case "rule":
          flow.y += size * 0.5;
          flow.ensure(size);
          flow.push({
            kind: "line",
            x1: ctx.x + ctx.width * 0.3,
            y1: flow.y,
            x2: ctx.x + ctx.width * 0.7,
            y2: flow.y,
            color: "#d1d5db",
            width: 0.6,
          });
          flow.y += size;
          break;
      }
    }
  };

  const centered = (
    text: string,
    sz: number,
    font: FontKey,
    color: string,
    top: number,
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

  const qrBlock = (x: number, y: number, qrSize: number, quiet = true) => {
    if (quiet) flow.push({ kind: "rect", x: x - 4, y: y - 4, w: qrSize + 8, h: qrSize + 8, fill: "#ffffff" });
    flow.push({ kind: "qr", x, y, size: qrSize, matrix: input.qr });
  };

  // ---- cover ----------------------------------------------------------------------------
  flow.newPage("cover");
  {
    const b = g.bleed;
    flow.push({
      kind: "rect",
      x: -b,
      y: -b,
      w: g.trimWidth + 2 * b,
      h: g.trimHeight * 0.62 + b,
      fill: COVER_COLOR,
    });
    flow.push({ kind: "rect", x: -b, y: g.trimHeight * 0.62, w: g.trimWidth + 2 * b, h: 6, fill: ACCENT });
    const y = centered(book.title, size * 2.9, "bold", "#ffffff", g.trimHeight * 0.24);
    if (book.subtitle) centered(book.subtitle, size * 1.25, "regular", "#dbe7f5", y + size);
    centered(book.author, size * 1.15, "bold", INK, g.trimHeight * 0.78);
    if (book.description)
      centered(book.description, size * 0.9, "regular", MUTED, g.trimHeight * 0.84, contentW * 0.9);
  }

  // ---- reserve the table of contents ----------------------------------------------------
  const tocTitleH = size * 4.5;
  const numberColumn = size * 3;
  type TocEntry = {
    title: string;
    level: number;
    dest: string;
    id: string;
    lines: BrokenLine<TextStyle>[];
    height: number;
  };
  const tocEntries: TocEntry[] = [];
  book.sections.forEach((section, s) => {
    const entries: Array<{ title: string; level: number; dest: string; id: string }> = [
      {
        title: zh("ebooks.printPartTitle", { n: chineseNumber(s + 1), title: section.title }),
        level: 1,
        dest: sectionDest(section.id),
        id: section.id,
      },
      ...section.chapters.map((c) => ({ title: c.title, level: 2, dest: chapterDest(c.id), id: c.id })),
    ];
    for (const e of entries) {
      const sz = e.level === 1 ? size * 1.05 : size;
      const indent = e.level === 1 ? 0 : size * 2;
      const lines = breakText(
        [{ text: e.title, style: style(e.level === 1 ? "bold" : "regular", sz, INK) }],
        contentW - indent - numberColumn,
        sz,
        { justify: false },
      );
      const height = lines.length * sz * 1.6 + (e.level === 1 ? size * 0.8 : size * 0.25);
      tocEntries.push({ ...e, lines, height });
    }
  });
  const tocPlan: TocEntry[][] = [[]];
  {
    let y = flow.top + tocTitleH;
    for (const entry of tocEntries) {
      if (y + entry.height > flow.bottom && tocPlan[tocPlan.length - 1].length) {
        tocPlan.push([]);
        y = flow.top;
      }
      tocPlan[tocPlan.length - 1].push(entry);
      y += entry.height;
    }
  }
  const tocPageIndexes = tocPlan.map(() => {
    flow.newPage("toc");
    return flow.pages.length - 1;
  });

  // ---- body ----------------------------------------------------------------------------
  const totalChars =
    book.sections.reduce((n, s) => n + s.chapters.reduce((m, c) => m + c.markdown.length + 200, 0), 0) || 1;
  let doneChars = 0;
  let chapterNumber = 0;
  const bodyCtx: Ctx = { x: contentX, width: contentW, indent: true, color: INK, size };

  book.sections.forEach((section, s) => {
    flow.newPage("section");
    sectionStartPages[section.id] = flow.pageNumber;
    flow.push({ kind: "dest", name: sectionDest(section.id) });
    flow.push({ kind: "outline", title: section.title, level: 1 });
    outline.push({ title: section.title, level: 1, page: flow.pageNumber });
    const y = centered(
      zh("ebooks.printPart", { n: chineseNumber(s + 1) }),
      size * 1.3,
      "regular",
      ACCENT,
      g.trimHeight * 0.33,
    );
    const after = centered(section.title, size * 2.4, "bold", INK, y + size);
    flow.push({
      kind: "line",
      x1: g.trimWidth / 2 - 24,
      y1: after + size,
      x2: g.trimWidth / 2 + 24,
      y2: after + size,
      color: ACCENT,
      width: 1.5,
    });

    for (const chapter of section.chapters) {
      chapterNumber++;
      flow.newPage("chapter-start", chapter.title);
      chapterStartPages[chapter.id] = flow.pageNumber;
      flow.push({ kind: "dest", name: chapterDest(chapter.id) });
      flow.push({ kind: "outline", title: chapter.title, level: 2 });
      outline.push({ title: chapter.title, level: 2, page: flow.pageNumber });

      flow.y += size * 2;
      const labelStyle = style("regular", size, ACCENT);
      placeLines(
        breakText(
          [{ text: zh("ebooks.printChapter", { n: chineseNumber(chapterNumber) }), style: labelStyle }],
          contentW,
          size,
        ),
        contentX,
        L,
        size,
      );
      const titleSize = size * 1.9;
      const titleLines = breakText(
        [{ text: chapter.title, style: style("bold", titleSize, INK) }],
        contentW,
        titleSize,
        { justify: false },
      );
      placeLines(titleLines, contentX, titleSize * 1.4, titleSize);
      flow.y += size * 0.6;
      flow.push({
        kind: "line",
        x1: contentX,
        y1: flow.y,
        x2: contentX + 36,
        y2: flow.y,
        color: ACCENT,
        width: 2,
      });
      flow.y += size * 1.6;

      layoutBlocks(input.chapters.get(chapter.id) ?? [], bodyCtx);

      // Chapter-end QR: readers of the printed copy land on the tracked public page.
      const qrSize = size * 5.6;
      flow.y += size * 0.8;
      flow.ensure(qrSize + size * 1.6);
      flow.push({
        kind: "line",
        x1: contentX,
        y1: flow.y,
        x2: contentX + contentW,
        y2: flow.y,
        color: "#e5e7eb",
        width: 0.6,
      });
      const qrTop = flow.y + size * 0.8;
      qrBlock(contentX, qrTop, qrSize, false);
      const textX = contentX + qrSize + size * 1.2;
      const textW = contentW - qrSize - size * 1.2;
      const t1 = breakText(
        [{ text: zh("ebooks.printChapterQrTitle"), style: style("bold", size, INK) }],
        textW,
        size,
        {
          justify: false,
        },
      );
      const t2 = breakText(
        [
          {
            text: zh("ebooks.printChapterQrHint"),
            style: style("regular", size * 0.85, MUTED),
          },
        ],
        textW,
        size * 0.85,
        { justify: false },
      );
      let ty = qrTop + qrSize / 2 - (t1.length * L + t2.length * size * 1.4) / 2;
      for (const line of t1) {
        emitLine(line, textX, baselineIn(ty, L, size));
        ty += L;
      }
      for (const line of t2) {
        emitLine(line, textX, baselineIn(ty, size * 1.4, size * 0.85));
        ty += size * 1.4;
      }
      if (screen)
        flow.push({ kind: "link", x: contentX, y: qrTop, w: contentW, h: qrSize, url: input.publicUrl });
      flow.y = qrTop + qrSize + size;

      doneChars += chapter.markdown.length + 200;
      input.onProgress?.(Math.min(0.95, (doneChars / totalChars) * 0.95));
    }
  });

  // ---- back cover (print runs are bound in signatures of four pages) ------------------------
  if (g.profile === "print") {
    while ((flow.pages.length + 1) % 4 !== 0) flow.newPage("blank");
  }
  flow.newPage("back");
  {
    const b = g.bleed;
    flow.push({
      kind: "rect",
      x: -b,
      y: -b,
      w: g.trimWidth + 2 * b,
      h: g.trimHeight + 2 * b,
      fill: "#eef2f7",
    });
    let y = g.trimHeight * 0.16;
    if (book.description)
      y = centered(book.description, size, "regular", INK, y, contentW * 0.9, L) + size * 2;
    const qrSize = Math.min(contentW * 0.45, 150);
    qrBlock((g.trimWidth - qrSize) / 2, Math.max(y, g.trimHeight * 0.36), qrSize);
    y = Math.max(y, g.trimHeight * 0.36) + qrSize + size * 1.5;
    y = centered(zh("ebooks.printBackCoverQr"), size * 1.05, "bold", INK, y);
    centered(input.publicUrl, size * 0.8, "regular", MUTED, y + size * 0.3);
    if (screen)
      flow.push({
        kind: "link",
        x: (g.trimWidth - qrSize) / 2,
        y: g.trimHeight * 0.36,
        w: qrSize,
        h: qrSize,
        url: input.publicUrl,
      });
    centered(book.author, size * 1.1, "bold", COVER_COLOR, g.trimHeight * 0.86);
  }

  // ---- fill the reserved TOC pages now that every page number is known ------------------------
  const startPageOf = (e: TocEntry) => (e.level === 1 ? sectionStartPages[e.id] : chapterStartPages[e.id]);
  tocPlan.forEach((entries, p) => {
    const page = flow.pages[tocPageIndexes[p]];
    const items = page.items;
    let y = flow.top;
    if (p === 0) {
      const sz = size * 1.9;
      const lines = breakText(
        [{ text: zh("ebooks.printContents"), style: style("bold", sz, INK) }],
        contentW,
        sz,
      );
      for (const line of lines) items.push(...runsToItems(line, contentX, baselineIn(y, sz * 1.5, sz)));
      y += tocTitleH;
    }
    for (const e of entries) {
      const sz = e.level === 1 ? size * 1.05 : size;
      const lineH = sz * 1.6;
      const indent = e.level === 1 ? 0 : size * 2;
      const x = contentX + indent;
      if (e.level === 1) y += size * 0.55;
      const top = y;
      e.lines.forEach((line, k) => {
        items.push(...runsToItems(line, x, baselineIn(y + k * lineH, lineH, sz)));
      });
      const lastLine = e.lines[e.lines.length - 1];
      const baseline = baselineIn(y + (e.lines.length - 1) * lineH, lineH, sz);
      const pageText = String(startPageOf(e));
      const numStyle = style(e.level === 1 ? "bold" : "regular", sz, INK);
      const numW = measure(pageText, numStyle.font, sz);
      const numX = contentX + contentW - numW;
      const dotStyle = style("regular", sz, "#9ca3af");
      const dotW = measure("·", "regular", sz);
      const leaderStart = x + (lastLine?.end ?? 0) + sz * 0.5;
      const dots = Math.floor((numX - sz * 0.4 - leaderStart) / dotW);
      if (dots > 1)
        items.push({
          kind: "text",
          x: numX - sz * 0.4 - dots * dotW,
          baseline,
          text: "·".repeat(dots),
          style: dotStyle,
          characterSpacing: 0,
        });
      items.push({ kind: "text", x: numX, baseline, text: pageText, style: numStyle, characterSpacing: 0 });
      y += e.lines.length * lineH;
      if (screen) items.push({ kind: "link", x: contentX, y: top, w: contentW, h: y - top, dest: e.dest });
      y += e.level === 1 ? size * 0.25 : size * 0.25;
    }
  });

  // ---- running heads and folios --------------------------------------------------------------
  const headSize = size * 0.8;
  const headStyle = style("regular", headSize, MUTED);
  flow.pages.forEach((page, index) => {
    const number = index + 1;
    if (page.role === "body" && page.chapterTitle) {
      const even = number % 2 === 0;
      const text = even ? book.title : page.chapterTitle;
      const lines = breakText([{ text, style: headStyle }], contentW, headSize, { justify: false });
      const line = lines[0];
      if (line) {
        const baseline = g.marginTop - size * 1.6;
        page.items.push(...runsToItems(line, contentX, baseline, even ? 0 : contentW - line.end));
        page.items.push({
          kind: "line",
          x1: contentX,
          y1: baseline + headSize * 0.6,
          x2: contentX + contentW,
          y2: baseline + headSize * 0.6,
          color: "#d1d5db",
          width: 0.4,
        });
      }
    }
    if (page.role === "body" || page.role === "chapter-start" || page.role === "toc") {
      const text = String(number);
      const w = measure(text, "regular", headSize);
      page.items.push({
        kind: "text",
        x: (g.trimWidth - w) / 2,
        baseline: g.trimHeight - g.marginBottom + size * 2.4,
        text,
        style: headStyle,
        characterSpacing: 0,
      });
    }
  });

  input.onProgress?.(0.95);
  return { pages: flow.pages, outline, chapterStartPages };

  function runsToItems(line: BrokenLine<TextStyle>, x: number, baseline: number, shift = 0): DisplayItem[] {
    return lineRuns(line).map((run) => ({
      kind: "text" as const,
      x: x + shift + run.x,
      baseline,
      text: run.text,
      style: run.style,
      characterSpacing: run.characterSpacing,
    }));
  }
}
