import { mediaType, readBodyBytes } from "./request-guard.server";
import { fail, type Failure } from "./result";
import { readSmallUpload } from "./small-upload.server";

/** Body types a CSV import takes as the file itself (what curl sends with --data-binary). */
const RAW_CSV_TYPES = new Set(["text/csv", "text/plain", "application/csv", "application/octet-stream"]);

export type CsvUpload =
  | {
      ok: true;
      bytes: Uint8Array;
      /** The other fields of a multipart form; empty for a raw body. */ fields: FormData;
    }
  | Failure;

/**
 * A CSV file from a request, at most `maxBytes`: the body itself (`Content-Type: text/csv`, as
 * `curl --data-binary @terms.csv` sends it) or the `file` field of a multipart form (a browser's
 * upload, `curl -F file=@terms.csv`). Over the cap answers 413 before or while reading; what the
 * bytes hold is the importer's business.
 */
export async function readCsvUpload(request: Request, maxBytes: number): Promise<CsvUpload> {
  const mb = maxBytes / 1024 / 1024;
  const tooLarge = fail(413, "too_large", `CSV 文件不能超过 ${mb} MB。`, {
    field: "file",
    params: { context: "csv", mb },
  });
  const type = mediaType(request);
  if (type === "multipart/form-data") {
    const upload = await readSmallUpload(request, { maxBytes });
    if (!upload.ok)
      return upload.reason === "too_large"
        ? tooLarge
        : fail(400, "no_file", "请选择要导入的 CSV 文件。", { field: "file", params: { context: "csv" } });
    return { ok: true, bytes: new Uint8Array(await upload.file.arrayBuffer()), fields: upload.form };
  }
  if (type === null || !RAW_CSV_TYPES.has(type))
    return fail(
      415,
      "unsupported_media_type",
      "请用 text/csv 请求体，或 multipart/form-data 的 file 字段上传 CSV。",
      {
        field: "file",
        params: { context: "csv" },
      },
    );
  try {
    return { ok: true, bytes: await readBodyBytes(request, maxBytes), fields: new FormData() };
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 413) return tooLarge;
    throw thrown;
  }
}
