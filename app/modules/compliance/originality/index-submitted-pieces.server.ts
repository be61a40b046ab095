import { ne } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { indexPieceCopy } from "./index-piece-copy.server";

/**
 * Rewrites the originality index of every piece that has been submitted (any status but draft)
 * from its current copy: what submitting writes, for pieces made or changed without going through
 * it. The demo seed runs it once after every seed that makes pieces (some attach their script or
 * chapters to a piece the foundation seed had already submitted); see
 * docs/decisions/0027-originality-minhash-index.md.
 */
export function indexSubmittedPieces(options: { db: Db }): { pieces: number } {
  const { db } = options;
  return db.transaction((tx) => {
    const submitted = tx
      .select({ id: schema.pieces.id })
      .from(schema.pieces)
      .where(ne(schema.pieces.status, "draft"))
      .all();
    for (const { id } of submitted) indexPieceCopy({ tx, pieceId: id });
    return { pieces: submitted.length };
  });
}
