/**
 * The table of contents in two steps. Its page count only depends on the titles, so its pages
 * are reserved right after the cover (`reserveToc`); once the body is laid out and every start
 * page is known, the reserved pages are filled with the real numbers and links (`fillToc`).
 */
import type { BrokenLine } from "../line-breaker";
import { baselineIn, runsToItems, type LayoutContext } from "./layout-context";
import type { TextStyle } from "./layout-model";
import { chapterDest, chineseNumber, sectionDest, zh } from "./labels";
import { INK } from "./palette";

interface TocEntry {
  title: string;
  /** 1 = section, 2 = chapter. */
  level: number;
  dest: string;
  /** Section or chapter id. */
  id: string;
  lines: BrokenLine<TextStyle>[];
  height: number;
}

export interface TocPlan {
  /** The entries on each reserved page. */
  pages: TocEntry[][];
  /** Index of each reserved page in the flow. */
  pageIndexes: number[];
}

const titleHeight = (size: number) => size * 4.5;

/** Breaks every entry, splits them over pages and adds that many empty TOC pages. */
export function reserveToc(lc: LayoutContext): TocPlan {
  const { flow, book, size, contentW } = lc;
  const numberColumn = size * 3;
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
      const lines = lc.breakText(
        [{ text: e.title, style: lc.style(e.level === 1 ? "bold" : "regular", sz, INK) }],
        contentW - indent - numberColumn,
        sz,
        { justify: false },
      );
      const height = lines.length * sz * 1.6 + (e.level === 1 ? size * 0.8 : size * 0.25);
      tocEntries.push({ ...e, lines, height });
    }
  });
  const pages: TocEntry[][] = [[]];
  let y = flow.top + titleHeight(size);
  for (const entry of tocEntries) {
    if (y + entry.height > flow.bottom && pages[pages.length - 1].length) {
      pages.push([]);
      y = flow.top;
    }
    pages[pages.length - 1].push(entry);
    y += entry.height;
  }
  const pageIndexes = pages.map(() => {
    flow.newPage("toc");
    return flow.pages.length - 1;
  });
  return { pages, pageIndexes };
}

/** Writes the title, the entries with dot leaders and their start pages (and links on screen). */
export function fillToc(
  lc: LayoutContext,
  plan: TocPlan,
  startPages: { sections: Record<string, number>; chapters: Record<string, number> },
): void {
  const { flow, size, contentX, contentW, measure } = lc;
  const startPageOf = (e: TocEntry) =>
    e.level === 1 ? startPages.sections[e.id] : startPages.chapters[e.id];
  plan.pages.forEach((entries, p) => {
    const page = flow.pages[plan.pageIndexes[p]];
    const items = page.items;
    let y = flow.top;
    if (p === 0) {
      const sz = size * 1.9;
      const lines = lc.breakText(
        [{ text: zh("ebooks.printContents"), style: lc.style("bold", sz, INK) }],
        contentW,
        sz,
      );
      for (const line of lines) items.push(...runsToItems(line, contentX, baselineIn(y, sz * 1.5, sz)));
      y += titleHeight(size);
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
      const numStyle = lc.style(e.level === 1 ? "bold" : "regular", sz, INK);
      const numW = measure(pageText, numStyle.font, sz);
      const numX = contentX + contentW - numW;
      const dotStyle = lc.style("regular", sz, "#9ca3af");
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
      if (lc.screen) items.push({ kind: "link", x: contentX, y: top, w: contentW, h: y - top, dest: e.dest });
      y += size * 0.25;
    }
  });
}
