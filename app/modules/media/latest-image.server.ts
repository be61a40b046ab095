import { and, desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

/**
 * A piece's newest verified image upload: the picture its landing page shows and its publish
 * bundle carries (a poster's image). Unverified and refused uploads never go out.
 */
export function latestVerifiedImage(db: DbOrTx, pieceId: number) {
  return (
    db
      .select()
      .from(schema.mediaAssets)
      .where(
        and(
          eq(schema.mediaAssets.pieceId, pieceId),
          eq(schema.mediaAssets.kind, "image"),
          eq(schema.mediaAssets.verifyStatus, "verified"),
        ),
      )
      .orderBy(desc(schema.mediaAssets.createdAt), desc(schema.mediaAssets.id))
      .limit(1)
      .get() ?? null
  );
}
