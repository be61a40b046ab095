import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDemoBooksDir, loadDemoBooks, type DemoBook } from "./load-demo-books.server";
import { BLEED_POINTS } from "./page-geometry";
import { MAX_STRETCH_EM } from "./line-breaker";
import { renderBookPdf, type RenderBookPdfOptions, type RenderBookPdfResult } from "./render-book-pdf.server";
import type { Book } from "./types";

const NOW = new Date("2025-03-01T02:00:00Z");
const PUBLIC_URL = "https://studio.example.cn/p/lao-siji-miji";
const A5 = { width: 419.53, height: 595.28 };
const noImages: RenderBookPdfOptions["resolveImage"] = (name) => ({ ok: false, message: `未上传 ${name}` });

type Rendered = Extract<RenderBookPdfResult, { ok: true }>;

async function render(book: Book, extra: Partial<RenderBookPdfOptions> = {}): Promise<RenderBookPdfResult> {
  return renderBookPdf({ book, resolveImage: noImages, publicUrl: PUBLIC_URL, now: NOW, ...extra });
}

function expectOk(result: RenderBookPdfResult): Rendered {
  if (!result.ok) throw new Error(`render failed: ${JSON.stringify(result.error)}`);
  return result;
}

/** Text lines per page as a reader sees them: items grouped by baseline, left to right. */
async function pageLines(pdf: Buffer): Promise<string[][]> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  const pages: string[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    const rows = new Map<number, Array<{ x: number; str: string }>>();
    for (const item of content.items) {
      if (!("str" in item) || !item.str) continue;
      const y = Math.round(item.transform[5]);
      const row = rows.get(y) ?? [];
      row.push({ x: item.transform[4], str: item.str });
      rows.set(y, row);
    }
    pages.push(
      [...rows.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([, row]) =>
          row
            .sort((a, b) => a.x - b.x)
            .map((r) => r.str)
            .join("")
            .replace(/\s+/g, ""),
        ),
    );
  }
  await doc.destroy();
  return pages;
}

/** Text items of one page with their position, font size and drawn width. */
async function pageItems(
  pdf: Buffer,
  pageNumber: number,
): Promise<Array<{ str: string; x: number; y: number; size: number; width: number }>> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  const content = await (await doc.getPage(pageNumber)).getTextContent();
  const items = content.items.flatMap((item) =>
    "str" in item && item.str
      ? [
          {
            str: item.str,
            x: item.transform[4],
            y: Math.round(item.transform[5]),
            size: item.transform[0],
            width: item.width,
          },
        ]
      : [],
  );
  await doc.destroy();
  return items;
}

/** Outline titles and their target page numbers (1-based), depth first. */
async function outlineOf(pdf: Buffer): Promise<Array<{ title: string; page: number; depth: number }>> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  const out: Array<{ title: string; page: number; depth: number }> = [];
  type Node = { title: string; dest: unknown; items: Node[] };
  const walk = async (nodes: Node[], depth: number) => {
    for (const node of nodes) {
      const dest = (
        typeof node.dest === "string" ? await doc.getDestination(node.dest) : node.dest
      ) as unknown[];
      const page = (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1;
      out.push({ title: node.title, page, depth });
      await walk(node.items, depth + 1);
    }
  };
  await walk(((await doc.getOutline()) ?? []) as Node[], 0);
  await doc.destroy();
  return out;
}

function decodeTitle(value: unknown): string {
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : "";
}

