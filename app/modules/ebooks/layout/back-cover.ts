import { bleedBand, type LayoutContext } from "./layout-context";
import { zh } from "./labels";
import { COVER_COLOR, INK, MUTED } from "./palette";
import { placeQr } from "./qr-codes";

/** The last page: description, a large QR code to the book's public page with its address, author. */
export function layoutBackCover(lc: LayoutContext): void {
  const { flow, g, book, size, lineHeight: L, contentW, centered, input } = lc;
  flow.newPage("back");
  bleedBand(lc, -g.bleed, g.trimHeight + 2 * g.bleed, "#eef2f7");
  let y = g.trimHeight * 0.16;
  if (book.description) y = centered(book.description, size, "regular", INK, y, contentW * 0.9, L) + size * 2;
  const qrSize = Math.min(contentW * 0.45, 150);
  placeQr(lc, (g.trimWidth - qrSize) / 2, Math.max(y, g.trimHeight * 0.36), qrSize);
  y = Math.max(y, g.trimHeight * 0.36) + qrSize + size * 1.5;
  y = centered(zh("ebooks.printBackCoverQr"), size * 1.05, "bold", INK, y);
  centered(input.publicUrl, size * 0.8, "regular", MUTED, y + size * 0.3);
  if (lc.screen)
    flow.push({
      kind: "link",
      x: (g.trimWidth - qrSize) / 2,
      y: g.trimHeight * 0.36,
      w: qrSize,
      h: qrSize,
      url: input.publicUrl,
    });
  centered(book.author, size * 1.1, "bold", COVER_COLOR, g.trimHeight * 0.86);
}
