import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { holdApproval } from "../pieces/approval-hold.server";

/**
 * Marks the piece as touched (its list order and "updated" column follow book edits). Every change
 * to a book's content passes here, so it is also where an approved book goes back for approval.
 */
export function touchPiece(tx: DbOrTx, options: { pieceId: number; actor: Actor; now: Date }): void {
  tx.update(schema.pieces).set({ updatedAt: options.now }).where(eq(schema.pieces.id, options.pieceId)).run();
  holdApproval(tx, options);
}