let demo: DemoBook;
let screen: Rendered;
let screenLines: string[][];
let progress: number[] = [];
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "ebooks-test-"));
  const books = await loadDemoBooks({ rootDir: defaultDemoBooksDir() });
  demo = books.find((b) => b.slug === "lao-siji-miji")!;
  progress = [];
  screen = expectOk(await render(demo.book, { onProgress: (f) => progress.push(f) }));
  screenLines = await pageLines(screen.pdf);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("renderBookPdf: the demo book 《老司机秘籍》 on screen", () => {
  const chapters = () => demo.book.sections.flatMap((s) => s.chapters);

  it("reports the page count the PDF really has, at least 24 A5 pages", async () => {
    const pdf = await PDFDocument.load(screen.pdf);
    expect(pdf.getPageCount()).toBe(screen.pageCount);
    expect(screen.pageCount).toBeGreaterThanOrEqual(24);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeCloseTo(A5.width, 1);
    expect(height).toBeCloseTo(A5.height, 1);
  });

  it("has bookmarks for every section and chapter, pointing at their first page", async () => {
    const pdf = await PDFDocument.load(screen.pdf);
    const outlines = pdf.catalog.lookup(PDFName.of("Outlines"), PDFDict);
    const topTitles: string[] = [];
    let node = outlines.lookupMaybe(PDFName.of("First"), PDFDict);
    while (node) {
      topTitles.push(decodeTitle(node.lookup(PDFName.of("Title"))));
      node = node.lookupMaybe(PDFName.of("Next"), PDFDict);
    }
    expect(topTitles).toEqual(demo.book.sections.map((s) => s.title));

    const entries = await outlineOf(screen.pdf);
    const chapterEntries = entries.filter((e) => e.depth === 1);
    expect(chapterEntries.map((e) => e.title)).toEqual(chapters().map((c) => c.title));
    for (const chapter of chapters()) {
      const entry = chapterEntries.find((e) => e.title === chapter.title)!;
      expect(entry.page).toBe(screen.chapterStartPages[chapter.id]);
    }
    expect(screen.outline.filter((o) => o.level === 2).map((o) => o.page)).toEqual(
      chapterEntries.map((e) => e.page),
    );
  });

  it("prints in the table of contents the page each chapter really starts on", () => {
    const toc = screenLines[1];
    expect(toc[0]).toBe("目录");
    for (const [index, chapter] of chapters().entries()) {
      const title = chapter.title.replace(/\s+/g, "");
      const line = toc.find((l) => l.startsWith(title));
      expect(line, chapter.title).toBeDefined();
      const printed = Number(/(\d+)$/.exec(line!)?.[1]);
      // The page the TOC names opens with this chapter's number and title...
      const page = screenLines[printed - 1];
      expect(page.join("")).toContain(title);
      expect(page.some((l) => l.startsWith("第") && l.endsWith("章"))).toBe(true);
      // ...and its folio says the same number.
      expect(page[page.length - 1]).toBe(String(printed));
      // The page before it still belongs to the previous chapter or section.
      if (index > 0) expect(screenLines[printed - 2].join("")).not.toContain(title);
    }
  });

  it("contains the chapter's Chinese text on its pages", () => {
    const start = screen.chapterStartPages["yuji-01"];
    const text = screenLines
      .slice(start - 1, start + 2)
      .flat()
      .join("");
    expect(text).toContain("雨刮片是橡胶件，经过一个夏天的暴晒就会硬化、开裂。");
    expect(text).toContain("国家标准规定轿车轮胎花纹深度不得低于");
  });

  it("never starts a line with closing punctuation", () => {
    const closing = new Set(Array.from("，。、；：？！）」』”’》〉…"));
    const offenders = screenLines.flat().filter((line) => closing.has(line[0]));
    expect(offenders).toEqual([]);
  });

  it("carries title, author, subject, keywords and zh-CN as document metadata", async () => {
    const pdf = await PDFDocument.load(screen.pdf, { updateMetadata: false });
    expect(pdf.getTitle()).toBe("老司机秘籍");
    expect(pdf.getAuthor()).toBe(demo.book.author);
    expect(pdf.getSubject()).toBe(demo.book.description);
    expect(pdf.getKeywords()).toContain("雨季行车");
    expect(decodeTitle(pdf.catalog.get(PDFName.of("Lang")))).toBe("zh-CN");
  });

  it("links the TOC entries to the chapters and puts QR codes at chapter ends and on the back cover", async () => {
    const pdf = await PDFDocument.load(screen.pdf);
    const annots = pdf.getPage(1).node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    expect(annots?.size() ?? 0).toBeGreaterThanOrEqual(chapters().length);
    const back = screenLines[screenLines.length - 1].join("");
    expect(back).toContain("扫码访问本书主页");
    expect(back).toContain(PUBLIC_URL);
    const qrCaptions = screenLines.flat().filter((l) => l === "扫码阅读在线版");
    expect(qrCaptions).toHaveLength(chapters().length);
  });

  it("reports layout progress from 0 to 1 without going backwards", () => {
    expect(progress.length).toBeGreaterThan(chapters().length);
    expect(progress[progress.length - 1]).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
  });
});

describe("renderBookPdf: print profile", () => {
  it("adds 3 mm bleed, TrimBox and BleedBox on every page, crop-mark room and no links", async () => {
    const print = expectOk(await render(demo.book, { profile: "print" }));
    const pdf = await PDFDocument.load(print.pdf);
    expect(print.pageCount % 4).toBe(0);
    for (const page of pdf.getPages()) {
      const trim = page.getTrimBox();
      const bleed = page.getBleedBox();
      const media = page.getMediaBox();
      expect(trim.width).toBeCloseTo(A5.width, 1);
      expect(trim.height).toBeCloseTo(A5.height, 1);
      expect(trim.x - bleed.x).toBeCloseTo(8.5, 1);
      expect(bleed.width - trim.width).toBeCloseTo(2 * BLEED_POINTS, 2);
      expect(media.width).toBeGreaterThan(bleed.width);
      expect(media.height).toBeGreaterThan(bleed.height);
      expect(page.node.lookupMaybe(PDFName.of("Annots"), PDFArray)).toBeUndefined();
    }
    expect(print.chapterStartPages).toEqual(screen.chapterStartPages);
  });
});

