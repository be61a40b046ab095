/**
 * Sniffs an uploaded image by its bytes, never its name: a text file called `.png` must be
 * refused before pdfkit sees it. Only PNG and JPEG, the two formats pdfkit can embed.
 */
import { readFile } from "node:fs/promises";

export type ImageFileInfo =
  | { ok: true; format: "png" | "jpeg"; width: number; height: number }
  | { ok: false; reason: "missing" | "not-image" };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

export function sniffImage(bytes: Buffer): ImageFileInfo {
  if (
    bytes.length >= 24 &&
    bytes.subarray(0, 8).equals(PNG_SIGNATURE) &&
    bytes.toString("latin1", 12, 16) === "IHDR"
  ) {
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    if (width > 0 && height > 0) return { ok: true, format: "png", width, height };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes);
    if (size && size.width > 0 && size.height > 0) return { ok: true, format: "jpeg", ...size };
  }
  return { ok: false, reason: "not-image" };
}

export async function readImageFile(path: string): Promise<ImageFileInfo> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: false, reason: "missing" };
    throw error;
  }
  return sniffImage(bytes);
}
