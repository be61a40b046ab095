/**
 * Upload type sniffing from the first bytes. Only a file recognised here is ever handed to ffprobe
 * or ffmpeg, so a renamed text file, a playlist (HLS, ffconcat) or anything else never reaches them.
 */

export type SniffedMediaType = "mp4" | "mov" | "matroska" | "jpeg" | "png" | "mpeg_audio" | "wav" | "unknown";

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
  if (b.length >= 12 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WAVE") return "wav";
  // MP3 with an ID3 tag, or a bare MPEG audio / AAC (ADTS) frame sync: 11 set bits.
  if (b.length >= 3 && ascii(b, 0, 3) === "ID3") return "mpeg_audio";
  if (b.length >= 2 && b[0] === 0xff && (b[1] & 0xe0) === 0xe0) return "mpeg_audio";
  return "unknown";
}

export function isVideoType(type: SniffedMediaType): boolean {
  return type === "mp4" || type === "mov" || type === "matroska";
}

export function isImageType(type: SniffedMediaType): boolean {
  return type === "jpeg" || type === "png";
}

/** Audio files: a column's outro recording; as footage they are refused as audio only. */
export function isAudioType(type: SniffedMediaType): boolean {
  return type === "mpeg_audio" || type === "wav";
}
