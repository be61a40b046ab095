import { and, desc, eq, inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { settings } from "~/lib/env.server";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { EDIT_AFTER_APPROVAL, HELD_STATUSES, type ApprovalHoldDto } from "./approval-hold";
import { transitionRows } from "./transition-rows.server";

/**
 * Called inside every transaction that changes what a piece says (each kind's save): an approved
 * or scheduled piece goes back to draft (or to review, by APPROVAL_EDIT_RETURNS_TO) in that same
 * transaction, with the transition and the audit entry, so no approval outlives the text it
 * approved. Other statuses are left alone. Returns the new status when it moved the piece.
 */
export function holdApproval(
  tx: DbOrTx,
  options: { pieceId: number; actor: Actor; now: Date },
): string | null {
  const { pieceId, actor, now } = options;
  const piece = tx
    .select({ status: schema.pieces.status })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, pieceId))
    .get();
  if (!piece || !HELD_STATUSES.includes(piece.status)) return null;
  const to = settings().approvalEditReturnsTo;
  tx.update(schema.pieces)
    .set({ status: to, updatedAt: now })
    .where(and(eq(schema.pieces.id, pieceId), inArray(schema.pieces.status, [...HELD_STATUSES])))
    .run();
  tx.insert(schema.pieceTransitions)
    .values({
      pieceId,
      fromStatus: piece.status,
      toStatus: to,
      action: EDIT_AFTER_APPROVAL,
      note: null,
      actorId: actor.id,
      at: now,
    })
    .run();
  recordAudit(tx, {
    actor: auditActor(actor),
    action: `piece.${EDIT_AFTER_APPROVAL}`,
    entity: "piece",
    entityId: pieceId,
    before: { status: piece.status },
    after: { status: to },
    at: now,
  });
  return to;
}

/**
 * The note a piece page shows: the piece's latest transition is an edit after approval and it
 * has not been approved again since. Null otherwise.
 */
export function getApprovalHold(options: { db: DbOrTx; pieceId: number }): ApprovalHoldDto | null {
  const latest = transitionRows(options.db, options.pieceId)
    .orderBy(desc(schema.pieceTransitions.id))
    .limit(1)
    .get();
  if (!latest || latest.action !== EDIT_AFTER_APPROVAL) return null;
  return {
    fromStatus: latest.fromStatus,
    toStatus: latest.toStatus,
    actorName: latest.actorName,
    at: latest.at.toISOString(),
  };
}
