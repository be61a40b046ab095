import { describe, expect, it } from "vitest";
import { layoutBook } from "./layout-book";
import type { BookLayout, DisplayItem, ImageInfo, LaidPage } from "./layout/layout-model";
import { parseChapterMarkdown } from "./markdown-blocks";
import { pageGeometry } from "./page-geometry";
import type { Book, RenderProfile } from "./types";

// Page breaking is decided on the page model, before any PDF: these tests read that model with a
// fake font (a CJK character is 1 em wide, anything else half an em).
const CJK = /[\u2e80-\u9fff\uff00-\uffef]/;
const measure = (text: string, _font: string, size: number) =>
  Array.from(text).reduce((w, ch) => w + (CJK.test(ch) ? size : size / 2), 0);

const A5 = pageGeometry("A5", "screen");
const contentX = A5.marginSide;
const contentW = A5.trimWidth - 2 * A5.marginSide;
const RUNNING_HEAD_BASELINE = A5.marginTop - A5.bodySize * 1.6;
const FOLIO_BASELINE = A5.trimHeight - A5.marginBottom + A5.bodySize * 2.4;

type Chapter = { id: string; title: string; markdown: string };

function book(sections: Array<{ id: string; title: string; chapters: Chapter[] }>): Book {
  return { title: "版面测试书", author: "测试", sections };
}

function layout(
  b: Book,
  options: { profile?: RenderProfile; images?: Record<string, ImageInfo> } = {},
): BookLayout {
  const chapters = new Map(
    b.sections.flatMap((s) => s.chapters).map((c) => [c.id, parseChapterMarkdown(c.markdown).blocks]),
  );
  return layoutBook({
    book: b,
    chapters,
    geometry: pageGeometry("A5", options.profile ?? "screen"),
    measure,
    images: new Map(Object.entries(options.images ?? {})),
    qr: { size: 21, cells: new Uint8Array(21 * 21) },
    publicUrl: "https://studio.example.cn/p/test",
  });
}

type TextItem = Extract<DisplayItem, { kind: "text" }>;
const texts = (page: LaidPage): TextItem[] => page.items.filter((i): i is TextItem => i.kind === "text");

/** The page's text lines, top to bottom, each read left to right. */
function lines(page: LaidPage): string[] {
  const rows = new Map<number, TextItem[]>();
  for (const item of texts(page)) {
    const key = Math.round(item.baseline * 100) / 100;
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, row]) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((i) => i.text)
        .join(""),
    );
}

const textAt = (page: LaidPage, baseline: number) =>
  texts(page)
    .filter((i) => Math.abs(i.baseline - baseline) < 0.01)
    .map((i) => i.text)
    .join("");

const paragraph = (n: number, word = "雨天行车要降低车速并保持足够的跟车距离") =>
  Array.from({ length: n }, (_, k) => `${word}第${k + 1}段。`.repeat(4)).join("\n\n");

