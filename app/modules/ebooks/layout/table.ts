import { spansText } from "../markdown-blocks";
import type { Block, InlineSpan } from "../types";
import { baselineIn, type Frame, type LayoutContext } from "./layout-context";
import { INK } from "./palette";

type TableBlock = Extract<Block, { type: "table" }>;

/**
 * Column widths from the cells' natural widths (the cell on one line) and minimum widths (its
 * longest unbreakable piece): natural when they fit, minimum scaled when even those do not,
 * otherwise the room left shared in proportion to how much each column wants beyond its minimum.
 */
function columnWidths(
  lc: LayoutContext,
  block: TableBlock,
  cols: number,
  sz: number,
  pad: number,
  width: number,
): number[] {
  const cellRuns = (cell: InlineSpan[] | undefined, head: boolean) =>
    lc.runsOf(cell ?? [], { font: head ? "bold" : "regular", size: sz, color: INK });
  const allRows = [block.header, ...block.rows];
  // Natural width: the cell on one line; minimum: its longest unbreakable piece.
  const natural = new Array<number>(cols).fill(0);
  const minimum = new Array<number>(cols).fill(0);
  allRows.forEach((row, r) => {
    for (let c = 0; c < cols; c++) {
      const runs = cellRuns(row[c], r === 0);
      const text = spansText(row[c] ?? []);
      natural[c] = Math.max(natural[c], lc.measure(text, r === 0 ? "bold" : "regular", sz) + 2 * pad);
      const longest = lc
        .breakText(runs, 1e6, sz, { justify: false })
        .flatMap((l) => l.atoms)
        .reduce((m, a) => Math.max(m, a.width), 0);
      minimum[c] = Math.max(minimum[c], longest + 2 * pad, 3 * sz);
    }
  });
  const sumNat = natural.reduce((a, b) => a + b, 0);
  const sumMin = minimum.reduce((a, b) => a + b, 0);
  if (sumNat <= width) return natural.map((n) => (n / sumNat) * width);
  if (sumMin >= width) return minimum.map((m) => (m / sumMin) * width);
  const extra = width - sumMin;
  const flex = sumNat - sumMin || 1;
  return minimum.map((m, c) => m + (extra * (natural[c] - minimum[c])) / flex);
}

/**
 * A GFM table: cell text wrapped with the same breaker, rows never split, and the header row
 * repeated at the top of every page the table reaches.
 */
export function layoutTable(lc: LayoutContext, block: TableBlock, frame: Frame): void {
  const { flow, size } = lc;
  const sz = size * 0.9;
  const lineH = sz * 1.5;
  const pad = sz * 0.45;
  const cols = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  if (cols === 0) return;
  const cellRuns = (cell: InlineSpan[] | undefined, head: boolean) =>
    lc.runsOf(cell ?? [], { font: head ? "bold" : "regular", size: sz, color: INK });
  const widths = columnWidths(lc, block, cols, sz, pad, frame.width);
  const layRow = (row: InlineSpan[][], head: boolean) => {
    const cells = widths.map((w, c) =>
      lc.breakText(cellRuns(row[c], head), w - 2 * pad, sz, { justify: false }),
    );
    const height = Math.max(1, ...cells.map((l) => l.length)) * lineH + 2 * pad;
    return { cells, height, head };
  };
  const header = layRow(block.header, true);
  /** A horizontal rule across the table at the current line. */
  const rule = (color: string, width: number) =>
    flow.push({ kind: "line", x1: frame.x, y1: flow.y, x2: frame.x + frame.width, y2: flow.y, color, width });
  const drawRow = (row: ReturnType<typeof layRow>) => {
    const top = flow.y;
    if (row.head)
      flow.push({ kind: "rect", x: frame.x, y: top, w: frame.width, h: row.height, fill: "#eef2f7" });
    let x = frame.x;
    row.cells.forEach((lines, c) => {
      const inner = widths[c] - 2 * pad;
      lines.forEach((line, k) => {
        const align = block.align[c] ?? null;
        const shift = align === "right" ? inner - line.end : align === "center" ? (inner - line.end) / 2 : 0;
        lc.emitLine(line, x + pad, baselineIn(top + pad + k * lineH, lineH, sz), shift);
      });
      x += widths[c];
    });
    flow.y += row.height;
    rule(row.head ? INK : "#d1d5db", row.head ? 0.8 : 0.4);
  };
  const drawHeader = () => {
    rule(INK, 1);
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
  rule(INK, 1);
  flow.y += size * 0.9;
}
