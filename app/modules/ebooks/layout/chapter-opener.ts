import type { BookChapter } from "../types";
import type { LayoutContext } from "./layout-context";
import { chapterDest, chineseNumber, zh } from "./labels";
import { ACCENT, INK } from "./palette";

/**
 * A chapter always starts on a new page: 第N章, its title and a short rule, with its named
 * destination and bookmark; the cursor is left where the chapter's text begins. Returns the
 * chapter's start page number.
 */
export function layoutChapterOpener(lc: LayoutContext, chapter: BookChapter, number: number): number {
  const { flow, size, lineHeight: L, contentX, contentW } = lc;
  flow.newPage("chapter-start", chapter.title);
  const startPage = flow.pageNumber;
  flow.push({ kind: "dest", name: chapterDest(chapter.id) });
  flow.push({ kind: "outline", title: chapter.title, level: 2 });

  flow.y += size * 2;
  const labelStyle = lc.style("regular", size, ACCENT);
  lc.placeLines(
    lc.breakText(
      [{ text: zh("ebooks.printChapter", { n: chineseNumber(number) }), style: labelStyle }],
      contentW,
      size,
    ),
    contentX,
    L,
    size,
  );
  const titleSize = size * 1.9;
  const titleLines = lc.breakText(
    [{ text: chapter.title, style: lc.style("bold", titleSize, INK) }],
    contentW,
    titleSize,
    { justify: false },
  );
  lc.placeLines(titleLines, contentX, titleSize * 1.4, titleSize);
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
  return startPage;
}
