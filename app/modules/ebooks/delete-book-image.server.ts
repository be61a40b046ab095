import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { editableBook } from "./book-access.server";
import { getBookImage } from "./get-book-image.server";
import { recordBookChange } from "./record-book-change.server";

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
    const image = getBookImage({ db: tx, pieceId, imageId: options.imageId });
    if (!image)
      return fail(404, "not_found", "图片不存在。", { field: "imageId", params: { context: "image" } });
    tx.delete(schema.ebookImages).where(eq(schema.ebookImages.id, image.id)).run();
    // The file stays: earlier builds and their audit may still point at it by hash.
    recordBookChange(tx, {
      pieceId,
      actor,
      now,
      action: "ebook.image.delete",
      before: { imageId: image.id, name: image.name, sha256: image.sha256 },
      voidReason: `删除了图片「${image.name}」`,
    });
    return { ok: true as const };
  });
}
