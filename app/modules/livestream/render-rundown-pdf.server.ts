import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { notoSansScBoldPath, notoSansScRegularPath } from "~/lib/fonts.server";
import { BLOCK_KIND_LABEL_ZH, totalSeconds, type RunOfShowBlock } from "./run-of-show";
import type { ShowScript } from "./show-script";

dayjs.extend(utc);
dayjs.extend(timezone);

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
  { key: "n", label: "#", width: 28 },
  { key: "clock", label: "时间", width: 56 },
  { key: "block", label: "段落", width: 62 },
  { key: "product", label: "商品", width: 78 },
  { key: "seconds", label: "秒", width: 32 },
  { key: "excerpt", label: "文案摘要", width: 267 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]["key"];

function hms(totalSecondsValue: number): string {
  const h = Math.floor(totalSecondsValue / 3600);
  const m = Math.floor((totalSecondsValue % 3600) / 60);
  const sec = totalSecondsValue % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}`;
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : flat;
}

/** A printable run of show for the host and the producer, A4 portrait, CJK throughout. */
export async function renderRundownPdf(options: RenderRundownPdfOptions): Promise<Buffer> {
  const { script, blocks } = options;
  const timeZone = options.timeZone ?? "Asia/Shanghai";
  const excerptChars = options.excerptChars ?? 60;
  const start = script.scheduledAt ? dayjs(script.scheduledAt).tz(timeZone) : null;
  const qr = script.cta.url ? await QRCode.toBuffer(script.cta.url, { margin: 1, width: 240 }) : null;

  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE_MARGIN,
    bufferPages: true,
    info: { Title: `${script.title} 流程单` },
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
    .text(`${script.title} · 直播流程单`, left, PAGE_MARGIN, { width: tableWidth - 90 });
  doc.font("regular").fontSize(10).moveDown(0.4);
  const total = totalSeconds(blocks);
  const facts = [
    `开播时间：${start ? start.format("YYYY-MM-DD HH:mm") : "未定"}（${timeZone}）`,
    `主播：${script.host || "—"}    场控：${script.producer || "—"}`,
    `计划时长：${script.plannedMinutes} 分钟    流程总长：${hms(total)}    商品：${script.products.length} 个    段落：${blocks.length} 段`,
    `主播语速：每分钟 ${script.hostCharsPerMinute} 字`,
  ];
  for (const line of facts) doc.text(line, { width: tableWidth - 90 });
  if (qr) {
    doc.image(qr, left + tableWidth - 80, PAGE_MARGIN, { width: 80 });
    doc
      .fontSize(7)
      .text("留资小程序", left + tableWidth - 80, PAGE_MARGIN + 82, { width: 80, align: "center" });
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
        clock: start ? "时间" : "开播后",
        block: "段落",
        product: "商品",
        seconds: "秒",
        excerpt: "文案摘要",
      },
      true,
    );

  drawHeader();
  blocks.forEach((block, i) => {
    drawRow(
      {
        n: String(i + 1),
        clock: start
          ? start.add(block.startsAtSeconds, "second").format("HH:mm:ss")
          : `+${hms(block.startsAtSeconds)}`,
        block:
          block.loop > 0
            ? `${BLOCK_KIND_LABEL_ZH[block.kind]} · 第${block.loop}轮`
            : BLOCK_KIND_LABEL_ZH[block.kind],
        product: block.productName ?? "",
        seconds: String(block.plannedSeconds),
        excerpt: excerpt(block.text, excerptChars) || "（文案为空）",
      },
      false,
    );
  });

  const printedAt = dayjs(options.now ?? new Date())
    .tz(timeZone)
    .format("YYYY-MM-DD HH:mm");
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    doc.font("regular").fontSize(8).fillColor("#666666");
    // Writing inside the bottom margin would make pdfkit open a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(`第 ${i + 1} / ${range.count} 页 · 打印于 ${printedAt}`, left, doc.page.height - PAGE_MARGIN, {
      width: tableWidth,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