describe("renderBookPdf: bad input", () => {
  const bookWith = (markdown: string, trim?: Book["trim"]): Book => ({
    title: "测试书",
    author: "测试作者",
    trim,
    sections: [{ id: "s1", title: "第一部分", chapters: [{ id: "c-1", title: "第一章", markdown }] }],
  });

  it("reports a missing image with the chapter and line", async () => {
    const result = await render(bookWith("第一段。\n\n第二段。\n\n![雨刮示意图](wiper.png)\n"));
    expect(result).toEqual({
      ok: false,
      error: { chapterId: "c-1", line: 5, message: expect.stringContaining("wiper.png") },
    });
  });

  it("reports a text file named .png as not an image", async () => {
    const fake = path.join(workDir, "fake.png");
    await writeFile(fake, "this is not a picture\n");
    const result = await render(bookWith("正文。\n\n![](fake.png)"), {
      resolveImage: () => ({ ok: true, path: fake }),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.chapterId).toBe("c-1");
      expect(result.error.line).toBe(3);
      expect(result.error.message).toContain("不是可用的图片文件");
    }
  });

  it("refuses image references that are paths or URLs before asking the resolver", async () => {
    let asked = false;
    const result = await render(bookWith("正文。\n![](../../etc/passwd.png)"), {
      resolveImage: () => {
        asked = true;
        return { ok: true, path: "/dev/null" };
      },
    });
    expect(result.ok).toBe(false);
    expect(asked).toBe(false);
  });

  it("refuses an empty chapter", async () => {
    const result = await render(bookWith("   \n\n"));
    expect(result).toEqual({
      ok: false,
      error: { chapterId: "c-1", line: 1, message: expect.stringContaining("章节内容为空") },
    });
  });

  it("refuses a book without chapters or with an unknown trim", async () => {
    expect((await render({ title: "空书", author: "某人", sections: [] })).ok).toBe(false);
    expect((await render(bookWith("正文", "A3" as Book["trim"]))).ok).toBe(false);
  });
});

