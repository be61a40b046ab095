/** Upload type sniffing from the first bytes, so a renamed text file never reaches ffmpeg as "video". */

export type SniffedMediaType = "mp4" | "mov" | "matroska" | "jpeg" | "png" | "unknown";

/** How many leading bytes `sniffMediaType` needs to decide. */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

export function sniffMediaType(firstBytes: Uint8Array): SniffedMediaType {
  const b = firstBytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (
    b.length >= 8 &&
    b[0] === 0x89 &&
    ascii(b, 1, 3) === "PNG" &&
    b[4] === 0x0d &&
    b[5] === 0x0a &&
    b[6] === 0x1a &&
    b[7] === 0x0a
  )
    return "png";
  // EBML header: both Matroska and WebM start with it.
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return "matroska";
  if (b.length >= 12 && ascii(b, 4, 4) === "ftyp") {
    const brand = ascii(b, 8, 4);
    return brand === "qt  " ? "mov" : "mp4";
  }
  // Older QuickTime files may open with other atoms before ftyp.
  if (b.length >= 8 && ["moov", "mdat", "wide", "free"].includes(ascii(b, 4, 4))) return "mov";
  return "unknown";
}

export function isVideoType(type: SniffedMediaType): boolean {
  return type === "mp4" || type === "mov" || type === "matroska";
}

export function isImageType(type: SniffedMediaType): boolean {
  return type === "jpeg" || type === "png";
}