describe("layoutBook: page numbers", () => {
  const chapters = (s: number, n: number): Chapter[] =>
    Array.from({ length: n }, (_, k) => ({
      id: `c${s}-${k}`,
      title: `第${s}部分的第${k + 1}个话题`,
      markdown: paragraph(k % 3 === 0 ? 12 : 2),
    }));
  const b = book([
    { id: "s1", title: "雨季", chapters: chapters(1, 14) },
    { id: "s2", title: "高原", chapters: chapters(2, 14) },
  ]);
  const result = layout(b);
  const page = (n: number) => result.pages[n - 1];

  it("prints in the TOC the pages where each section and chapter starts", () => {
    const tocPages = result.pages.filter((p) => p.role === "toc");
    expect(tocPages.length).toBe(2);
    const tocLines = tocPages.flatMap(lines).map((l) => l.replace(/·+/g, " "));
    for (const entry of result.outline) {
      const line = tocLines.find((l) => l.startsWith(entry.title) || l.includes(`　${entry.title} `));
      expect(line, entry.title).toBeDefined();
      expect(line!.endsWith(` ${entry.page}`), `${line} → ${entry.page}`).toBe(true);
    }
    for (const chapter of b.sections.flatMap((s) => s.chapters)) {
      const start = result.chapterStartPages[chapter.id];
      expect(tocLines).toContain(`${chapter.title} ${start}`);
      expect(page(start).role).toBe("chapter-start");
      expect(page(start).items).toContainEqual({ kind: "dest", name: `ch-${chapter.id}` });
    }
    for (const entry of result.outline.filter((e) => e.level === 1))
      expect(page(entry.page).role).toBe("section");
  });

  it("reserves exactly the TOC pages right after the cover, so the body starts after them", () => {
    expect(result.pages.slice(0, 4).map((p) => p.role)).toEqual(["cover", "toc", "toc", "section"]);
    expect(result.outline[0]).toEqual({ title: "雨季", level: 1, page: 4 });
    expect(result.pages.at(-1)!.role).toBe("back");
  });

  it("starts every chapter on a new page, even after a chapter of one short paragraph", () => {
    const all = b.sections.flatMap((s) => s.chapters);
    all.forEach((chapter, k) => {
      const start = result.chapterStartPages[chapter.id];
      const previous = all[k - 1];
      if (previous) expect(start).toBeGreaterThan(result.chapterStartPages[previous.id]);
      expect(page(start).chapterTitle).toBe(chapter.title);
      expect(lines(page(start))).toContain(chapter.title);
      // Nothing of the previous chapter is on this page.
      if (previous) expect(lines(page(start))).not.toContain(previous.title);
    });
    const short = all[1];
    const next = all[2];
    expect(result.chapterStartPages[next.id]).toBe(result.chapterStartPages[short.id] + 1);
  });

  it("prints the physical page number as the folio on body, chapter-opener and TOC pages only", () => {
    result.pages.forEach((p, index) => {
      const folio = textAt(p, FOLIO_BASELINE);
      if (p.role === "body" || p.role === "chapter-start" || p.role === "toc")
        expect(folio).toBe(String(index + 1));
      else expect(folio).toBe("");
    });
  });
});

describe("layoutBook: running heads", () => {
  const b = book([
    {
      id: "s",
      title: "长途",
      chapters: [
        { id: "long", title: "疲劳驾驶与救援", markdown: paragraph(30) },
        { id: "next", title: "服务区的使用", markdown: paragraph(30) },
      ],
    },
  ]);
  const result = layout(b);

  it("carry the chapter title on odd body pages and the book title on even ones, none on chapter openers", () => {
    const bodyPages = result.pages
      .map((p, index) => ({ p, number: index + 1 }))
      .filter(({ p }) => p.role === "body");
    expect(bodyPages.length).toBeGreaterThan(4);
    for (const { p, number } of bodyPages) {
      const head = textAt(p, RUNNING_HEAD_BASELINE);
      expect(head, `page ${number}`).toBe(number % 2 === 0 ? "版面测试书" : p.chapterTitle);
    }
    const secondChapterBody = bodyPages.filter(({ number }) => number > result.chapterStartPages.next);
    expect(
      secondChapterBody.some(
        ({ p, number }) => number % 2 === 1 && textAt(p, RUNNING_HEAD_BASELINE) === "服务区的使用",
      ),
    ).toBe(true);
    for (const id of ["long", "next"]) {
      const opener = result.pages[result.chapterStartPages[id] - 1];
      expect(textAt(opener, RUNNING_HEAD_BASELINE)).toBe("");
    }
  });
});

