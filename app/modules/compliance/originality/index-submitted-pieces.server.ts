import { and, ne, notExists, sql } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { indexPieceCopy } from "./index-piece-copy.server";

/**
 * Indexes every piece that has been submitted (any status but draft) and has no rows in the
 * originality index: what submitting would have written had the index existed. The demo seed
 * runs it once after its pieces are made (see docs/decisions/0027-originality-minhash-index.md).
 */
export function indexSubmittedPieces(options: { db: Db }): { pieces: number } {
  const { db } = options;
  return db.transaction((tx) => {
    const missing = tx
      .select({ id: schema.pieces.id })
      .from(schema.pieces)
      .where(
        and(
          ne(schema.pieces.status, "draft"),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(schema.originalityBands)
              .where(sql`${schema.originalityBands.pieceId} = ${schema.pieces.id}`),
          ),
        ),
      )
      .all();
    for (const { id } of missing) indexPieceCopy({ tx, pieceId: id });
    return { pieces: missing.length };
  });
}
