/**
 * Typesets a book into a PDF: parse every chapter, check its images, lay the whole book out
 * (pure, see layout-book.ts), then paint the display lists with pdfkit.
 */
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { readImageFile } from "./image-file.server";
import { layoutBook } from "./layout-book";
import type { DisplayItem, FontKey, ImageInfo, QrMatrix } from "./layout/layout-model";
import { isPlainImageName, parseChapterMarkdown } from "./markdown-blocks";
import { isTrimSize, pageGeometry, type PageGeometry } from "./page-geometry";
import { loadFontBuffers } from "./pdf-fonts.server";
import type { Block, Book, OutlineEntry, RenderBookError, RenderProfile, ResolveImage } from "./types";
import { emptyChapterMessage, imageProblemMessage } from "./validate-chapter-markdown";

export interface RenderBookPdfOptions {
  book: Book;
  /** 'screen' (default): plain trim, live links. 'print': 3 mm bleed, crop marks, TrimBox/BleedBox. */
  profile?: RenderProfile;
  /** Maps an image name used in a chapter to the uploaded file. */
  resolveImage: ResolveImage;
  /** The book's public page (`/p/{slug}` as an absolute URL): target of every QR code. */
  publicUrl: string;
  now: Date;
  /** Called with 0..1 while the book is laid out and painted. */
  onProgress?: (fraction: number) => void;
}

export type RenderBookPdfResult =
  | {
      ok: true;
      pdf: Buffer;
      pageCount: number;
      outline: OutlineEntry[];
      /** Chapter id -> 1-based page number (also the printed folio). */
      chapterStartPages: Record<string, number>;
    }
  | { ok: false; error: RenderBookError };

type NamedDestinations = { addNamedDestination(name: string, ...args: unknown[]): void };

type PreparedBook =
  | { ok: true; chapters: Map<string, Block[]>; images: Map<string, ImageInfo> }
  | { ok: false; error: RenderBookError };

async function prepareBook(book: Book, resolveImage: ResolveImage): Promise<PreparedBook> {
  if (!book.title?.trim()) return { ok: false, error: { message: "书名不能为空" } };
  if (book.trim !== undefined && !isTrimSize(book.trim)) {
    return { ok: false, error: { message: "开本只能是 A5、B5 或 A4" } };
  }
  const allChapters = book.sections.flatMap((s) => s.chapters);
  if (allChapters.length === 0) return { ok: false, error: { message: "这本书还没有章节" } };

  const chapters = new Map<string, Block[]>();
  const images = new Map<string, ImageInfo>();
  const checked = new Map<string, string | null>();
  for (const chapter of allChapters) {
    const parsed = parseChapterMarkdown(chapter.markdown);
    if (parsed.blocks.length === 0) {
      return {
        ok: false,
        error: { chapterId: chapter.id, line: 1, message: `《${chapter.title}》${emptyChapterMessage()}` },
      };
    }
    for (const ref of parsed.images) {
      const fail = (message: string): PreparedBook => ({
        ok: false,
        error: { chapterId: chapter.id, line: ref.line, message: `《${chapter.title}》${message}` },
      });
      if (!isPlainImageName(ref.name))
        return fail(imageProblemMessage("invalid-image-name", ref.name, ref.line));
      const resolved = resolveImage(ref.name);
      if (!resolved.ok)
        return fail(`${imageProblemMessage("missing-image", ref.name, ref.line)}（${resolved.message}）`);
      if (!checked.has(ref.name)) {
        const info = await readImageFile(resolved.path);
        if (info.ok) images.set(ref.name, { path: resolved.path, width: info.width, height: info.height });
        checked.set(ref.name, info.ok ? null : info.reason);
      }
      const reason = checked.get(ref.name);
      if (reason === "missing") return fail(imageProblemMessage("missing-image", ref.name, ref.line));
      if (reason === "not-image") return fail(imageProblemMessage("not-an-image", ref.name, ref.line));
    }
    chapters.set(chapter.id, parsed.blocks);
  }
  return { ok: true, chapters, images };
}

function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return { size: modules.size, cells: Uint8Array.from(modules.data) };
}

