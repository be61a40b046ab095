/**
 * The poster's QR code as one SVG path: crisp at any size (print at 300 dpi included) and cheap
 * for satori to carry. Error correction H when the logo covers the centre (up to 30% of the
 * code may be lost and still read), M otherwise (fewer, larger modules).
 */
import QRCode from "qrcode";
import type { QrMatrix } from "~/modules/ebooks/layout/layout-model";

export function posterQrMatrix(url: string, withLogo: boolean): QrMatrix {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: withLogo ? "H" : "M" });
  return { size: modules.size, cells: Uint8Array.from(modules.data) };
}

/** Dark modules as a path in module units (viewBox 0 0 size size), one rectangle per row run. */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  const { size, cells } = matrix;
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!cells[y * size + x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < size && cells[y * size + end]) end++;
      parts.push(`M${x} ${y}h${end - x}v1h${x - end}z`);
      x = end;
    }
  }
  return parts.join("");
}
