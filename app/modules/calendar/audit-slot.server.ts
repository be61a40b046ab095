import type { DbOrTx } from "~/lib/db.server";
import { recordAudit, type AuditEntry } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";

/**
 * A slot change's audit entry, in the caller's transaction: who (a person, or null for the
 * publisher's own steps), what, and the slot's fields before and after.
 */
export function auditSlot(
  tx: DbOrTx,
  actor: Actor | null,
  action: string,
  slotId: number,
  now: Date,
  change: Pick<AuditEntry, "before" | "after">,
): void {
  recordAudit(tx, { actor: auditActor(actor), action, entity: "slot", entityId: slotId, ...change, at: now });
}
