import { decodeCsvBytes, type DecodedCsv } from "~/lib/csv-bytes.server";
import { fail, type Failure } from "~/lib/result";

/** The largest export taken: a year of daily posts on every account is well under 1 MB. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export type ImportEncoding = Extract<DecodedCsv, { ok: true }>["encoding"];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function wrongType(context: "xlsx" | "xls" | "other", fileName: string): Failure {
  const messages = {
    xlsx: "这是 Excel 工作簿（.xlsx）：请在 Excel 里“另存为 CSV”后再导入。",
    xls: "这是旧版 Excel 工作簿（.xls）：请在 Excel 里“另存为 CSV”后再导入。",
    other: "只能导入 CSV 文件（.csv）：请从平台后台导出 CSV。",
  };
  return fail(415, "import_file_type", messages[context], {
    field: "file",
    params: { context, name: fileName },
  });
}

/**
 * An uploaded export as text: the bytes are sniffed (an Excel workbook, a PDF, an image is refused
 * with what to do instead), the name must end in .csv or .txt when it has an extension, and the
 * text is decoded by the studio's one detector (BOM, strict UTF-8, then GB18030).
 */
export function readImportFile(options: {
  bytes: Uint8Array;
  fileName: string;
}): { ok: true; text: string; encoding: ImportEncoding } | Failure {
  const { bytes, fileName } = options;
  if (bytes.length > IMPORT_MAX_BYTES)
    return fail(413, "too_large", "CSV 文件不能超过 5 MB。", {
      field: "file",
      params: { context: "csv", mb: 5 },
    });
  if (bytes.length === 0) return fail(400, "empty_file", "文件是空的，请重新上传。", "file");
  if (startsWith(bytes, ZIP)) return wrongType("xlsx", fileName);
  if (startsWith(bytes, OLE)) return wrongType("xls", fileName);
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (startsWith(bytes, PDF) || (extension !== undefined && !["csv", "txt"].includes(extension)))
    return wrongType(extension === "xlsx" ? "xlsx" : extension === "xls" ? "xls" : "other", fileName);
  const decoded = decodeCsvBytes(bytes);
  if (decoded.ok) return decoded;
  switch (decoded.reason) {
    case "utf16":
      return fail(
        400,
        "csv_encoding",
        "文件是 UTF-16 编码（Excel 的“Unicode 文本”）：请另存为“CSV UTF-8”或“CSV（逗号分隔）”。",
        {
          field: "file",
          params: { context: "unicodeText" },
        },
      );
    case "binary":
      return wrongType("other", fileName);
    case "undecodable":
      return fail(400, "csv_encoding", "无法识别文件编码：请保存为 UTF-8 或 GBK 编码的 CSV。", "file");
  }
}
