/**
 * Lays a whole book out into per-page display lists. Pure: glyph widths, image sizes and the QR
 * matrix are handed in, so page breaking is decided before a single PDF byte is written. That is
 * what lets the table of contents carry real page numbers in one pass: its pages are reserved up
 * front (their count only depends on the titles), the body is laid out, then the TOC is filled.
 *
 * This file only orders the steps; each concern lives in `layout/` (the context with the page
 * flow and text helpers, cover, TOC, openers, blocks, QR codes, back cover, running heads).
 */
import type { OutlineEntry } from "./types";
import { layoutBackCover } from "./layout/back-cover";
import { layoutBlocks } from "./layout/blocks";
import { layoutChapterOpener } from "./layout/chapter-opener";
import { layoutCover } from "./layout/cover";
import { createLayoutContext, type Frame } from "./layout/layout-context";
import type { BookLayout, LayoutInput } from "./layout/layout-model";
import { INK } from "./layout/palette";
import { layoutChapterEndQr } from "./layout/qr-codes";
import { addRunningHeadsAndFolios } from "./layout/running-heads";
import { layoutSectionOpener } from "./layout/section-opener";
import { fillToc, reserveToc } from "./layout/toc";

export function layoutBook(input: LayoutInput): BookLayout {
  const lc = createLayoutContext(input);
  const { book, flow, g } = lc;
  const outline: OutlineEntry[] = [];
  const chapterStartPages: Record<string, number> = {};
  const sectionStartPages: Record<string, number> = {};

  layoutCover(lc);
  const toc = reserveToc(lc);

  // Body: per section an opener page, then its chapters, each on a new page and ending with a QR code.
  const totalChars =
    book.sections.reduce((n, s) => n + s.chapters.reduce((m, c) => m + c.markdown.length + 200, 0), 0) || 1;
  let doneChars = 0;
  let chapterNumber = 0;
  const bodyFrame: Frame = { x: lc.contentX, width: lc.contentW, indent: true, color: INK, size: lc.size };
  book.sections.forEach((section, s) => {
    const sectionPage = layoutSectionOpener(lc, section, s + 1);
    sectionStartPages[section.id] = sectionPage;
    outline.push({ title: section.title, level: 1, page: sectionPage });
    for (const chapter of section.chapters) {
      chapterNumber++;
      const startPage = layoutChapterOpener(lc, chapter, chapterNumber);
      chapterStartPages[chapter.id] = startPage;
      outline.push({ title: chapter.title, level: 2, page: startPage });
      layoutBlocks(lc, input.chapters.get(chapter.id) ?? [], bodyFrame);
      layoutChapterEndQr(lc);
      doneChars += chapter.markdown.length + 200;
      input.onProgress?.(Math.min(0.95, (doneChars / totalChars) * 0.95));
    }
  });

  // Print runs are bound in signatures of four pages: blank pages go before the back cover.
  if (g.profile === "print") {
    while ((flow.pages.length + 1) % 4 !== 0) flow.newPage("blank");
  }
  layoutBackCover(lc);

  fillToc(lc, toc, { sections: sectionStartPages, chapters: chapterStartPages });
  addRunningHeadsAndFolios(lc);

  input.onProgress?.(0.95);
  return { pages: flow.pages, outline, chapterStartPages };
}
