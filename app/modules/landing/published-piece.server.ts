import { desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { latestVerifiedImage } from "../media/latest-image.server";

/** Slugs as the studio writes them; anything else is not looked up at all. */
const SLUG = /^[a-z0-9-]{1,40}$/;

/** Only a published piece has a public page; every other status is as unknown as a wrong slug. */
export const LANDING_STATUS = "published";

export type PieceRow = typeof schema.pieces.$inferSelect;

/** The published piece behind a public slug, or null (unknown, malformed, or not published). */
export function findPublishedPiece(db: DbOrTx, slug: string): PieceRow | null {
  if (!SLUG.test(slug)) return null;
  const piece = db.select().from(schema.pieces).where(eq(schema.pieces.slug, slug)).get();
  return piece && piece.status === LANDING_STATUS ? piece : null;
}

/**
 * The render a published episode's page plays: its newest render, the same version the publisher
 * hands to the channels (getPublishBundle), so the landing page and the post show one video.
 */
export function publishedRender(db: DbOrTx, piece: PieceRow) {
  if (piece.kind !== "episode") return null;
  return (
    db
      .select()
      .from(schema.episodeRenders)
      .where(eq(schema.episodeRenders.pieceId, piece.id))
      .orderBy(desc(schema.episodeRenders.number))
      .limit(1)
      .get() ?? null
  );
}

/** A poster's image: its newest verified image upload, as the publisher picks it. */
export function posterImage(db: DbOrTx, piece: PieceRow) {
  return piece.kind === "poster" ? latestVerifiedImage(db, piece.id) : null;
}