describe("layoutBook: breaks", () => {
  it("repeats a table's header row on every page the table reaches and never splits a row", () => {
    const rows = Array.from({ length: 70 }, (_, k) => `| 第${k + 1}项 | 检查胎压与胎纹深度 | ${k}% |`).join(
      "\n",
    );
    const result = layout(
      book([
        {
          id: "s",
          title: "检查",
          chapters: [
            {
              id: "t",
              title: "出行前检查表",
              markdown: `检查清单如下：\n\n| 项目 | 内容 | 比例 |\n|--|--|--:|\n${rows}\n\n表后正文。`,
            },
          ],
        },
      ]),
    );
    const withRows = result.pages.filter((p) => lines(p).some((l) => /^第\d+项/.test(l)));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const p of withRows) {
      const pageLines = lines(p);
      const header = pageLines.indexOf("项目内容比例");
      const firstRow = pageLines.findIndex((l) => /^第\d+项/.test(l));
      expect(header, pageLines.join("\n")).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(firstRow);
    }
    // Each row is on exactly one page, in order.
    const seen = withRows.flatMap((p) =>
      lines(p)
        .filter((l) => /^第\d+项/.test(l))
        .map((l) => Number(/^第(\d+)项/.exec(l)![1])),
    );
    expect(seen).toEqual(Array.from({ length: 70 }, (_, k) => k + 1));
  });

  it("scales an image to the measure keeping its aspect, and shrinks one taller than a page", () => {
    const result = layout(
      book([
        {
          id: "s",
          title: "图片",
          chapters: [
            { id: "i", title: "看图", markdown: "![道路](wide.png)\n\n正文。\n\n![很高的图](tall.png)" },
          ],
        },
      ]),
      {
        images: {
          "wide.png": { path: "/images/wide.png", width: 320, height: 180 },
          "tall.png": { path: "/images/tall.png", width: 200, height: 2000 },
        },
      },
    );
    const images = result.pages.flatMap((p) =>
      p.items.filter((i): i is Extract<DisplayItem, { kind: "image" }> => i.kind === "image"),
    );
    expect(images).toHaveLength(2);
    const [wide, tall] = images;
    expect(wide.path).toBe("/images/wide.png");
    expect(wide.x).toBeCloseTo(contentX, 6);
    expect(wide.w).toBeCloseTo(contentW, 6);
    expect(wide.h).toBeCloseTo((contentW * 180) / 320, 6);

    const pageHeight = A5.trimHeight - A5.marginBottom - A5.marginTop;
    const captionH = A5.bodySize * 1.8;
    expect(tall.h).toBeCloseTo(pageHeight - captionH - A5.bodySize, 6);
    expect(tall.w).toBeCloseTo((tall.h * 200) / 2000, 6);
    expect(tall.x + tall.w / 2).toBeCloseTo(contentX + contentW / 2, 6);
    // Too tall for what was left of the page: it moved to the top of the next one.
    const tallPage = result.pages.findIndex((p) => p.items.includes(tall));
    const widePage = result.pages.findIndex((p) => p.items.includes(wide));
    expect(tallPage).toBe(widePage + 1);
    expect(tall.y).toBeCloseTo(A5.marginTop, 6);
  });

  it("pads a print run with blank pages before the back cover to a multiple of four", () => {
    const b = book([{ id: "s", title: "部分", chapters: [{ id: "c", title: "一章", markdown: "很短。" }] }]);
    const screen = layout(b);
    const print = layout(b, { profile: "print" });
    expect(screen.pages.map((p) => p.role)).toEqual(["cover", "toc", "section", "chapter-start", "back"]);
    expect(print.pages.map((p) => p.role)).toEqual([
      "cover",
      "toc",
      "section",
      "chapter-start",
      "blank",
      "blank",
      "blank",
      "back",
    ]);
  });
});

describe("layoutBook: Markdown links", () => {
  type LinkItem = Extract<DisplayItem, { kind: "link" }>;
  const url = "https://chezhu.example.cn/booking";
  const links = (page: LaidPage): LinkItem[] =>
    page.items.filter((i): i is LinkItem => i.kind === "link" && i.url === url);
  const chapterPage = (markdown: string, profile: RenderProfile = "screen") => {
    const result = layout(
      book([{ id: "s", title: "部分", chapters: [{ id: "c", title: "链接", markdown }] }]),
      {
        profile,
      },
    );
    return result.pages[result.chapterStartPages.c - 1];
  };

  it("covers the link text with one area over its em box, spaces included", () => {
    const page = chapterPage(`请先[Book a service](${url})再到店。`);
    const [area, ...more] = links(page);
    expect(more).toHaveLength(0);
    const size = A5.bodySize;
    const first = texts(page).find((t) => t.text === "Book")!;
    const last = texts(page).find((t) => t.text === "service")!;
    expect(area.x).toBeCloseTo(first.x, 5);
    expect(area.x + area.w).toBeCloseTo(last.x + measure("service", "regular", size), 5);
    expect(area.y).toBeCloseTo(first.baseline - 0.88 * size, 5);
    expect(area.h).toBeCloseTo(size, 5);
  });

  it("gives a link broken over two lines one area per line, and none in print", () => {
    const linkText = "在线预约保养服务".repeat(4);
    const markdown = `${"雨天行车要降低车速".repeat(2)}[${linkText}](${url})。`;
    const page = chapterPage(markdown);
    const areas = links(page);
    expect(areas).toHaveLength(2);
    expect(areas[1].y).toBeGreaterThan(areas[0].y);
    expect(areas[0].x + areas[0].w).toBeCloseTo(contentX + contentW, 0);
    expect(areas[1].x).toBeCloseTo(contentX, 5);
    expect(links(chapterPage(markdown, "print"))).toHaveLength(0);
  });
});