/** pdfkit has no bleed API: the page boxes are written straight into the page dictionary. */
function setPrintBoxes(doc: PDFKit.PDFDocument, g: PageGeometry) {
  const o = g.offset;
  const b = g.bleed;
  const dict = (doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
  dict.TrimBox = [o, o, o + g.trimWidth, o + g.trimHeight];
  dict.BleedBox = [o - b, o - b, o + g.trimWidth + b, o + g.trimHeight + b];
}

function drawCropMarks(doc: PDFKit.PDFDocument, g: PageGeometry) {
  const o = g.offset;
  const gapFromTrim = g.bleed + 2;
  doc.save().lineWidth(0.25).strokeColor("#000000");
  for (const tx of [o, o + g.trimWidth]) {
    for (const ty of [o, o + g.trimHeight]) {
      const sx = tx === o ? -1 : 1;
      const sy = ty === o ? -1 : 1;
      doc.moveTo(tx + sx * gapFromTrim, ty).lineTo(tx + sx * (o - 2), ty);
      doc.moveTo(tx, ty + sy * gapFromTrim).lineTo(tx, ty + sy * (o - 2));
    }
  }
  doc.stroke().restore();
}

function drawQr(doc: PDFKit.PDFDocument, x: number, y: number, size: number, m: QrMatrix) {
  const cell = size / m.size;
  // One rectangle per horizontal run of dark modules keeps the content stream small.
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.cells[r * m.size + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.cells[r * m.size + c]) c++;
      doc.rect(x + start * cell, y + r * cell, (c - start) * cell + 0.01, cell + 0.01);
    }
  }
  doc.fill("#000000");
}

export async function renderBookPdf(options: RenderBookPdfOptions): Promise<RenderBookPdfResult> {
  const { book, resolveImage, publicUrl, now, onProgress } = options;
  const profile: RenderProfile = options.profile ?? "screen";
  const prepared = await prepareBook(book, resolveImage);
  if (!prepared.ok) return prepared;
  onProgress?.(0.02);

  const g = pageGeometry(book.trim ?? "A5", profile);
  const fonts = await loadFontBuffers();
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    size: [g.mediaWidth, g.mediaHeight],
    lang: "zh-CN",
    displayTitle: true,
    info: {
      Title: book.title,
      Author: book.author,
      Subject: book.description ?? book.subtitle ?? "",
      Keywords: (book.keywords ?? []).join(", "),
      Creator: "Content Studio",
      CreationDate: now,
      ModDate: now,
    },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);

  const widthCache = new Map<string, number>();
  const measure = (text: string, font: FontKey, size: number) => {
    const key = `${font}\u0000${size}\u0000${text}`;
    let width = widthCache.get(key);
    if (width === undefined) {
      width = doc.font(font).fontSize(size).widthOfString(text);
      widthCache.set(key, width);
    }
    return width;
  };

  const layout = layoutBook({
    book,
    chapters: prepared.chapters,
    geometry: g,
    measure,
    images: prepared.images,
    qr: qrMatrix(publicUrl),
    publicUrl,
    onProgress,
  });

  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  const o = g.offset;
  const screen = profile === "screen";
  let section: PDFKit.PDFOutline | null = null;
  for (const page of layout.pages) {
    doc.addPage({ size: [g.mediaWidth, g.mediaHeight], margin: 0 });
    if (!screen) setPrintBoxes(doc, g);
    // pdfkit re-emits colour and font operators on every call; skip the ones that change nothing.
    let font = "";
    let size = 0;
    let color = "";
    for (const item of page.items) paint(item);
    if (!screen) drawCropMarks(doc, g);

    function paint(item: DisplayItem) {
      switch (item.kind) {
        case "text": {
          const s = item.style;
          if (s.font !== font) doc.font((font = s.font));
          if (s.size !== size) doc.fontSize((size = s.size));
          if (s.color !== color) doc.fillColor((color = s.color));
          doc.text(item.text, o + item.x, o + item.baseline, {
            lineBreak: false,
            baseline: "alphabetic",
            characterSpacing: item.characterSpacing,
          });
          break;
        }
        case "rect":
          doc.rect(o + item.x, o + item.y, item.w, item.h).fill(item.fill);
          color = "";
          break;
        case "line":
          doc
            .save()
            .moveTo(o + item.x1, o + item.y1)
            .lineTo(o + item.x2, o + item.y2)
            .lineWidth(item.width)
            .strokeColor(item.color)
            .stroke()
            .restore();
          break;
        case "image":
          doc.image(item.path, o + item.x, o + item.y, { width: item.w, height: item.h });
          break;
        case "qr":
          drawQr(doc, o + item.x, o + item.y, item.size, item.matrix);
          color = "";
          break;
        case "link":
          if (!screen) break;
          if (item.dest) doc.goTo(o + item.x, o + item.y, item.w, item.h, item.dest);
          else if (item.url) doc.link(o + item.x, o + item.y, item.w, item.h, item.url);
          break;
        case "dest":
          // Missing from @types/pdfkit, present in pdfkit since 0.12.
          (doc as unknown as NamedDestinations).addNamedDestination(item.name, "XYZ", 0, 0, null);
          break;
        case "outline":
          if (item.level === 1) section = doc.outline.addItem(item.title, { expanded: true });
          else (section ?? doc.outline).addItem(item.title);
          break;
      }
    }
  }
  doc.end();
  await finished;
  onProgress?.(1);
  return {
    ok: true,
    pdf: Buffer.concat(chunks),
    pageCount: layout.pages.length,
    outline: layout.outline,
    chapterStartPages: layout.chapterStartPages,
  };
}
