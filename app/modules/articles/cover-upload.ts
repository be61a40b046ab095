/**
 * Why a cover upload was refused before the use case saw it (the multipart reader's reasons), as
 * failures the page and the API both answer with.
 */
import { fail, type Failure } from "~/lib/result";
import { COVER_MAX_BYTES } from "./schemas";

const MB = COVER_MAX_BYTES / 1024 / 1024;

export function coverUploadRefusal(reason: "too_large" | "no_file" | "not_multipart"): Failure {
  if (reason === "too_large")
    return fail(413, "too_large", `图片不能超过 ${MB} MB。`, {
      field: "file",
      params: { context: "image", mb: MB },
    });
  if (reason === "not_multipart")
    return fail(415, "unsupported_media_type", "请用 multipart/form-data 上传，字段名 file。", {
      field: "file",
      params: { context: "upload" },
    });
  return fail(400, "no_file", "请选择要上传的图片。", "file");
}

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}
