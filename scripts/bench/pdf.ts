/**
 * PDF benchmark: typesets the demo book 《老司机秘籍》 and, in the same run and on the same text,
 * (a) a bare pdfkit layout (plain doc.text: no kinsoku, no justification, no TOC) and
 * (b) Chromium printing the chapters as HTML, when /usr/bin/chromium exists.
 * Prints a table and writes bench/results/pdf.json.
 *
 *   npx tsx scripts/bench/pdf.ts [runs]
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import PDFDocument from "pdfkit";
import { defaultDemoBooksDir, loadDemoBooks } from "../../app/modules/ebooks/load-demo-books.server";
import { parseChapterMarkdown, spansText } from "../../app/modules/ebooks/markdown-blocks";
import { escapeHtml, renderMarkdownPreviewHtml } from "../../app/modules/ebooks/markdown-preview";
import { pageGeometry } from "../../app/modules/ebooks/page-geometry";
import { loadFontBuffers } from "../../app/modules/ebooks/pdf-fonts.server";
import { renderBookPdf } from "../../app/modules/ebooks/render-book-pdf.server";
import type { Block, Book } from "../../app/modules/ebooks/types";
import { notoSansScBoldPath, notoSansScRegularPath } from "../../app/lib/fonts.server";

const CHROMIUM = "/usr/bin/chromium";

interface Measured {
  medianMs: number;
  runsMs: number[];
  pages: number;
  bytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function measure(
  runs: number,
  once: () => Promise<{ pages: number; bytes: number }>,
): Promise<Measured> {
  await once(); // warm-up: JIT, font parsing caches, browser page
  const runsMs: number[] = [];
  let last = { pages: 0, bytes: 0 };
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await once();
    runsMs.push(performance.now() - start);
  }
  return { medianMs: median(runsMs), runsMs: runsMs.map((ms) => Math.round(ms)), ...last };
}

function blockTexts(blocks: Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case "heading":
      case "paragraph":
        return [spansText(block.inlines)];
      case "list":
        return block.items.flatMap(blockTexts);
      case "quote":
      case "tip":
        return blockTexts(block.blocks);
      case "table":
        return [block.header, ...block.rows].map((row) => row.map(spansText).join("  "));
      case "code":
        return [block.text];
      default:
        return [];
    }
  });
}

/** The same text with plain doc.text: what pdfkit does on its own. */
async function barePdfkit(book: Book): Promise<{ pages: number; bytes: number }> {
  const g = pageGeometry("A5", "screen");
  const fonts = await loadFontBuffers();
  const doc = new PDFDocument({
    size: [g.trimWidth, g.trimHeight],
    margins: { top: g.marginTop, bottom: g.marginBottom, left: g.marginSide, right: g.marginSide },
    bufferPages: false,
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  let pages = 1;
  doc.on("pageAdded", () => pages++);
  doc.font("bold").fontSize(30).text(book.title);
  for (const section of book.sections) {
    for (const chapter of section.chapters) {
      doc.addPage();
      doc.font("bold").fontSize(20).text(chapter.title).moveDown();
      doc.font("regular").fontSize(g.bodySize);
      for (const text of blockTexts(parseChapterMarkdown(chapter.markdown).blocks)) {
        doc.text(text, { lineGap: g.lineHeight - g.bodySize * 1.45, paragraphGap: 4 });
      }
    }
  }
  doc.end();
  await done;
  const bytes = chunks.reduce((n, c) => n + c.length, 0);
  return { pages, bytes };
}

function bookHtml(book: Book): string {
  const font = (file: string, weight: number) =>
    `@font-face{font-family:"Noto Sans SC";font-weight:${weight};src:url("${pathToFileURL(file).href}")}`;
  const chapters = book.sections
    .flatMap((s) => s.chapters)
    .map(
      (c) =>
        `<section style="break-before:page"><h2>${escapeHtml(c.title)}</h2>${renderMarkdownPreviewHtml(c.markdown)}</section>`,
    )
    .join("\n");
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
${font(notoSansScRegularPath, 400)}${font(notoSansScBoldPath, 700)}
@page{size:A5;margin:20mm 17mm}
body{font-family:"Noto Sans SC";font-size:10.5pt;line-height:1.75;text-align:justify}
p{text-indent:2em;margin:0 0 .45em}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:3pt}
.md-tip{background:#e8f3ee;padding:6pt}
</style></head><body><h1>${escapeHtml(book.title)}</h1>${chapters}</body></html>`;
}

export async function main(runs = Number(process.argv[2]) || 5): Promise<Record<string, unknown>> {
  const books = await loadDemoBooks({ rootDir: defaultDemoBooksDir() });
  const demo = books.find((b) => b.slug === "lao-siji-miji");
  if (!demo) throw new Error("demo book lao-siji-miji not found");
  const book = demo.book;
  const chars = book.sections.flatMap((s) => s.chapters).reduce((n, c) => n + c.markdown.length, 0);

  const ours = await measure(runs, async () => {
    const result = await renderBookPdf({
      book,
      resolveImage: () => ({ ok: false, message: "no images in the demo" }),
      publicUrl: "https://studio.example.cn/p/lao-siji-miji",
      now: new Date("2025-01-01T00:00:00Z"),
    });
    if (!result.ok) throw new Error(result.error.message);
    return { pages: result.pageCount, bytes: result.pdf.length };
  });
  const bare = await measure(runs, () => barePdfkit(book));

  let chromium: (Measured & { launchMs: number }) | { skipped: string };
  if (existsSync(CHROMIUM)) {
    const { chromium: launcher } = await import("playwright-core");
    const launchStart = performance.now();
    const browser = await launcher.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    const launchMs = performance.now() - launchStart;
    try {
      const page = await browser.newPage();
      const html = bookHtml(book);
      const measured = await measure(runs, async () => {
        await page.setContent(html, { waitUntil: "load" });
        const pdf = await page.pdf({ format: "A5", printBackground: true });
        const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        return { pages, bytes: pdf.length };
      });
      chromium = { ...measured, launchMs: Math.round(launchMs) };
    } finally {
      await browser.close();
    }
  } else {
    chromium = { skipped: `${CHROMIUM} not found: Chromium comparison skipped` };
  }

  const row = (name: string, m: Measured) => ({
    name,
    medianMs: Math.round(m.medianMs),
    pages: m.pages,
    kbPerPage: +(m.bytes / 1024 / m.pages).toFixed(1),
    totalKb: Math.round(m.bytes / 1024),
  });
  const table = [row("content studio (kinsoku, justify, TOC, QR)", ours), row("bare pdfkit doc.text", bare)];
  if ("medianMs" in chromium) table.push(row("chromium page.pdf", chromium));
  console.log(`PDF bench: 《${book.title}》, ${chars} Markdown characters, ${runs} runs after a warm-up`);
  console.table(table);

  const ratioVsBare = ours.medianMs / bare.medianMs;
  const ratioVsChromium = "medianMs" in chromium ? ours.medianMs / chromium.medianMs : null;
  console.log(`ratio vs bare pdfkit: ${ratioVsBare.toFixed(2)}x (goal <= 1.5x)`);
  if (ratioVsChromium !== null) console.log(`ratio vs chromium: ${ratioVsChromium.toFixed(2)}x (goal < 1x)`);
  else console.log((chromium as { skipped: string }).skipped);

  const result = {
    bench: "pdf",
    date: new Date().toISOString(),
    node: process.version,
    book: { title: book.title, markdownChars: chars },
    runs,
    ours,
    barePdfkit: bare,
    chromium,
    ratioVsBarePdfkit: +ratioVsBare.toFixed(3),
    ratioVsChromium: ratioVsChromium === null ? null : +ratioVsChromium.toFixed(3),
    goals: { vsBarePdfkit: "<= 1.5", vsChromium: "< 1" },
  };
  const outDir = path.join(process.cwd(), "bench", "results");
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, "pdf.json"), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
