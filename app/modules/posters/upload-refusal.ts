import { fail } from "~/lib/result";

/** A small upload refused before its bytes are read (too large, or no file chosen). */
export function uploadRefusal(reason: "too_large" | "no_file", maxBytes: number) {
  const mb = maxBytes / 1024 / 1024;
  return reason === "too_large"
    ? fail(413, "too_large", `图片不能超过 ${mb} MB。`, { field: "file", params: { context: "image", mb } })
    : fail(400, "no_file", "请选择要上传的图片。", "file");
}
