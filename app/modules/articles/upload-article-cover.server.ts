import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor } from "../auth/actor";
import { refuse } from "../media/saved-upload.server";
import { isImageType } from "../media/sniff-media-type";
import { validateMediaFile } from "../media/validate-media-file.server";
import type { PieceUploadOptions } from "../pieces/piece-upload";
import { canEditPiece } from "../pieces/status-machine";
import { coverFilePath, coverTempDir } from "./cover-files.server";
import { COVER_MAX_BYTES, COVER_MAX_PIXELS, COVER_MIN_SIDE } from "./schemas";

export type UploadArticleCoverOptions = PieceUploadOptions;

const MB = 1024 * 1024;

/**
 * Sets an article's cover. The bytes are written to a temporary file and checked like any upload
 * (magic bytes, probe, a strict decode that catches a cut-off image) plus the cover's pixel
 * limits; only a file that passes is moved into place. A refused upload leaves no file and no row.
 */
export async function uploadArticleCover(
  options: UploadArticleCoverOptions,
): Promise<Result<{ width: number; height: number; format: "png" | "jpeg"; bytes: number }>> {
  const { db, dataDir, actor, pieceId, bytes, now } = options;
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  if (piece?.kind !== "article")
    return fail(404, "not_found", "文章不存在。", { params: { context: "article" } });
  if (!canEditPiece(piece, actor))
    return fail(403, "forbidden", "你不能编辑这条内容（只能编辑自己的草稿，已发布或归档的内容不能修改）。", {
      params: { context: "editPiece" },
    });
  if (bytes.length === 0)
    return fail(400, "empty_file", "上传的文件是空的。", { field: "file", params: { context: "image" } });
  if (bytes.length > COVER_MAX_BYTES)
    return fail(413, "too_large", `图片不能超过 ${COVER_MAX_BYTES / MB} MB。`, {
      field: "file",
      params: { context: "image", mb: COVER_MAX_BYTES / MB },
    });

  const tempDir = coverTempDir(dataDir);
  await mkdir(tempDir, { recursive: true });
  const temp = path.join(tempDir, `${pieceId}-${randomBytes(6).toString("hex")}.part`);
  let target: string | null = null;
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    const checked = await validateMediaFile({ path: temp, maxBytes: COVER_MAX_BYTES });
    const notAnImage = fail(415, "not_an_image", "封面不是 PNG 或 JPEG 图片，未保存。", {
      field: "file",
      params: { context: "cover", name: "封面" },
    });
    // The media checks speak of video too; for a cover, anything not a picture is "not an image".
    if (!checked.ok)
      return ["not_media", "audio_only", "unknown_codec"].includes(checked.code)
        ? notAnImage
        : refuse(checked.code, checked.message, checked.params);
    const video = checked.probe.video;
    if (!isImageType(checked.type) || !checked.probe.isStillImage || !video) return notAnImage;
    const { width, height } = video;
    if (width < COVER_MIN_SIDE || height < COVER_MIN_SIDE || width * height > COVER_MAX_PIXELS)
      return fail(
        422,
        "bad_dimensions",
        `封面 ${width}×${height} 像素不合要求：每边至少 ${COVER_MIN_SIDE} 像素，总共不超过 ${COVER_MAX_PIXELS / 1_000_000} 百万像素。`,
        {
          field: "file",
          params: {
            context: "cover",
            width,
            height,
            min: COVER_MIN_SIDE,
            megapixels: COVER_MAX_PIXELS / 1_000_000,
          },
        },
      );

    const format = checked.type === "png" ? ("png" as const) : ("jpeg" as const);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const before = db.select().from(schema.articles).where(eq(schema.articles.pieceId, pieceId)).get();
    const file = coverFilePath(dataDir, { pieceId, sha256, format });
    await mkdir(path.dirname(file), { recursive: true });
    await rename(temp, file);
    // The same bytes again are the current cover's file: never removed on a failure below.
    target = before?.coverSha256 === sha256 ? null : file;
    const cover = {
      coverFormat: format,
      coverWidth: width,
      coverHeight: height,
      coverBytes: bytes.length,
      coverSha256: sha256,
      updatedAt: now,
    };
    db.transaction((tx) => {
      if (before) tx.update(schema.articles).set(cover).where(eq(schema.articles.pieceId, pieceId)).run();
      else
        tx.insert(schema.articles)
          .values({ pieceId, ...cover, createdAt: now })
          .run();
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "article.cover",
        entity: "piece",
        entityId: pieceId,
        before: before?.coverSha256 ? { sha256: before.coverSha256 } : undefined,
        after: { format, width, height, bytes: bytes.length, sha256 },
        at: now,
      });
    });
    // The old cover is no longer referenced by anything once the new row is committed.
    if (before?.coverSha256 && before.coverFormat && before.coverSha256 !== sha256)
      await rm(coverFilePath(dataDir, { pieceId, sha256: before.coverSha256, format: before.coverFormat }), {
        force: true,
      });
    target = null;
    return { ok: true, width, height, format, bytes: bytes.length };
  } finally {
    await rm(temp, { force: true });
    // Only set while the new file is in place but its row is not written (an unexpected failure).
    if (target) await rm(target, { force: true });
  }
}
