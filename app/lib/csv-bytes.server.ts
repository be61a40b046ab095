import iconv from "iconv-lite";

/**
 * Uploaded CSV bytes as text, and CSV text as the bytes a spreadsheet opens. Excel on a Chinese
 * Windows saves "CSV" in the ANSI code page (GBK), "CSV UTF-8" with a BOM; other tools save UTF-8
 * without one. Shared by every CSV import and export of the studio.
 */

export type CsvEncoding = "utf-8" | "gbk";

export type DecodedCsv =
  | { ok: true; text: string; encoding: "utf-8-bom" | "utf-8" | "gb18030" }
  | { ok: false; reason: "utf16" | "binary" | "undecodable" };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Reads the bytes as UTF-8 when they start with its BOM, else as UTF-8 when they are valid UTF-8
 * (strictly: one bad sequence and it is not), else as GB18030 (a superset of GBK and GB2312).
 * UTF-16 (Excel's "Unicode text") and bytes with NULs are refused, as is anything GB18030 cannot
 * read either.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (startsWith(bytes, UTF8_BOM))
    return strictUtf8(bytes.subarray(3), "utf-8-bom") ?? { ok: false, reason: "undecodable" };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return { ok: false, reason: "utf16" };
  if (bytes.includes(0)) return { ok: false, reason: "binary" };
  const utf8 = strictUtf8(bytes, "utf-8");
  if (utf8) return utf8;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
  // iconv-lite writes U+FFFD for a sequence GB18030 does not have.
  if (text.includes("\uFFFD")) return { ok: false, reason: "undecodable" };
  return { ok: true, text, encoding: "gb18030" };
}

function strictUtf8<E extends "utf-8-bom" | "utf-8">(
  bytes: Uint8Array,
  encoding: E,
): { ok: true; text: string; encoding: E } | null {
  try {
    return {
      ok: true,
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding,
    };
  } catch {
    return null;
  }
}

/**
 * CSV text as a file: UTF-8 with a BOM (so Excel reads it as UTF-8), or GBK for older Excel. The
 * "gbk" file is written as GB18030, GBK's superset: every GBK character is the same bytes, and a
 * character GBK lacks is kept instead of turning into "?".
 */
export function encodeCsvText(text: string, encoding: CsvEncoding): Uint8Array<ArrayBuffer> {
  if (encoding === "gbk") return new Uint8Array(iconv.encode(text, "gb18030"));
  return new TextEncoder().encode(`\uFEFF${text}`);
}

/** The Content-Type of an encoded CSV file. */
export function csvContentType(encoding: CsvEncoding): string {
  return `text/csv; charset=${encoding === "gbk" ? "gb18030" : "utf-8"}`;
}
