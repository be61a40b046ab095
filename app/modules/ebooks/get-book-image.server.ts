import { and, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { ImageRow } from "./book-rows.server";

/** One image of one book (null when the image belongs to another book or does not exist). */
export function getBookImage(options: { db: DbOrTx; pieceId: number; imageId: number }): ImageRow | null {
  return (
    options.db
      .select()
      .from(schema.ebookImages)
      .where(and(eq(schema.ebookImages.id, options.imageId), eq(schema.ebookImages.pieceId, options.pieceId)))
      .get() ?? null
  );
}
