import { fail, type Result } from "~/lib/result";
import { sniffImage } from "../ebooks/image-file.server";
import { POSTER_IMAGE_LIMITS, type PosterImageRole } from "./schemas";

const IEND = "IEND";

/**
 * Whether the bytes hold a whole file, not only a good header: a PNG's chunks must run to IEND
 * with an IDAT among them, a JPEG must have its scan and end with the end-of-image marker. A
 * truncated or padded-with-junk upload passes the sniff but would draw as nothing or fail later.
 */
function isComplete(bytes: Buffer, format: "png" | "jpeg"): boolean {
  if (format === "png") {
    let offset = 8;
    let sawData = false;
    while (offset + 12 <= bytes.length) {
      const length = bytes.readUInt32BE(offset);
      const type = bytes.toString("latin1", offset + 4, offset + 8);
      const next = offset + 12 + length;
      if (next > bytes.length) return false;
      if (type === "IDAT") sawData = true;
      if (type === IEND) return sawData;
      offset = next;
    }
    return false;
  }
  let end = bytes.length;
  while (end > 2 && bytes[end - 1] === 0) end--;
  return bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9 && bytes.includes(Buffer.from([0xff, 0xda]));
}

/**
 * Checks an uploaded poster image before anything is written: not empty, under the role's byte
 * limit, PNG or JPEG by its bytes (a logo PNG only: it is drawn on the QR code with its
 * transparency), complete, and under the role's pixel limit. Each refusal says which limit.
 */
export function checkPosterImage(
  bytes: Buffer,
  role: PosterImageRole,
): Result<{ format: "png" | "jpeg"; width: number; height: number }> {
  const limits = POSTER_IMAGE_LIMITS[role];
  if (bytes.length === 0)
    return fail(400, "empty_file", "上传的文件是空的。", { field: "file", params: { context: "image" } });
  const mb = limits.maxBytes / 1024 / 1024;
  if (bytes.length > limits.maxBytes)
    return fail(413, "too_large", `图片不能超过 ${mb} MB。`, {
      field: "file",
      params: { context: "image", mb },
    });
  const info = sniffImage(bytes);
  if (!info.ok)
    return fail(415, "not_an_image", "图片不是 PNG 或 JPEG 图片，未保存。", {
      field: "file",
      params: { context: "poster" },
    });
  if (role === "logo" && info.format !== "png")
    return fail(415, "not_an_image", "标志必须是 PNG 图片，未保存。", {
      field: "file",
      params: { context: "logo" },
    });
  if (!isComplete(bytes, info.format))
    return fail(422, "not_an_image", "图片文件已损坏或不完整，未保存。", {
      field: "file",
      params: { context: "broken" },
    });
  const megapixels = limits.maxPixels / 1_000_000;
  if (info.width * info.height > limits.maxPixels)
    return fail(413, "too_large", `图片最多 ${megapixels} 百万像素，这张是 ${info.width}×${info.height}。`, {
      field: "file",
      params: { context: "pixels", megapixels, width: info.width, height: info.height },
    });
  return { ok: true, format: info.format, width: info.width, height: info.height };
}
