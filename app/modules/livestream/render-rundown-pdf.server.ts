import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { DEFAULT_STUDIO_TIME_ZONE, formatDuration, formatInstant } from "~/lib/dates";
import { notoSansScBoldPath, notoSansScRegularPath } from "~/lib/fonts.server";
import { translator } from "~/i18n/i18n";
import { blockKindKey, totalSeconds, type RunOfShowBlock } from "./run-of-show";
import type { ShowScript } from "./show-script";

export interface RenderRundownPdfOptions {
  script: ShowScript;
  blocks: readonly RunOfShowBlock[];
  /** Clock times are printed in this zone; the show is stored in UTC. */
  timeZone?: string;
  /** Stamped in the footer so a printout can be matched to its version. */
  now?: Date;
  excerptChars?: number;
}

const PAGE_MARGIN = 36;
const COLUMNS = [
  { key: "n", width: 28 },
  { key: "clock", width: 56 },
  { key: "block", width: 62 },
  { key: "product", width: 78 },
  { key: "seconds", width: 32 },
  { key: "excerpt", width: 267 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]["key"];

const hms = (seconds: number) => formatDuration(seconds, { alwaysHours: true });

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : flat;
}

/** A printable run of show for the host and the producer, A4 portrait, CJK throughout. */
export async function renderRundownPdf(options: RenderRundownPdfOptions): Promise<Buffer> {
  const { script, blocks } = options;
  // Printed in the studio's language, from the same strings as the screens.
  const t = translator("zh");
  const timeZone = options.timeZone ?? DEFAULT_STUDIO_TIME_ZONE;
  const excerptChars = options.excerptChars ?? 60;
  const start = script.scheduledAt ? Date.parse(script.scheduledAt) : null;
  const qr = script.cta.url ? await QRCode.toBuffer(script.cta.url, { margin: 1, width: 240 }) : null;

  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE_MARGIN,
    bufferPages: true,
    info: { Title: t("livestream.rundown.documentTitle", { title: script.title }) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.registerFont("regular", notoSansScRegularPath);
  doc.registerFont("bold", notoSansScBoldPath);
  const left = PAGE_MARGIN;
  const tableWidth = COLUMNS.reduce((s, c) => s + c.width, 0);
  const bottom = doc.page.height - PAGE_MARGIN - 20;

  // Header: who, when, how long, and the CTA's QR so the producer can test it before air.
  doc
    .font("bold")
    .fontSize(18)
    .text(t("livestream.rundown.heading", { title: script.title }), left, PAGE_MARGIN, {
      width: tableWidth - 90,
    });
  doc.font("regular").fontSize(10).moveDown(0.4);
  const total = totalSeconds(blocks);
  const facts = [
    t("livestream.rundown.startsAt", {
      at: start !== null ? formatInstant(start, timeZone, "YYYY-MM-DD HH:mm") : t("livestream.unscheduled"),
      timeZone,
    }),
    t("livestream.rundown.staff", { host: script.host || "—", producer: script.producer || "—" }),
    t("livestream.rundown.length", {
      minutes: script.plannedMinutes,
      total: hms(total),
      products: script.products.length,
      blocks: blocks.length,
    }),
    t("livestream.rundown.pace", { chars: script.hostCharsPerMinute }),
  ];
  for (const line of facts) doc.text(line, { width: tableWidth - 90 });
  if (qr) {
    doc.image(qr, left + tableWidth - 80, PAGE_MARGIN, { width: 80 });
    doc.fontSize(7).text(t("livestream.rundown.qrCaption"), left + tableWidth - 80, PAGE_MARGIN + 82, {
      width: 80,
      align: "center",
    });
  }
  let y = Math.max(doc.y, qr ? PAGE_MARGIN + 96 : 0) + 10;

  const drawRow = (cells: Record<ColumnKey, string>, header: boolean) => {
    doc.font(header ? "bold" : "regular").fontSize(header ? 9 : 8.5);
    const height =
      Math.max(...COLUMNS.map((c) => doc.heightOfString(cells[c.key], { width: c.width - 6 }))) + 6;
    if (y + height > bottom) {
      doc.addPage();
      y = PAGE_MARGIN;
      if (!header) drawHeader();
      doc.font(header ? "bold" : "regular").fontSize(header ? 9 : 8.5);
    }
    if (header) doc.rect(left, y, tableWidth, height).fill("#eeeeee").fillColor("#000000");
    let x = left;
    for (const c of COLUMNS) {
      doc.text(cells[c.key], x + 3, y + 3, { width: c.width - 6 });
      x += c.width;
    }
    doc
      .moveTo(left, y + height)
      .lineTo(left + tableWidth, y + height)
      .lineWidth(0.5)
      .strokeColor("#999999")
      .stroke();
    y += height;
  };
  const drawHeader = () =>
    drawRow(
      {
        n: "#",
        clock: t(start !== null ? "livestream.rundown.columns.clock" : "livestream.rundown.columns.offset"),
        block: t("livestream.rundown.columns.block"),
        product: t("livestream.rundown.columns.product"),
        seconds: t("livestream.rundown.columns.seconds"),
        excerpt: t("livestream.rundown.columns.excerpt"),
      },
      true,
    );

  drawHeader();
  blocks.forEach((block, i) => {
    drawRow(
      {
        n: String(i + 1),
        clock:
          start !== null
            ? formatInstant(start + block.startsAtSeconds * 1000, timeZone, "HH:mm:ss")
            : `+${hms(block.startsAtSeconds)}`,
        block:
          block.loop > 0
            ? t("livestream.rundown.blockInLoop", { kind: t(blockKindKey(block.kind)), loop: block.loop })
            : t(blockKindKey(block.kind)),
        product: block.productName ?? "",
        seconds: String(block.plannedSeconds),
        excerpt: excerpt(block.text, excerptChars) || t("livestream.rundown.emptyText"),
      },
      false,
    );
  });

  const printedAt = formatInstant(options.now ?? new Date(), timeZone, "YYYY-MM-DD HH:mm");
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    doc.font("regular").fontSize(8).fillColor("#666666");
    // Writing inside the bottom margin would make pdfkit open a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(
      t("livestream.rundown.footer", { page: i + 1, pages: range.count, at: printedAt }),
      left,
      doc.page.height - PAGE_MARGIN,
      { width: tableWidth, align: "center", lineBreak: false },
    );
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
