import { baselineIn, type LayoutContext } from "./layout-context";
import { INK, MUTED } from "./palette";
import { zh } from "./labels";

/** The book's QR code (to its tracked public page) at x, y; `quiet` puts a white margin around it. */
export function placeQr(lc: LayoutContext, x: number, y: number, qrSize: number, quiet = true): void {
  const { flow } = lc;
  if (quiet) flow.push({ kind: "rect", x: x - 4, y: y - 4, w: qrSize + 8, h: qrSize + 8, fill: "#ffffff" });
  flow.push({ kind: "qr", x, y, size: qrSize, matrix: lc.input.qr });
}

/** Chapter-end QR: readers of the printed copy land on the tracked public page. */
export function layoutChapterEndQr(lc: LayoutContext): void {
  const { flow, size, lineHeight: L, contentX, contentW } = lc;
  const qrSize = size * 5.6;
  flow.y += size * 0.8;
  flow.ensure(qrSize + size * 1.6);
  flow.push({
    kind: "line",
    x1: contentX,
    y1: flow.y,
    x2: contentX + contentW,
    y2: flow.y,
    color: "#e5e7eb",
    width: 0.6,
  });
  const qrTop = flow.y + size * 0.8;
  placeQr(lc, contentX, qrTop, qrSize, false);
  const textX = contentX + qrSize + size * 1.2;
  const textW = contentW - qrSize - size * 1.2;
  const t1 = lc.breakText(
    [{ text: zh("ebooks.printChapterQrTitle"), style: lc.style("bold", size, INK) }],
    textW,
    size,
    { justify: false },
  );
  const t2 = lc.breakText(
    [{ text: zh("ebooks.printChapterQrHint"), style: lc.style("regular", size * 0.85, MUTED) }],
    textW,
    size * 0.85,
    { justify: false },
  );
  let ty = qrTop + qrSize / 2 - (t1.length * L + t2.length * size * 1.4) / 2;
  for (const line of t1) {
    lc.emitLine(line, textX, baselineIn(ty, L, size));
    ty += L;
  }
  for (const line of t2) {
    lc.emitLine(line, textX, baselineIn(ty, size * 1.4, size * 0.85));
    ty += size * 1.4;
  }
  if (lc.screen)
    flow.push({ kind: "link", x: contentX, y: qrTop, w: contentW, h: qrSize, url: lc.input.publicUrl });
  flow.y = qrTop + qrSize + size;
}
