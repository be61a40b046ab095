import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";

/**
 * A piece's status transitions with the name of who made each, for the history and the approval
 * hold; the caller orders (and limits) them.
 */
export function transitionRows(db: DbOrTx, pieceId: number) {
  return db
    .select({
      id: schema.pieceTransitions.id,
      action: schema.pieceTransitions.action,
      fromStatus: schema.pieceTransitions.fromStatus,
      toStatus: schema.pieceTransitions.toStatus,
      note: schema.pieceTransitions.note,
      actorName: schema.users.name,
      at: schema.pieceTransitions.at,
    })
    .from(schema.pieceTransitions)
    .leftJoin(schema.users, eq(schema.users.id, schema.pieceTransitions.actorId))
    .where(eq(schema.pieceTransitions.pieceId, pieceId))
    .$dynamic();
}
