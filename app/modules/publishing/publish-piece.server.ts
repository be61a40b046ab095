import { and, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { recordAudit, type AuditActor } from "../audit/record-audit.server";
import { TRANSITIONS } from "../pieces/status-machine";

/**
 * A piece's first published slot moves the piece to `published`, along the status machine's own
 * `publish` rule (from approved or scheduled), with its history row and audit entry, inside the
 * caller's transaction. The role check of that rule is not asked here: the post is already live,
 * and who may record that is decided by the slot's own rule (`publishing.handoff`, the operator).
 * A piece already published (an earlier slot) or moved elsewhere meanwhile stays as it is.
 */
export function publishPieceForSlot(
  tx: DbOrTx,
  options: {
    pieceId: number;
    slotId: number;
    /** Whose act it was: the person marking it, else the slot's creator, else the operator. */
    actorId: number | null;
    auditActor: AuditActor;
    now: Date;
  },
): boolean {
  const rule = TRANSITIONS.publish;
  const piece = tx
    .select({ id: schema.pieces.id, status: schema.pieces.status })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, options.pieceId))
    .get();
  if (!piece || !(rule.from as readonly string[]).includes(piece.status)) return false;
  const changed = tx
    .update(schema.pieces)
    .set({ status: rule.to, publishedAt: options.now, updatedAt: options.now })
    .where(and(eq(schema.pieces.id, piece.id), eq(schema.pieces.status, piece.status)))
    .run().changes;
  if (changed !== 1) return false;
  if (options.actorId !== null) {
    tx.insert(schema.pieceTransitions)
      .values({
        pieceId: piece.id,
        fromStatus: piece.status,
        toStatus: rule.to,
        action: "publish",
        note: `发布位 #${options.slotId}`,
        actorId: options.actorId,
        at: options.now,
      })
      .run();
  }
  recordAudit(tx, {
    actor: options.auditActor,
    action: "piece.publish",
    entity: "piece",
    entityId: piece.id,
    before: { status: piece.status },
    after: { status: rule.to, slotId: options.slotId },
    at: options.now,
  });
  return true;
}
