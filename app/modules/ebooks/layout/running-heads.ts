import { runsToItems, type LayoutContext } from "./layout-context";
import { MUTED } from "./palette";

/**
 * Once every page exists: running heads on body pages (the book title on even pages, the
 * chapter title on odd ones; none on chapter openers) and the folio, which is the physical page
 * number (cover = 1), on body, chapter-opener and TOC pages.
 */
export function addRunningHeadsAndFolios(lc: LayoutContext): void {
  const { flow, g, book, size, contentX, contentW } = lc;
  const headSize = size * 0.8;
  const headStyle = lc.style("regular", headSize, MUTED);
  flow.pages.forEach((page, index) => {
    const number = index + 1;
    if (page.role === "body" && page.chapterTitle) {
      const even = number % 2 === 0;
      const text = even ? book.title : page.chapterTitle;
      const lines = lc.breakText([{ text, style: headStyle }], contentW, headSize, { justify: false });
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
      const w = lc.measure(text, "regular", headSize);
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
}
