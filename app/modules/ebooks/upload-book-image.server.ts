import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { writeFileAtomically } from "~/lib/atomic-file.server";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { PieceUploadOptions } from "../pieces/piece-upload";
import { editableBook } from "./book-access.server";
import { imageFilePath } from "./book-files.server";
import { sha256Hex } from "./content-hash.server";
import { sniffImage } from "./image-file.server";
import { isPlainImageName } from "./markdown-blocks";
import { recordBookChange } from "./record-book-change.server";
import { IMAGE_MAX_BYTES, IMAGE_NAME_RE } from "./schemas";

export interface UploadBookImageOptions extends PieceUploadOptions {
  fileName: string;
}

/** The name chapters will use: the uploaded file's own name, without any folder part. */
function imageNameFromUpload(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? "").trim();
}

/**
 * Stores an image uploaded to a book. The bytes are sniffed (PNG or JPEG only) before anything is
 * written; the file goes under DATA_DIR by book id and content hash. Uploading the same name again
 * replaces the image (and voids the sign-off, as any content change does).
 */
export async function uploadBookImage(
  options: UploadBookImageOptions,
): Promise<Result<{ imageId: number; name: string; replaced: boolean }>> {
  const { db, actor, pieceId, bytes, now } = options;
  const access = editableBook(db, pieceId, actor);
  if (!access.ok) return access;
  const name = imageNameFromUpload(options.fileName);
  if (!name || !isPlainImageName(name) || !IMAGE_NAME_RE.test(name)) {
    return fail(
      400,
      "invalid_name",
      "图片文件名只能包含文字、数字、点、短横线和下划线，并以 .png、.jpg 或 .jpeg 结尾。",
      "file",
    );
  }
  if (bytes.length === 0)
    return fail(400, "empty_file", "上传的文件是空的。", { field: "file", params: { context: "image" } });
  if (bytes.length > IMAGE_MAX_BYTES)
    return fail(413, "too_large", `图片不能超过 ${IMAGE_MAX_BYTES / 1024 / 1024} MB。`, {
      field: "file",
      params: { context: "image", mb: IMAGE_MAX_BYTES / 1024 / 1024 },
    });
  const info = sniffImage(bytes);
  if (!info.ok)
    return fail(415, "not_an_image", `“${name}”不是 PNG 或 JPEG 图片，未保存。`, {
      field: "file",
      params: { name },
    });

  const sha256 = sha256Hex(bytes);
  const target = imageFilePath(options.dataDir, { pieceId, sha256, format: info.format });
  await mkdir(path.dirname(target), { recursive: true });
  // Content-addressed: a file already there holds these bytes.
  if (!existsSync(target)) await writeFileAtomically(target, bytes);
  return db.transaction((tx) => {
    const existing = tx
      .select()
      .from(schema.ebookImages)
      .where(and(eq(schema.ebookImages.pieceId, pieceId), eq(schema.ebookImages.name, name)))
      .get();
    const values = {
      format: info.format,
      width: info.width,
      height: info.height,
      bytes: bytes.length,
      sha256,
      uploadedBy: actor.id,
      createdAt: now,
    };
    const imageId = existing
      ? (tx.update(schema.ebookImages).set(values).where(eq(schema.ebookImages.id, existing.id)).run(),
        existing.id)
      : tx
          .insert(schema.ebookImages)
          .values({ pieceId, name, ...values })
          .returning({ id: schema.ebookImages.id })
          .get().id;
    recordBookChange(tx, {
      pieceId,
      actor,
      now,
      action: existing ? "ebook.image.replace" : "ebook.image.upload",
      before: existing ? { name, sha256: existing.sha256 } : undefined,
      after: {
        imageId,
        name,
        format: info.format,
        width: info.width,
        height: info.height,
        bytes: bytes.length,
        sha256,
      },
      // Re-uploading the same bytes changes nothing printed.
      voidReason:
        !existing || existing.sha256 !== sha256
          ? `${existing ? "替换" : "上传"}了图片「${name}」`
          : undefined,
    });
    return { ok: true as const, imageId, name, replaced: Boolean(existing) };
  });
}
