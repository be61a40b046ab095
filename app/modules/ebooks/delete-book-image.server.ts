import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { editableBook } from "./book-access.server";
import { touchPiece } from "./touch-piece.server";
import { voidSignoffs } from "./void-signoffs.server";

export interface DeleteBookImageOptions {
  db: Db;
  actor: Actor;
  pieceId: number;
  imageId: number;
  now: Date;
}

/**
 * Removes an image from a book (voiding the sign-off, as any content change does). The file stays
 * on disk: earlier builds and their audit may still point at it by hash.
 */
export function deleteBookImage(options: DeleteBookImageOptions): Result {
  const { db, actor, pieceId, now } = options;
  const access = editableBook(db, pieceId, actor);
  if (!access.ok) return access;
  return db.transaction((tx) => {
    const image = tx
      .select()
      .from(schema.ebookImages)
      .where(and(eq(schema.ebookImages.id, options.imageId), eq(schema.ebookImages.pieceId, pieceId)))
      .get();
    if (!image)
      return fail(404, "not_found", "图片不存在。", { field: "imageId", params: { context: "image" } });
    tx.delete(schema.ebookImages).where(eq(schema.ebookImages.id, image.id)).run();
    // The file stays: earlier builds and their audit may still point at it by hash.
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "ebook.image.delete",
      entity: "piece",
      entityId: pieceId,
      before: { imageId: image.id, name: image.name, sha256: image.sha256 },
      at: now,
    });
    touchPiece(tx, { pieceId, actor, now });
    voidSignoffs(tx, { pieceId, reason: `删除了图片「${image.name}」`, actor, now });
    return { ok: true as const };
  });
}
