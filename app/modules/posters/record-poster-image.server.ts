import { and, eq, max } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

/** The next version number of a poster's images (renders and uploads share one sequence). */
export function nextRenderNumber(tx: DbOrTx, pieceId: number): number {
  const row = tx
    .select({ top: max(schema.posterRenders.number) })
    .from(schema.posterRenders)
    .where(eq(schema.posterRenders.pieceId, pieceId))
    .get();
  return (row?.top ?? 0) + 1;
}

/**
 * Makes a finished poster image the piece's media: a verified image asset, which the calendar,
 * the publisher and the landing page already take as a poster's picture (its newest one).
 */
export function insertPosterAsset(
  tx: DbOrTx,
  options: {
    pieceId: number;
    number: number;
    relPath: string;
    bytes: number;
    width: number;
    height: number;
    uploadedBy: number | null;
    now: Date;
  },
): number {
  return tx
    .insert(schema.mediaAssets)
    .values({
      pieceId: options.pieceId,
      role: "poster",
      kind: "image",
      originalName: `poster-${options.pieceId}-v${options.number}${options.relPath.endsWith(".jpg") ? ".jpg" : ".png"}`,
      relPath: options.relPath,
      bytes: options.bytes,
      width: options.width,
      height: options.height,
      verifyStatus: "verified",
      uploadedBy: options.uploadedBy,
      createdAt: options.now,
    })
    .returning({ id: schema.mediaAssets.id })
    .get().id;
}

export function findRenderByJob(tx: DbOrTx, jobId: number) {
  return tx.select().from(schema.posterRenders).where(eq(schema.posterRenders.jobId, jobId)).get() ?? null;
}

export function findRender(tx: DbOrTx, pieceId: number, renderId: number) {
  return (
    tx
      .select()
      .from(schema.posterRenders)
      .where(and(eq(schema.posterRenders.pieceId, pieceId), eq(schema.posterRenders.id, renderId)))
      .get() ?? null
  );
}
