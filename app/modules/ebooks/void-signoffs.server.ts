import { and, eq, inArray, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { notify } from "../notifications/notify.server";

/**
 * Called inside every transaction that changes a book's content: active sign-offs are voided with
 * the reason, in the same transaction, so a print build can never use a stale approval.
 */
export function voidSignoffs(
  tx: DbOrTx,
  options: { pieceId: number; reason: string; actor: Actor; now: Date },
): number[] {
  const active = tx
    .select({ id: schema.ebookSignoffs.id })
    .from(schema.ebookSignoffs)
    .where(and(eq(schema.ebookSignoffs.pieceId, options.pieceId), isNull(schema.ebookSignoffs.voidedAt)))
    .all()
    .map((r) => r.id);
  if (active.length === 0) return [];
  tx.update(schema.ebookSignoffs)
    .set({ voidedAt: options.now, voidReason: options.reason })
    .where(inArray(schema.ebookSignoffs.id, active))
    .run();
  recordAudit(tx, {
    actor: auditActor(options.actor),
    action: "ebook.signoff.void",
    entity: "piece",
    entityId: options.pieceId,
    before: { signoffIds: active },
    after: { reason: options.reason },
    at: options.now,
  });
  notify({ db: tx, now: options.now, event: { type: "signoff_voided", ...options, signoffIds: active } });
  return active;
}