describe("renderBookPdf: layout edge cases", () => {
  it("embeds a real image scaled to the measure", async () => {
    const png = path.join(workDir, "road.png");
    await promisify(execFile)(ffmpegInstaller.path, [
      "-v",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=320x180:rate=1",
      "-frames:v",
      "1",
      png,
    ]);
    const result = expectOk(
      await render(
        {
          title: "图片测试",
          author: "测试",
          sections: [
            {
              id: "s",
              title: "部分",
              chapters: [
                { id: "c", title: "有图的章", markdown: "看图：\n\n![测试图](road.png)\n\n图后正文。" },
              ],
            },
          ],
        },
        {
          resolveImage: (name) =>
            name === "road.png" ? { ok: true, path: png } : { ok: false, message: "无" },
        },
      ),
    );
    const pdf = await PDFDocument.load(result.pdf);
    const page = pdf.getPage(result.chapterStartPages.c - 1);
    const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
    expect(xobjects?.keys().length).toBe(1);
    const lines = (await pageLines(result.pdf))[result.chapterStartPages.c - 1];
    expect(lines).toContain("测试图");
  });

  it("lays a 10,000-character paragraph over several pages without losing a character", async () => {
    const sentence = "长途驾驶每连续行驶两小时就要停车休息十五分钟，";
    const paragraph = sentence.repeat(Math.ceil(10_000 / sentence.length)).slice(0, 10_000);
    const book: Book = {
      title: "长段落",
      author: "测试",
      sections: [
        { id: "s", title: "部分", chapters: [{ id: "long", title: "很长的一章", markdown: paragraph }] },
      ],
    };
    const result = expectOk(await render(book));
    const start = result.chapterStartPages.long;
    const bodyPages = result.pageCount - start; // the last page is the back cover
    expect(bodyPages).toBeGreaterThanOrEqual(8);
    const lines = await pageLines(result.pdf);
    const text = lines
      .slice(start - 1, result.pageCount - 1)
      .map((page, k) => page.filter((l) => l !== String(start + k) && l !== "长段落" && l !== "很长的一章"))
      .flat()
      .join("");
    expect(text).toContain(paragraph);
  });

  it("starts a long URL on the line of the text before it, breaks it after / ? & = - and caps letter-spacing", async () => {
    const url =
      "https://chezhu.example.cn/service/booking/online-appointment-form?store=chengdong-4s&src=ebook-12";
    const book: Book = {
      title: "网址排版",
      author: "测试",
      sections: [
        {
          id: "s",
          title: "部分",
          chapters: [
            {
              id: "u",
              title: "预约",
              markdown: [
                `如需预约保养，请访问${url}查看门店空闲时段。`,
                "轮胎侧面的标记写着一长串字母，例如Internationalization这样的长单词会被整体移到下一行而不是把前一行拉得很稀。",
                `预约链接：${url}`,
              ].join("\n\n"),
            },
          ],
        },
      ],
    };
    const result = expectOk(await render(book));
    const page = result.chapterStartPages.u;
    const lines = (await pageLines(result.pdf))[page - 1];
    // The URL starts right after 请访问, on the same line, instead of leaving 请访问 alone.
    const first = lines.find((l) => l.includes("请访问"))!;
    expect(first).toMatch(/请访问https:\/\/\S+/);
    // Every line that ends inside the URL ends at one of its break points.
    const joined = lines.join("\n");
    expect(joined.replace(/\n/g, "")).toContain(`请访问${url}查看`);
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      at += line.length;
      const before = joined.replace(/\n/g, "").slice(0, at);
      const open = before.lastIndexOf("https://");
      if (open >= 0 && before.length - open < url.length && url.startsWith(before.slice(open)))
        expect("/?&=-", `line ends inside the URL: …${line.slice(-12)}`).toContain(line[line.length - 1]);
    }
    // Runs of ideographs are full-width glyphs: their drawn width over n characters, less 1 em,
    // is the letter-spacing justification added. It stays under the cap.
    const items = await pageItems(result.pdf, page);
    const spacings = items
      .filter((i) => /^[\u4e00-\u9fff]{2,}$/.test(i.str))
      .map((i) => (i.width - i.str.length * i.size) / i.str.length / i.size);
    expect(spacings.length).toBeGreaterThan(3);
    expect(Math.max(...spacings)).toBeLessThanOrEqual(MAX_STRETCH_EM + 0.01);
  });
});

describe("renderBookPdf: Markdown links", () => {
  const target = "https://chezhu.example.cn/service/booking";
  const bookWithLink: Book = {
    title: "链接",
    author: "测试",
    sections: [
      {
        id: "s",
        title: "部分",
        chapters: [{ id: "l", title: "预约", markdown: `保养前请先[在线预约](${target})，到店不用排队。` }],
      },
    ],
  };

  /** URI link annotations of one page (1-based) with their rectangles. */
  async function uriLinks(pdf: Buffer, pageNumber: number) {
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(pdf),
      isEvalSupported: false,
      disableFontFace: true,
    }).promise;
    const annotations = (await (await doc.getPage(pageNumber)).getAnnotations()) as Array<{
      subtype: string;
      url?: string;
      rect: number[];
    }>;
    await doc.destroy();
    return annotations.filter((a) => a.subtype === "Link" && a.url);
  }

  it("builds a screen PDF whose link text is clickable and points at the URL", async () => {
    const result = expectOk(await render(bookWithLink));
    const page = result.chapterStartPages.l;
    expect((await pageLines(result.pdf))[page - 1].join("")).toContain("保养前请先在线预约，到店不用排队。");
    const links = await uriLinks(result.pdf, page);
    const link = links.find((l) => l.url === target);
    expect(link, JSON.stringify(links)).toBeDefined();
    const [x1, y1, x2, y2] = link!.rect;
    for (const v of link!.rect) expect(Number.isFinite(v)).toBe(true);
    // The clickable area lies over the four characters of 在线预约, not the whole line or nothing.
    const linkText = (await pageItems(result.pdf, page)).find((i) => i.str === "在线预约")!;
    expect(x1).toBeCloseTo(linkText.x, 1);
    expect(x2).toBeCloseTo(linkText.x + linkText.width, 0);
    expect(y1).toBeLessThan(linkText.y);
    expect(y2).toBeGreaterThan(linkText.y + 0.7 * linkText.size);
  });

  it("prints the link text without an annotation in the print profile", async () => {
    const result = expectOk(await render(bookWithLink, { profile: "print" }));
    const page = result.chapterStartPages.l;
    expect((await pageLines(result.pdf))[page - 1].join("")).toContain("在线预约");
    expect(await uriLinks(result.pdf, page)).toHaveLength(0);
  });
});
