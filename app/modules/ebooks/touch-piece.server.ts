import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

/** Marks the piece as touched (its list order and "updated" column follow book edits). */
export function touchPiece(tx: DbOrTx, options: { pieceId: number; now: Date }): void {
  tx.update(schema.pieces).set({ updatedAt: options.now }).where(eq(schema.pieces.id, options.pieceId)).run();
}
